#pragma once
// A quick test before exact arithmetic: whether a quotient as a percentage is so far from a
// printed rate that no rounding to the rate's digits can give it. For searches that try many
// candidate numbers (the displaced-row rebuild); a verdict always comes from calc::Rational.
#include "kpi/model/decimal.hpp"

namespace kpi::calc {

// The decimal as a double, within a few units in the last place.
double approximately(const model::Decimal& d);

// True only when round_half_away(numerator / denominator × 100, rate.scale) != rate for
// certain: the distance exceeds half the rate's last digit by far more than the doubles'
// error. False when unsure (a zero denominator, a scale outside 0..22): ask the exact test.
bool certainly_not_rate(const model::Decimal& numerator, const model::Decimal& denominator,
                        const model::Decimal& rate);

}  // namespace kpi::calc
