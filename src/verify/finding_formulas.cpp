// Which formulas a sheet's published rates use, and sheets that mix them without reason.
#include <algorithm>
#include <map>
#include <string_view>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "finding_kinds.hpp"
#include "kpi/verify/findings.hpp"

#include "kpi/model/read_from.hpp"
#include "rate_candidates.hpp"

namespace kpi::verify {
namespace {

bool explained(const model::Observation& o) {
  return o.check.verdict == model::Verdict::match || o.check.verdict == model::Verdict::consistent;
}

std::string formula_of(const model::Observation& o) {
  std::string out(o.check.method);
  if (!o.check.basis.empty()) out.append(" against the ").append(o.check.basis);
  return out;
}

// formula_of into a reused buffer.
void assign_formula_of(std::string& out, const model::Observation& o) {
  out.assign(o.check.method);
  if (!o.check.basis.empty()) out.append(" against the ").append(o.check.basis);
}

// Whether the target the rate was measured against is 0: the year's own, or the final target
// (a sheet printing only 目標値（R7）: 社会増減数 0).
bool zero_target(const model::Indicator& ind, const model::Observation& o) {
  const auto& target = checked_target(ind, o);
  return target && target->units == 0;
}

// Indicators of the same kind should be computed alike: same direction, and a zero or a
// non-zero target (zero targets need progress from the baseline).
void assign_kind_of(std::string& out, const model::Indicator& ind, const model::Observation& o) {
  const char* direction = model::to_string(ind.direction);
  // A printed indicator type (進捗割合型 ...) prescribes its own formula: its own kind.
  const char* typed = model::to_string(ind.rate_formula);
  out.assign(direction ? direction : "unknown-direction");
  if (zero_target(ind, o)) out.append(" (target 0)");
  if (typed) out.append(" (").append(typed).append(")");
}

// map[key], looking the key up without a string of its own unless it is new.
template <typename Map>
typename Map::mapped_type& entry(Map& map, const std::string& key) {
  auto it = map.find(key);
  if (it == map.end()) it = map.emplace(key, typename Map::mapped_type{}).first;
  return it->second;
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

std::vector<std::map<std::string, int>> formula_usage_by_sheet(
    const std::vector<model::Sheet>& sheets) {
  std::vector<std::map<std::string, int>> usage(sheets.size());
  model::ReadFrom read_from(sheets);
  read_from.for_each_observation(
      sheets, [&](std::size_t sheet, const model::Indicator&, const model::Observation& o) {
        if (o.published_rate.number && explained(o)) ++usage[sheet][formula_of(o)];
      });
  return usage;
}

namespace {

struct Use {
  int count = 0;
  const model::Indicator* example = nullptr;  // the first observation of the use
  const model::Observation* at = nullptr;
  std::size_t first = 0;  // its place in the sheet's observations
};

// What an observation's kind and formula are made of: enums and views of static texts, so an
// observation is counted without making either string (they are made once per use).
struct UseKey {
  model::Direction direction;
  bool zero_target;
  model::RateFormula typed;
  std::string_view method, basis;
  friend bool operator==(const UseKey&, const UseKey&) = default;
};

// The sheet's uses by key, in the order they are first met (a sheet has a handful).
std::vector<std::pair<UseKey, Use>> uses_of(const model::Sheet& sheet) {
  std::vector<std::pair<UseKey, Use>> uses;
  std::size_t place = 0;
  for (const auto& ind : sheet.parsed.indicators) {
    if (ind.relisted_of) continue;
    for (const auto& o : ind.observations) {
      ++place;
      if (!o.published_rate.number || !explained(o) || !tells_formula(ind, o)) continue;
      UseKey key{ind.direction, zero_target(ind, o), ind.rate_formula, o.check.method,
                 o.check.basis};
      auto it =
          std::find_if(uses.begin(), uses.end(), [&](const auto& u) { return u.first == key; });
      if (it == uses.end()) it = uses.insert(uses.end(), {key, Use{0, &ind, &o, place}});
      ++it->second.count;
    }
  }
  return uses;
}

}  // namespace

void find_formula_mixes(const model::Sheet& sheet, std::vector<model::Finding>& out) {
  // Kind → formula → use, by their texts (keys whose texts agree are one use, its example the
  // first met).
  std::map<std::string, std::map<std::string, Use>> by_kind;
  std::string kind, formula;
  for (const auto& [key, use] : uses_of(sheet)) {
    assign_formula_of(formula, *use.at);
    if (is_convention(formula)) continue;
    assign_kind_of(kind, *use.example, *use.at);
    auto& joined = entry(entry(by_kind, kind), formula);
    if (!joined.count || use.first < joined.first) {
      joined.example = use.example, joined.at = use.at, joined.first = use.first;
    }
    joined.count += use.count;
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
