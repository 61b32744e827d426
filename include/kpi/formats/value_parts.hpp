#pragma once
// Hand-typed value cells of TSV sheets: one or several values, each with an optional label,
// unit, qualifier, bracketed time point, bracketed breakdown or reference numbers, and a
// trailing remark:
//   "126品 (R元)"   "42.2%以上"   "589,989百万円 (R3) ※R4実績は未確定"
//   "953,404人 (H30 直江津) 1,128,338人 (H30 高田)"   "小学6年生88.2% 中学3年生84.5% (H29)"
//   "3,034人/日 (ほくほく線: 1,395人/日 (H30) トキ鉄: 1,639人/日 (H30))"   "14組・19人"
//   "45.7% (依頼会員595人、提供会員272人)"   "航路数の増加・コンテナの仕向け地の多様化"
// Knows nothing of a particular sheet; printed texts are kept in the original characters.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kpi/model/value.hpp"

namespace kpi::formats {

// A printed time point: "H30", "R元.11", "R4実績", "H26～H30の平均値", "R5.1~6".
struct TimePoint {
  std::string text;                // as printed
  std::optional<int> fiscal_year;  // absent when the period spans fiscal years (a range)
};

struct ValuePart {
  std::string label;   // printed before the value ("小学6年生") or in its bracket ("直江津")
  model::Value value;  // the number and its printed text ("953,404人", "約32,000件/年")
  std::string unit;    // "人", "%", "個/年", "百万円"; "" when none is printed
  model::Qualifier qualifier = model::Qualifier::none;
  std::optional<TimePoint> time;      // the value's own bracketed time point
  std::vector<ValuePart> breakdown;   // bracketed values in the same unit: parts of this total
  std::vector<ValuePart> references;  // bracketed values in another unit: reference figures
  std::string reference_text;  // those brackets as printed ("依頼会員595人、提供会員272人")
};

struct ValueCell {
  std::string text;               // the whole cell as printed, spaces squeezed
  bool no_value = false;          // empty or a dash ("-", "－", "―")
  std::vector<ValuePart> parts;   // empty: no value or words only (a qualitative cell)
  std::optional<TimePoint> time;  // the first time point printed anywhere in the cell
  std::string remark;    // from a "※" outside brackets to the end: "※R4実績は未確定"
  std::string leftover;  // other printed text that is no label, value or time point
};

// Reads one cell (markup already removed; any normalisation is done here).
ValueCell read_value_cell(std::string_view cell);

// The parts of a cell with each breakdown following its total: [total, part, part, ...].
std::vector<const ValuePart*> flatten_parts(const ValueCell& cell);

}  // namespace kpi::formats
