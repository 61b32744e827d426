#pragma once
// Whether a sheet prints a published rate at all: a number, a formula saved without its value,
// or anything else that is not a no-value mark (#DIV/0!, 達成). Such a rate is counted as
// published, checked or unchecked; only a rate with nothing printed is "without a published
// rate" (`check`'s totals and its "the sheet publishes none").
#include "kpi/model/value.hpp"

namespace kpi::verify {

bool is_printed(const model::Value& published_rate);

}  // namespace kpi::verify
