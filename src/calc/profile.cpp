#include "kpi/calc/profile.hpp"

#include <map>
#include <mutex>
#include <stdexcept>

#include <nlohmann/json.hpp>

#include "kpi/text/strings.hpp"

namespace kpi::calc {

const std::vector<std::pair<std::string_view, std::string_view>>& builtin_profile_texts();

namespace {

RateBasis basis_from(const std::string& s) {
  if (s == "year_target") return RateBasis::year_target;
  if (s == "final_target") return RateBasis::final_target;
  throw std::runtime_error("rate_basis: expected year_target or final_target, got " + s);
}

Rounding rounding_from(const std::string& s) {
  if (s == "half_away") return Rounding::half_away;
  if (s == "half_even") return Rounding::half_even;
  if (s == "down") return Rounding::down;
  throw std::runtime_error("rounding: expected half_away, half_even or down, got " + s);
}

const std::map<std::string, Profile, std::less<>>& builtin_profiles() {
  static const auto profiles = [] {
    std::map<std::string, Profile, std::less<>> out;
    for (const auto& [slug, text] : builtin_profile_texts()) out.emplace(slug, parse_profile(text));
    return out;
  }();
  return profiles;
}

}  // namespace

Profile parse_profile(std::string_view json_text) {
  auto j = nlohmann::json::parse(json_text, nullptr, false);
  if (j.is_discarded() || !j.is_object())
    throw std::runtime_error("profile: expected a JSON object");
  try {
    Profile p;
    p.slug = j.value("slug", "default");
    p.name = j.value("name", p.slug);
    p.rate_basis = basis_from(j.value("rate_basis", "year_target"));
    p.rounding = rounding_from(j.value("rounding", "half_away"));
    p.zero_target_progress = j.value("zero_target_progress", true);
    p.maintain_zero_is_100 = j.value("maintain_zero_is_100", true);
    p.maintain_within_is_100 = j.value("maintain_within_is_100", false);
    for (const auto& g : j.value("grades", nlohmann::json::array()))
      p.grades.push_back({g.at("label").get<std::string>(), g.at("min_percent").get<double>()});
    p.exact_units = j.value("exact_units", std::vector<std::string>{});
    p.average_markers = j.value("average_markers", std::vector<std::string>{});
    return p;
  } catch (const nlohmann::json::exception& e) {
    throw std::runtime_error(std::string("profile: ") + e.what());
  }
}

namespace {

// The built-in profile of `slug` in any case ("Takaoka" is takaoka), or nullptr.
const Profile* builtin_profile(std::string_view slug) {
  const auto& all = builtin_profiles();
  if (auto it = all.find(slug); it != all.end()) return &it->second;
  auto it = all.find(text::ascii_lower(slug));
  return it == all.end() ? nullptr : &it->second;
}

}  // namespace

const Profile& profile_for(std::string_view slug) {
  const auto* profile = builtin_profile(slug);
  return profile ? *profile : builtin_profiles().at("default");
}

std::string slug_for_name(std::string_view name) {
  for (const auto& [slug, profile] : builtin_profiles())
    if (!name.empty() && profile.name == name) return std::string(slug);
  return {};
}

std::string name_for_slug(std::string_view slug) {
  const auto* profile = builtin_profile(slug);
  return !profile || profile->slug == "default" ? std::string() : profile->name;
}

std::string grade_of(const Profile& profile, double percent) {
  for (const auto& g : profile.grades)
    if (percent >= g.min_percent) return g.label;
  return "";
}

namespace {

// 延べ事業者, 延べ人数 (a running total of counts, 延 alone too) counts as its noun does.
std::string_view without_total_prefix(std::string_view noun) {
  for (std::string_view prefix : {"延べ", "延"})
    if (text::starts_with(noun, prefix) && noun.size() > prefix.size())
      return noun.substr(prefix.size());
  return noun;
}

bool is_count_noun(const Profile& profile, std::string_view noun) {
  noun = without_total_prefix(noun);
  for (const auto& u : profile.exact_units)
    if (noun == u) return true;
  return false;
}

}  // namespace

bool is_exact_unit(const Profile& profile, std::string_view unit) {
  // "人", "件/年", "人(累計)", "カウント(件)" are counts; "人/ha", "人/日", "万人/年" are not.
  unit = text::trim(unit);
  auto cut = unit.find_first_of("/(");
  auto noun = text::trim(unit.substr(0, cut));
  if (cut != std::string_view::npos && unit[cut] == '/') {
    auto per = text::trim(unit.substr(cut + 1));
    per = per.substr(0, per.find('('));
    if (per != "年" && per != "年度") return false;
  }
  if (is_count_noun(profile, noun)) return true;
  auto open = unit.find('(');
  if (open == std::string_view::npos) return false;
  auto close = unit.find(')', open);
  return is_count_noun(
      profile, unit.substr(open + 1, close == std::string_view::npos ? std::string_view::npos
                                                                     : close - open - 1));
}

bool is_exact_quantity(const Profile& profile, std::string_view unit, std::string_view name) {
  if (!is_exact_unit(profile, unit)) return false;  // most units: the name is not searched
  for (const auto& marker : profile.average_markers)
    if (name.find(marker) != std::string_view::npos) return false;
  return true;
}

}  // namespace kpi::calc
