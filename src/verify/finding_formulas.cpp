// Which formulas a sheet's published rates use, and sheets that mix them without reason.
#include <map>

#include <fmt/format.h>

#include "finding_kinds.hpp"
#include "kpi/verify/findings.hpp"

namespace kpi::verify {
namespace {

bool explained(const model::Observation& o) {
  return o.check.verdict == model::Verdict::match || o.check.verdict == model::Verdict::consistent;
}

std::string formula_of(const model::Observation& o) {
  return o.check.basis.empty() ? o.check.method : o.check.method + " against the " + o.check.basis;
}

// Indicators of the same kind should be computed alike: same direction, and a zero or a
// non-zero target (zero targets need progress from the baseline).
std::string kind_of(const model::Indicator& ind, const model::Observation& o) {
  const char* direction = model::to_string(ind.direction);
  bool zero_target = o.target.number && o.target.number->units == 0;
  // A printed indicator type (進捗割合型 ...) prescribes its own formula: its own kind.
  const char* typed = model::to_string(ind.rate_formula);
  return fmt::format("{}{}{}", direction ? direction : "unknown-direction",
                     zero_target ? " (target 0)" : "", typed ? fmt::format(" ({})", typed) : "");
}

// Formulas that a convention allows as exceptions within a kind.
bool is_convention(const std::string& formula) {
  return formula.rfind("met_is_100", 0) == 0 || formula.rfind("maintain_zero", 0) == 0 ||
         formula.rfind("maintain_within", 0) == 0;
}

}  // namespace

std::map<std::string, int> formula_usage(const model::Sheet& sheet) {
  std::map<std::string, int> usage;
  for (const auto& ind : sheet.parsed.indicators)
    for (const auto& o : ind.observations)
      if (o.published_rate.number && explained(o)) ++usage[formula_of(o)];
  return usage;
}

void find_formula_mixes(const model::Sheet& sheet, std::vector<model::Finding>& out) {
  struct Use {
    int count = 0;
    const model::Indicator* example = nullptr;
    const model::Observation* at = nullptr;
  };
  std::map<std::string, std::map<std::string, Use>> by_kind;
  for (const auto& ind : sheet.parsed.indicators) {
    if (ind.relisted_of) continue;
    for (const auto& o : ind.observations) {
      if (!o.published_rate.number || !explained(o) || is_convention(formula_of(o))) continue;
      auto& use = by_kind[kind_of(ind, o)][formula_of(o)];
      if (!use.count++) use.example = &ind, use.at = &o;
    }
  }
  for (const auto& [kind, formulas] : by_kind) {
    if (formulas.size() < 2) continue;
    auto usual = formulas.begin();
    for (auto it = formulas.begin(); it != formulas.end(); ++it)
      if (it->second.count > usual->second.count) usual = it;
    for (auto it = formulas.begin(); it != formulas.end(); ++it) {
      if (it == usual) continue;
      out.push_back({"formula-mix",
                     model::Severity::warning,
                     fmt::format("{} indicators are rated by {} ({}×) but {} FY{} uses {} ({}×)",
                                 kind, usual->first, usual->second.count, it->second.example->id,
                                 it->second.at->fiscal_year, it->first, it->second.count),
                     {it->second.at->source, usual->second.at->source},
                     {it->second.example->id, usual->second.example->id}});
    }
  }
}

}  // namespace kpi::verify
