#include "printed_formula.hpp"

#include <optional>

#include <fmt/format.h>

#include "kpi/calc/rate.hpp"
#include "unchecked_rate.hpp"

namespace kpi::verify {
namespace {

using model::Verdict;

// A rate's formula: its method and what it is against (unset when a check names none).
struct Formula {
  std::optional<calc::Method> method;
  std::optional<Basis> basis;

  bool operator==(const Formula&) const = default;
};

// The sheet's own formula for the observation: each observation has its own (one with a zero
// target another than the rest).
Formula own_formula(const model::Indicator& ind, const model::Observation& obs,
                    const calc::Profile& profile) {
  auto own = own_candidate(ind, obs, profile, Basis::year_target);
  return {own.method, own.basis};
}

// The formula (method and basis) every published rate of the KPI follows when it is one and,
// for some printed rate, not the sheet's own for that rate's observation; else nullopt: every
// published rate checked, none a mismatch or left unchecked, all by the same formula (a rate
// every formula gives sides with none).
std::optional<Formula> published_formula(const model::Indicator& ind,
                                         const calc::Profile& profile) {
  std::optional<Formula> found;
  bool own_everywhere = true;
  for (const auto& obs : ind.observations) {
    if (!obs.published_rate.number || !tells_formula(ind, obs)) continue;
    const auto& check = obs.check;
    if (check.verdict != Verdict::match && check.verdict != Verdict::consistent) return {};
    Formula formula{check.method_kind, check.basis_kind};
    if (found && *found != formula) return {};
    found = formula;
    if (own_everywhere) own_everywhere = formula == own_formula(ind, obs, profile);
  }
  if (own_everywhere) return {};
  return found;
}

}  // namespace

// A KPI whose published rates all follow one formula other than the sheet's own (a sheet of
// unknown conventions computing progress against the final target) has its rates without a
// published value recomputed by that formula too: the years of one KPI are judged alike.
void follow_published_formula(model::Indicator& ind, const calc::Profile& profile,
                              std::vector<Candidate>& store) {
  if (ind.observations.size() < 2) return;
  auto formula = published_formula(ind, profile);
  if (!formula) return;
  for (auto& obs : ind.observations) {
    if (obs.published_rate.number || obs.check.verdict != Verdict::unchecked) continue;
    CandidateList cands(ind, obs, profile, Basis::year_target, store);
    for (const auto& c : cands.all()) {
      if (Formula{c.method, c.basis} != *formula) continue;
      if (auto rate = evaluate(c, ind.direction))
        obs.check = unchecked(rate, &c,
                              fmt::format("no published rate; recomputed as this KPI's published "
                                          "rates are ({}, against the {})",
                                          calc::to_string(c.method), to_string(c.basis)));
      break;
    }
  }
}

}  // namespace kpi::verify
