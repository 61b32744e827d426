#pragma once
// A municipality's conventions, kept as data (data/profiles/*.json, built in).
#include <string>
#include <string_view>
#include <vector>

namespace kpi::calc {

enum class RateBasis { year_target, final_target };
enum class Rounding { half_away, half_even, down };

struct Grade {
  std::string label;       // "A"
  double min_percent = 0;  // inclusive lower bound (以上)
};

struct Profile {
  std::string slug;  // takaoka
  std::string name;  // 高岡市
  RateBasis rate_basis = RateBasis::year_target;
  Rounding rounding = Rounding::half_away;
  bool zero_target_progress = true;  // target 0: (actual - baseline) / (target - baseline)
  bool maintain_zero_is_100 = true;  // maintain, target 0 and actual 0: 100%
  // Maintain where a lower value is the aim: kept at or within (below) the target = 100%
  // (Toyama 4-05 公共交通空白地域人口率 "2.0%（現状維持を目指す）", actual 1.9, printed 100%).
  bool maintain_within_is_100 = false;
  std::vector<Grade> grades;                 // descending min_percent
  std::vector<std::string> exact_units;      // counts of whole things: no rounding slack
  std::vector<std::string> average_markers;  // "1校あたり": a per-unit average, not a count
};

// The built-in profile for `slug` (in any case), or the default profile when there is none.
const Profile& profile_for(std::string_view slug);
// The slug of the built-in profile whose name is `name` ("高岡市" → "takaoka"), or "".
std::string slug_for_name(std::string_view name);
// The name of the built-in profile `slug` (in any case: "takaoka" → "高岡市"), or "" when
// there is none.
std::string name_for_slug(std::string_view slug);
// Parses a profile from JSON text; throws std::runtime_error with a message on bad input.
Profile parse_profile(std::string_view json_text);
// The grade of a rate in percent ("" when the profile has no grades).
std::string grade_of(const Profile& profile, double percent);
// True when values in `unit` are counts of whole things (人, 件, 回 ...), exact as printed.
bool is_exact_unit(const Profile& profile, std::string_view unit);
// True when a KPI's values are exact as printed: a count unit and not a per-unit average.
bool is_exact_quantity(const Profile& profile, std::string_view unit, std::string_view name);

}  // namespace kpi::calc
