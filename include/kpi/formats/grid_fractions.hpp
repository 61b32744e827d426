#pragma once
// A grid's rate column printing fractions of one (0.75, 1.304: how Excel shows =実績/目標
// under the General format) rather than percentages (formats/grid.md). Pure.
#include <cstdint>
#include <vector>

#include "kpi/model/decimal.hpp"
#include "kpi/model/indicator.hpp"

namespace kpi::formats::grid_fractions {

// A published rate printed as a fraction of one as its percentage (0.75 → 75, 1.304 → 130.4):
// the digits moved two places, none invented (0.8 is 80).
model::Decimal as_percent(model::Decimal fraction);

// The published rates of the column (1-based) when they print fractions of one: every number
// within ±10 without %, one with decimals, two or more; else none. Stops at the first
// percentage (most columns).
std::vector<model::Value*> fraction_rates(std::vector<model::Indicator>& indicators,
                                          std::uint32_t column);

}  // namespace kpi::formats::grid_fractions
