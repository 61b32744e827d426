#pragma once
// Achieved / behind and the pace toward the final target (docs/formulas.md, "Status and
// pace"). Pure functions of the model after the rates are checked.
#include "kpi/calc/profile.hpp"
#include "kpi/model/indicator.hpp"

namespace kpi::calc {

// The year's status: the recomputed rate (the sheet's own formula by the indicator's
// direction and type, rounded as the sheet prints) or, when it cannot be recomputed, the
// published rate; 100% or more is achieved. The grade is the profile's grade of that rate.
model::Outcome outcome_of(const model::Observation& observation, const Profile& profile);

// The pace of an indicator: its latest actual against the straight line from the baseline
// (value and fiscal year) to the final target (value and fiscal year), and the least-squares
// trend of the baseline and the actuals extended to the final year.
model::Pace pace_of(const model::Indicator& indicator);

// Fills every observation's outcome and the indicator's pace.
void assess(model::Indicator& indicator, const Profile& profile);

}  // namespace kpi::calc
