#include "kpi/verify/findings.hpp"

#include <map>
#include <string>

#include <fmt/format.h>

namespace kpi::verify {
namespace {

using model::Indicator;

std::string value_text(const model::Value& v) { return v.number ? v.number->to_string() : "-"; }

bool same_number(const model::Value& a, const model::Value& b) {
  if (a.number.has_value() != b.number.has_value()) return false;
  return !a.number || *a.number == *b.number;
}

// First field in which a re-listed row differs from its original, or "".
std::string first_difference(const Indicator& copy, const Indicator& original) {
  if (!same_number(copy.baseline.value, original.baseline.value))
    return fmt::format("baseline {} vs {}", value_text(copy.baseline.value),
                       value_text(original.baseline.value));
  if (!same_number(copy.final_target.value, original.final_target.value))
    return fmt::format("final target {} vs {}", value_text(copy.final_target.value),
                       value_text(original.final_target.value));
  for (const auto& o : copy.observations)
    for (const auto& p : original.observations) {
      if (o.fiscal_year != p.fiscal_year) continue;
      const std::pair<const char*, std::pair<const model::Value*, const model::Value*>> fields[] = {
          {"target", {&o.target, &p.target}},
          {"actual", {&o.actual, &p.actual}},
          {"published rate", {&o.published_rate, &p.published_rate}}};
      for (const auto& [name, values] : fields)
        if (!same_number(*values.first, *values.second))
          return fmt::format("FY{} {} {} vs {}", o.fiscal_year, name, value_text(*values.first),
                             value_text(*values.second));
    }
  return "";
}

// The KPI a re-listed row points at: an id can hold several KPIs (seq 1, 2, ...), so the one
// with the same name is preferred, else the first of that id.
const Indicator* original_of(
    const Indicator& copy,
    const std::multimap<std::pair<std::string, std::string>, const Indicator*>& by_id) {
  auto [first, last] = by_id.equal_range({copy.municipality, *copy.relisted_of});
  for (auto it = first; it != last; ++it)
    if (it->second->name == copy.name) return it->second;
  return first == last ? nullptr : first->second;
}

void relisted_differs(const std::vector<const Indicator*>& all, std::vector<model::Finding>& out) {
  std::multimap<std::pair<std::string, std::string>, const Indicator*> by_id;
  for (const auto* ind : all)
    if (!ind->relisted_of) by_id.emplace(std::pair{ind->municipality, ind->id}, ind);
  for (const auto* ind : all) {
    if (!ind->relisted_of || ind->relisted_of->empty()) continue;
    const auto* original = original_of(*ind, by_id);
    if (!original) continue;
    auto diff = first_difference(*ind, *original);
    if (diff.empty()) continue;
    out.push_back({"relisted-differs", model::Severity::error,
                   fmt::format("{} re-lists {} but differs: {}", ind->id, original->id, diff),
                   {ind->source, original->source},
                   {ind->id, original->id}});
  }
}

}  // namespace

std::vector<model::Finding> find_cross_row_problems(const std::vector<model::Sheet>& sheets) {
  std::vector<const Indicator*> all;
  for (const auto& s : sheets)
    for (const auto& ind : s.parsed.indicators) all.push_back(&ind);
  std::vector<model::Finding> out;
  relisted_differs(all, out);
  return out;
}

}  // namespace kpi::verify
