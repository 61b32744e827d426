#pragma once
// Private to verify/: the rule that follows a KPI's printed formula. A KPI whose published
// rates all follow one formula other than the sheet's own has its years without a published
// rate recomputed by that formula too (docs/formulas.md).
#include <vector>

#include "kpi/calc/profile.hpp"
#include "kpi/model/indicator.hpp"
#include "rate_candidates.hpp"

namespace kpi::verify {

// Recomputes the unchecked rates of `ind`'s years without a published rate by the formula its
// published rates follow, when that is one and not the sheet's own. Run after every
// observation of `ind` is checked. `store` is reused from one indicator to the next.
void follow_published_formula(model::Indicator& ind, const calc::Profile& profile,
                              std::vector<Candidate>& store);

}  // namespace kpi::verify
