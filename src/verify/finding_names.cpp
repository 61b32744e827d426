// Rows that should agree because they name the same thing.
#include <map>

#include <fmt/format.h>

#include "finding_kinds.hpp"
#include "kpi/calc/rational.hpp"

namespace kpi::verify {
namespace {

bool same_values(const model::Indicator& a, const model::Indicator& b) {
  if (!same_number(a.baseline.value, b.baseline.value)) return false;
  if (!same_number(a.final_target.value, b.final_target.value)) return false;
  for (const auto& o : a.observations)
    for (const auto& p : b.observations)
      if (o.fiscal_year == p.fiscal_year &&
          (!same_number(o.actual, p.actual) || !same_number(o.target, p.target)))
        return false;
  return true;
}

bool contains_total_word(const std::string& name) {
  return name.find("合計") != std::string::npos || name.find("(計)") != std::string::npos ||
         name.find("全体") != std::string::npos;
}

}  // namespace

void find_same_name_conflicts(const IndicatorList& all, std::vector<model::Finding>& out) {
  std::map<std::pair<std::string, std::string>, const model::Indicator*> first_by_name;
  for (const auto* ind : all) {
    if (ind->name.empty()) continue;
    auto [it, inserted] = first_by_name.emplace(std::pair{ind->municipality, ind->name}, ind);
    if (inserted) continue;
    const auto* other = it->second;
    // Re-listed rows are compared with their original by find_relisted_differences.
    if (other->id == ind->id || ind->relisted_of || other->relisted_of) continue;
    if (same_values(*ind, *other)) continue;
    out.push_back({"same-name-differs", model::Severity::warning,
                   fmt::format("\"{}\" appears as {} and {} with different numbers", ind->name,
                               other->id, ind->id),
                   {other->source, ind->source},
                   {other->id, ind->id}});
  }
}

namespace {

std::optional<calc::Rational> sum_of_parts(const IndicatorList& parts, int fiscal_year) {
  calc::Rational sum;
  for (const auto* p : parts) {
    const model::Observation* found = nullptr;
    for (const auto& o : p->observations)
      if (o.fiscal_year == fiscal_year && o.actual.number) found = &o;
    if (!found) return std::nullopt;
    sum = sum + calc::Rational::of(*found->actual.number);
  }
  return sum;
}

}  // namespace

void find_parts_not_adding_up(const IndicatorList& all, std::vector<model::Finding>& out) {
  // Indicators of one id and municipality: a total row (合計/全体) and its parts.
  std::map<std::pair<std::string, std::string>, IndicatorList> groups;
  for (const auto* ind : all) groups[{ind->municipality, ind->id}].push_back(ind);
  for (const auto& [key, members] : groups) {
    const model::Indicator* total = nullptr;
    IndicatorList parts;
    for (const auto* m : members) {
      if (contains_total_word(m->name)) total = m;
      else parts.push_back(m);
    }
    if (!total || parts.size() < 2) continue;
    for (const auto& t : total->observations) {
      if (!t.actual.number) continue;
      auto sum = sum_of_parts(parts, t.fiscal_year);
      if (!sum || calc::compare(*sum, calc::Rational::of(*t.actual.number)) == 0) continue;
      out.push_back({"parts-total", model::Severity::error,
                     fmt::format("{}: FY{} parts add up to {} but the total says {}", total->id,
                                 t.fiscal_year, calc::round_half_away(*sum, 6).to_string(),
                                 t.actual.text),
                     {total->source, parts.front()->source},
                     {total->id, parts.front()->id}});
    }
  }
}

}  // namespace kpi::verify
