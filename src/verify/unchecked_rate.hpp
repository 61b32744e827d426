#pragma once
// Private to verify/: a rate check's recomputed rate, and the check of a rate that could not
// be judged (no published rate, nothing to compute). Shared by the rate check and the rule
// that follows a KPI's printed formula (printed_formula.hpp).
#include <optional>
#include <string>
#include <utility>

#include "kpi/calc/rational.hpp"
#include "kpi/model/indicator.hpp"
#include "rate_candidates.hpp"

namespace kpi::verify {

// The recomputed rate: unrounded, and rounded half away from zero at `decimals`.
inline void set_rate(model::RateCheck& check, const calc::Rational& rate, int decimals) {
  check.rate_percent = rate.to_double();
  check.rate_rounded = calc::round_half_away(rate, decimals);
}

// A check left unchecked for `why`, with the rate `c` gives (when there is one) to one decimal.
inline model::RateCheck unchecked(std::optional<calc::Rational> rate, const Candidate* c,
                                  std::string why) {
  model::RateCheck check;
  if (rate) set_rate(check, *rate, 1);
  if (c) set_formula(check, *c);
  check.verdict = model::Verdict::unchecked;
  check.explanation = std::move(why);
  return check;
}

}  // namespace kpi::verify
