#pragma once
// Published rate vs recomputed rate: match, consistent (within printed precision), mismatch
// or unchecked, with the formula that explains it.
#include <cstddef>
#include <vector>

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

// From this many indicators on, check_rates checks contiguous runs of them on several
// threads (each indicator is checked alone); fewer are checked on the calling thread, which
// starts no thread for a small sheet. The results are the same either way.
inline constexpr std::size_t parallel_check_from = 2048;

// check_rates on at most `threads` threads (0: every core).
void check_rates(std::vector<model::Indicator>& indicators, const calc::Profile* override_profile,
                 const RateCheckOptions& options, unsigned threads);

}  // namespace kpi::verify
