#include "kpi/verify/findings.hpp"

#include "finding_kinds.hpp"
#include "kpi/calc/rational.hpp"

namespace kpi::verify {

std::string number_text(const model::Value& v) {
  return v.number ? v.number->to_string() : "-";
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
