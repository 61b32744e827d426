#include "kpi/verify/findings.hpp"

#include <algorithm>

#include "finding_kinds.hpp"
#include "kpi/calc/rational.hpp"

namespace kpi::verify {

// Thousands separators as the sheet prints them: "11,499" when the cell had them.
std::string grouped(const std::string& digits) {
  auto start = digits.find_first_of("0123456789");
  auto end = std::min(digits.find('.'), digits.size());
  std::string out = digits.substr(0, start);
  for (auto i = start; i < end; ++i) {
    out += digits[i];
    auto left = end - i - 1;
    if (left > 0 && left % 3 == 0) out += ',';
  }
  return out + digits.substr(end);
}

bool contains(std::string_view text, std::string_view what) {
  return text.find(what) != std::string_view::npos;
}

// A value's number as the sheet prints it: "11,499", "95.8%"; "-" for none.
std::string number_text(const model::Value& v) {
  if (!v.number) return "-";
  auto text = v.number->to_string();
  if (contains(v.text, ",") || contains(v.text, "，")) text = grouped(text);
  if (contains(v.text, "%") || contains(v.text, "％")) text += "%";
  return text;
}

bool same_number(const model::Value& a, const model::Value& b) {
  if (a.number.has_value() != b.number.has_value()) return false;
  return !a.number || *a.number == *b.number;
}

std::vector<model::Finding> find_cross_row_problems(const std::vector<model::Sheet>& sheets) {
  IndicatorList all;
  for (const auto& s : sheets)
    for (const auto& ind : s.parsed.indicators) all.push_back(&ind);
  std::vector<model::Finding> out;
  find_relisted_differences(all, out);
  find_cumulative_decreases(all, out);
  find_stale_actuals(all, out);
  find_same_name_conflicts(all, out);
  try {
    find_parts_not_adding_up(all, out);
  } catch (const calc::Overflow&) {
    // Sums of 18-digit values with many decimals exceed exact arithmetic: no claim either way
    // rather than a sum that wrapped around.
  }
  for (const auto& s : sheets) find_formula_mixes(s, out);
  return out;
}

}  // namespace kpi::verify
