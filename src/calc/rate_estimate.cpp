#include "kpi/calc/rate_estimate.hpp"

#include <algorithm>
#include <cmath>

namespace kpi::calc {

namespace {

constexpr int exact_powers = 22;  // powers of ten up to 1e22 are exact doubles

bool has_plain_scale(const model::Decimal& d) {
  return d.scale >= 0 && d.scale <= exact_powers;
}

}  // namespace

double approximately(const model::Decimal& d) {
  static constexpr double powers[exact_powers + 1] = {
      1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8,  1e9,  1e10, 1e11,
      1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
  auto units = static_cast<double>(d.units);
  if (has_plain_scale(d)) return units / powers[d.scale];
  return units * std::pow(10.0, -d.scale);
}

bool certainly_not_rate(const model::Decimal& numerator, const model::Decimal& denominator,
                        const model::Decimal& rate) {
  // Scales no printed number has (negative, huge) are left to the exact test, which has its
  // own reading of them.
  if (!has_plain_scale(numerator) || !has_plain_scale(denominator) || !has_plain_scale(rate))
    return false;
  double d = approximately(denominator);
  if (d == 0) return false;
  double x = approximately(numerator) / d * 100, r = approximately(rate);
  double half_digit = approximately(model::Decimal{5, rate.scale + 1});
  // The doubles are off by a few parts in 1e16; the margin is a million times that.
  double margin = 1e-9 * std::max({1.0, std::fabs(x), std::fabs(r)});
  return std::isfinite(x) && std::isfinite(r) && std::fabs(x - r) > half_digit + margin;
}

}  // namespace kpi::calc
