#pragma once
// Published rate vs recomputed rate: match, consistent (within printed precision), mismatch
// or unchecked, with the formula that explains it.
#include "kpi/calc/profile.hpp"
#include "kpi/model/indicator.hpp"

namespace kpi::verify {

// Options of the check that are not conventions of a municipality.
struct RateCheckOptions {
  // --tolerance POINTS: a published rate this many points from what the sheet's own formula
  // gives (over the printed precision of its inputs) is consistent. 0 = none.
  model::Decimal tolerance{};
};

// Fills `observation.check` for one observation of `indicator`.
model::RateCheck check_rate(const model::Indicator& indicator,
                            const model::Observation& observation, const calc::Profile& profile,
                            const RateCheckOptions& options = {});

// The revised rate (変更後の達成率) checked against the revised target.
model::RateCheck check_revised_rate(const model::Indicator& indicator,
                                    const model::Observation& observation,
                                    const calc::Profile& profile,
                                    const RateCheckOptions& options = {});

// Fills the check of every observation of every indicator, with each indicator's
// municipality profile, or `override_profile` when given.
void check_rates(std::vector<model::Indicator>& indicators,
                 const calc::Profile* override_profile = nullptr,
                 const RateCheckOptions& options = {});

}  // namespace kpi::verify
