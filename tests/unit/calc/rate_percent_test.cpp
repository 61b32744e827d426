// rate_percent multiplies by 100 before it divides where nothing can overflow: the same rate,
// and the same Overflow, as the quotient times 100 on random decimals of every size.
#include <catch2/catch.hpp>

#include <cstdint>
#include <optional>
#include <random>

#include "kpi/calc/rate.hpp"
#include "kpi/calc/rational.hpp"

using kpi::calc::Method;
using kpi::calc::Rational;

namespace {

// The quotient times 100, as rate_percent computed it before (or "throws").
struct Expected {
  bool throws = false;
  std::optional<Rational> rate;
};

Expected by_quotient(const Rational& num, const Rational& den) {
  try {
    auto q = kpi::calc::divide(num, den);
    if (!q) return {};
    return {false, *q * Rational::integer(100)};
  } catch (const kpi::calc::Overflow&) {
    return {true, std::nullopt};
  }
}

Expected by_rate_percent(Method method, const kpi::calc::RateInputs& in) {
  try {
    return {false, kpi::calc::rate_percent(method, in)};
  } catch (const kpi::calc::Overflow&) {
    return {true, std::nullopt};
  }
}

bool same(const Expected& a, const Expected& b) {
  if (a.throws != b.throws || a.rate.has_value() != b.rate.has_value()) return false;
  return !a.rate || (a.rate->num == b.rate->num && a.rate->den == b.rate->den);
}

kpi::model::Decimal random_decimal(std::mt19937_64& rng) {
  // Digits from 1 to 18, scale 0 to 12, zero and negative now and then.
  int digits = static_cast<int>(rng() % 18) + 1;
  std::int64_t units = 0;
  for (int i = 0; i < digits; ++i) units = units * 10 + static_cast<std::int64_t>(rng() % 10);
  if (rng() % 8 == 0) units = 0;
  if (rng() % 5 == 0) units = -units;
  return {units, static_cast<int>(rng() % 13)};
}

}  // namespace

TEST_CASE("rate_percent equals the quotient times 100, overflow included", "[calc][rate]") {
  std::mt19937_64 rng(12);
  for (int i = 0; i < 20000; ++i) {
    auto t = Rational::of(random_decimal(rng));
    auto a = Rational::of(random_decimal(rng));
    auto b = Rational::of(random_decimal(rng));
    INFO("target " << static_cast<double>(t.num) << "/" << static_cast<double>(t.den));
    CHECK(same(by_rate_percent(Method::ratio, {t, a, b}), by_quotient(a, t)));
    CHECK(same(by_rate_percent(Method::inverse, {t, a, b}), by_quotient(t, a)));
    Expected progress;
    try {
      progress = by_quotient(a - b, t - b);
    } catch (const kpi::calc::Overflow&) {
      progress = {true, std::nullopt};
    }
    CHECK(same(by_rate_percent(Method::progress, {t, a, b}), progress));
  }
}
