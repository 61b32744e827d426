// Rational::of(Decimal) reduces units / 10^scale by dividing out 2s and 5s only: it must give
// exactly the lowest terms the general GCD reduction gives (here through divide()).
#include <catch2/catch.hpp>

#include <cstdint>
#include <limits>
#include <random>
#include <vector>

#include "kpi/calc/rational.hpp"

using kpi::calc::Int;
using kpi::calc::Rational;
using kpi::model::Decimal;

namespace {

Int power_of_ten(int n) {
  Int p = 1;
  while (n-- > 0) p *= 10;
  return p;
}

// The general path: units / 10^scale reduced by GCD.
Rational by_gcd(const Decimal& d) {
  return *kpi::calc::divide(Rational::integer(d.units), Rational{power_of_ten(d.scale), 1});
}

void check_same(const Decimal& d) {
  INFO("units " << d.units << " scale " << d.scale);
  auto fast = Rational::of(d), general = by_gcd(d);
  CHECK(fast.num == general.num);
  CHECK(fast.den == general.den);
}

}  // namespace

TEST_CASE("Rational::of gives the lowest terms of the GCD reduction", "[calc][rational]") {
  constexpr auto max = std::numeric_limits<std::int64_t>::max();
  constexpr auto min = std::numeric_limits<std::int64_t>::min();
  std::vector<std::int64_t> edges{0,         1,       -1,      2,         5,           10,
                                  -10,       25,      125,     1024,      -3125,       1000000,
                                  999999999, 5000000, -640000, max,       min,         max - 1,
                                  min + 1,   max / 5, min / 2, 1LL << 62, -(1LL << 62)};
  for (std::int64_t units : edges)
    for (int scale = 0; scale <= 30; ++scale) check_same({units, scale});

  std::mt19937_64 random(12);
  for (int i = 0; i < 20000; ++i) {
    auto units = static_cast<std::int64_t>(random());
    // Also values rich in 2s and 5s, like printed decimals with trailing zeros.
    if (i % 2)
      units = (units % 100000) * power_of_ten(static_cast<int>(random() % 10)) *
              (1LL << (random() % 8));
    check_same({units, static_cast<int>(random() % 19)});
  }
}

TEST_CASE("Rational::of of a zero or an integer", "[calc][rational]") {
  auto zero = Rational::of({0, 12});
  CHECK(zero.num == 0);
  CHECK(zero.den == 1);
  auto whole = Rational::of({5800, 2});  // 58.00
  CHECK(whole.num == 58);
  CHECK(whole.den == 1);
  auto half = Rational::of({-5, 1});  // -0.5
  CHECK(half.num == -1);
  CHECK(half.den == 2);
}

TEST_CASE("products of 64-bit numbers are exact up to the int64 limits", "[calc][rational]") {
  constexpr auto max = std::numeric_limits<std::int64_t>::max();
  // Coprime factors and denominators, so that no reduction hides a wrong product.
  auto product = Rational{max, 1} * Rational{-max, 1};
  CHECK(product.num == -static_cast<Int>(max) * max);
  CHECK(product.den == 1);
  auto quotient = *kpi::calc::divide(Rational{max, 1}, Rational{max - 1, 1});
  CHECK(quotient.num == max);
  CHECK(quotient.den == max - 1);
  std::mt19937_64 random(7);
  for (int i = 0; i < 10000; ++i) {
    auto a = static_cast<std::int64_t>(random() >> 1),
         b = -static_cast<std::int64_t>(random() >> 1);
    auto p = Rational::integer(a) * Rational::integer(b);
    CHECK(p.num == static_cast<Int>(a) * b);
    CHECK(p.den == 1);
  }
  // Beyond 128 bits it still throws.
  CHECK_THROWS_AS(product * product, kpi::calc::Overflow);
}
