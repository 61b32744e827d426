// 再掲 rows repeat a KPI under another measure; their values must equal the original's.
#include <iterator>
#include <optional>
#include <string_view>

#include <fmt/format.h>

#include "finding_kinds.hpp"
#include "indicator_groups.hpp"
#include "kpi/text/name_form.hpp"

namespace kpi::verify {
namespace {

using model::Indicator;
void observation_differences(const Indicator& copy, const Indicator& original,
                             std::vector<std::string>& out) {
  for (const auto& o : copy.observations)
    for (const auto& p : original.observations) {
      if (o.fiscal_year != p.fiscal_year) continue;
      const std::pair<const char*, std::pair<const model::Value*, const model::Value*>> fields[] = {
          {"target", {&o.target, &p.target}},
          {"actual", {&o.actual, &p.actual}},
          {"published rate", {&o.published_rate, &p.published_rate}}};
      for (const auto& [name, values] : fields)
        if (!same_number(*values.first, *values.second))
          out.push_back(fmt::format("FY{} {} {} vs {}", o.fiscal_year, name,
                                    number_text(*values.first), number_text(*values.second)));
    }
}

// Every field and year in which a re-listed row differs from its original ("" = none).
std::string differences(const Indicator& copy, const Indicator& original) {
  std::vector<std::string> out;
  if (!same_number(copy.baseline.value, original.baseline.value))
    out.push_back(fmt::format("baseline {} vs {}", number_text(copy.baseline.value),
                              number_text(original.baseline.value)));
  if (!same_number(copy.final_target.value, original.final_target.value))
    out.push_back(fmt::format("final target {} vs {}", number_text(copy.final_target.value),
                              number_text(original.final_target.value)));
  if (copy.unit != original.unit)
    out.push_back(fmt::format("unit {} vs {}", copy.unit, original.unit));
  observation_differences(copy, original, out);
  std::string joined;
  for (const auto& d : out) joined += (joined.empty() ? "" : "; ") + d;
  return joined;
}

// The KPI a re-listed row points at: an id can hold several KPIs (seq 1, 2, ...), so the one
// with the same name (as matched: "（累計）" = "(累計)") is preferred, else the first of that id.
const Indicator* original_of(const Indicator& copy, const IndicatorGroups& originals) {
  auto [first, last] = find_group(originals, model::body_of(copy), *copy.relisted_of);
  if (first == last) return nullptr;
  if (std::next(first) == last) return first->indicator;  // the only one, whatever its name
  auto name = text::name_form(copy.name);
  for (auto it = first; it != last; ++it)
    if (text::name_form(it->indicator->name) == name) return it->indicator;
  return first->indicator;
}

// Where a row's values are printed: in PDF text the KPI's own line can hold only its number
// ("16"), so its first observation's line is quoted instead.
model::SourceLocation values_location(const Indicator& ind) {
  for (const auto& o : ind.observations)
    if (o.source.line > 0) return o.source;
  return ind.source;
}

}  // namespace

void find_relisted_differences(const IndicatorList& all, std::vector<model::Finding>& out) {
  auto originals = group_by(all, [](const Indicator& ind) -> std::optional<std::string_view> {
    if (ind.relisted_of) return std::nullopt;
    return ind.id;
  });
  for (const auto* ind : all) {
    if (!ind->relisted_of || ind->relisted_of->empty()) continue;
    const auto* original = original_of(*ind, originals);
    if (!original) continue;
    auto diff = differences(*ind, *original);
    if (diff.empty()) continue;
    out.push_back({"relisted-differs",
                   model::Severity::error,
                   fmt::format("{} (再掲) {} differs from its original {} (line {}): {}", ind->id,
                               ind->name, original->id, values_location(*original).line, diff),
                   {values_location(*ind), values_location(*original)},
                   {ind->id, original->id}});
  }
}

}  // namespace kpi::verify
