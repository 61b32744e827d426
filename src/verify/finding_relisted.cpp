// 再掲 rows repeat a KPI under another measure; their values must equal the original's.
#include <map>

#include <fmt/format.h>

#include "finding_kinds.hpp"

namespace kpi::verify {
namespace {

using model::Indicator;

std::string observation_difference(const Indicator& copy, const Indicator& original) {
  for (const auto& o : copy.observations)
    for (const auto& p : original.observations) {
      if (o.fiscal_year != p.fiscal_year) continue;
      const std::pair<const char*, std::pair<const model::Value*, const model::Value*>> fields[] = {
          {"target", {&o.target, &p.target}},
          {"actual", {&o.actual, &p.actual}},
          {"published rate", {&o.published_rate, &p.published_rate}}};
      for (const auto& [name, values] : fields)
        if (!same_number(*values.first, *values.second))
          return fmt::format("FY{} {} {} vs {}", o.fiscal_year, name, number_text(*values.first),
                             number_text(*values.second));
    }
  return "";
}

// First field in which a re-listed row differs from its original, or "".
std::string first_difference(const Indicator& copy, const Indicator& original) {
  if (!same_number(copy.baseline.value, original.baseline.value))
    return fmt::format("baseline {} vs {}", number_text(copy.baseline.value),
                       number_text(original.baseline.value));
  if (!same_number(copy.final_target.value, original.final_target.value))
    return fmt::format("final target {} vs {}", number_text(copy.final_target.value),
                       number_text(original.final_target.value));
  if (copy.unit != original.unit) return fmt::format("unit {} vs {}", copy.unit, original.unit);
  return observation_difference(copy, original);
}

}  // namespace

void find_relisted_differences(const IndicatorList& all, std::vector<model::Finding>& out) {
  std::map<std::pair<std::string, std::string>, const Indicator*> originals;
  for (const auto* ind : all)
    if (!ind->relisted_of) originals.emplace(std::pair{ind->municipality, ind->id}, ind);
  for (const auto* ind : all) {
    if (!ind->relisted_of || ind->relisted_of->empty()) continue;
    auto it = originals.find({ind->municipality, *ind->relisted_of});
    if (it == originals.end()) continue;
    auto diff = first_difference(*ind, *it->second);
    if (diff.empty()) continue;
    out.push_back({"relisted-differs", model::Severity::error,
                   fmt::format("{} (再掲) differs from its original {} (line {}): {}", ind->id,
                               it->second->id, it->second->source.line, diff),
                   {ind->source, it->second->source},
                   {ind->id, it->second->id}});
  }
}

}  // namespace kpi::verify
