#pragma once
// The direction a sheet's own arithmetic reveals, and the direction a rate merely assumes.
//
// Toyama 4-10 圏域の総人口: target 490,000 below the baseline 501,670, so the values say
// nothing; but the published 101% is actual/target (494,439 / 490,000), not target/actual
// (99%): the sheet treats more as better.
#include "kpi/calc/profile.hpp"
#include "kpi/model/indicator.hpp"

namespace kpi::verify {

// For a KPI without a known direction: increase when actual/target reproduces every
// published rate and target/actual does not reproduce them all, decrease the other way
// round (source `published-rate`). Nothing changes when no rate is published or both or
// neither reproduce them. A direction `assumed` earlier is forgotten first.
void direction_from_published_rates(model::Indicator& ind, const calc::Profile& profile);

// After the rates: a KPI still without a direction whose rate was computed (as
// actual/target, the default) is marked increase, source `assumed`.
void mark_assumed_direction(model::Indicator& ind);

}  // namespace kpi::verify
