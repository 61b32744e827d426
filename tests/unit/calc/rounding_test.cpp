#include <catch2/catch.hpp>

#include <fmt/format.h>

#include "kpi/calc/rate.hpp"
#include "kpi/calc/rational.hpp"

using kpi::calc::Method;
using kpi::calc::Rational;
using kpi::model::Decimal;

namespace {
Rational r(long long units, int scale) {
  return Rational::of(Decimal{units, scale});
}
std::string rounded(const Rational& x, int decimals) {
  return kpi::calc::round_half_away(x, decimals).to_string();
}
std::string rate(Method m, Rational target, Rational actual, std::optional<Rational> base = {}) {
  auto p = kpi::calc::rate_percent(m, {target, actual, base});
  REQUIRE(p);
  return rounded(*p, 1);
}
}  // namespace

TEST_CASE("Excel ROUND on exact decimals: 94545/66000 = 143.25% -> 143.3%", "[calc][rounding]") {
  CHECK(rate(Method::ratio, r(66000, 0), r(94545, 0)) == "143.3");
  // Formatting the binary double rounds half to even and prints 143.2.
  CHECK(fmt::format("{:.1f}", 94545.0 / 66000.0 * 100.0) == "143.2");
}

TEST_CASE("half away from zero, also for negative values", "[calc][rounding]") {
  CHECK(rounded(r(125, 3), 2) == "0.13");
  CHECK(rounded(r(-125, 3), 2) == "-0.13");
  CHECK(rounded(r(-124, 3), 2) == "-0.12");
  CHECK(rounded(r(5, 1), 0) == "1");
  CHECK(kpi::calc::round_half_even(r(125, 3), 2).to_string() == "0.12");
  CHECK(kpi::calc::round_down(r(129, 3), 2).to_string() == "0.12");
}

TEST_CASE("rate formulas by direction", "[calc][rate]") {
  CHECK(rate(Method::ratio, r(586, 1), r(580, 1)) == "99.0");              // Takaoka No.3 FY2020
  CHECK(rate(Method::inverse, r(25, 0), r(101, 1)) == "247.5");            // No.5 FY2023, decrease
  CHECK(rate(Method::progress, r(0, 0), r(9, 0), r(-103, 0)) == "108.7");  // No.1 FY2020
  CHECK(rate(Method::progress, r(0, 0), r(-441, 0), r(-103, 0)) == "-328.2");  // negative progress
  CHECK(rate(Method::complement, r(100, 0), r(110, 0)) == "90.0");
  auto zero = kpi::calc::rate_percent(Method::maintain_zero, {r(0, 0), r(0, 0), std::nullopt});
  REQUIRE(zero);
  CHECK(rounded(*zero, 1) == "100.0");
}

TEST_CASE("undefined rates are absent, not infinite", "[calc][rate]") {
  CHECK_FALSE(kpi::calc::rate_percent(Method::ratio, {r(0, 0), r(5, 0), std::nullopt}));
  CHECK_FALSE(kpi::calc::rate_percent(Method::inverse, {r(5, 0), r(0, 0), std::nullopt}));
  CHECK_FALSE(kpi::calc::rate_percent(Method::progress, {r(5, 0), r(5, 0), r(5, 0)}));
  CHECK_FALSE(kpi::calc::rate_percent(Method::ratio, {std::nullopt, r(5, 0), std::nullopt}));
}

TEST_CASE("the primary method follows direction and zero targets", "[calc][rate]") {
  using kpi::model::Direction;
  kpi::calc::RateInputs zero_zero{r(0, 0), r(0, 0), r(0, 0)};
  CHECK(kpi::calc::primary_method(Direction::maintain, zero_zero, true, true) ==
        Method::maintain_zero);
  kpi::calc::RateInputs zero_target{r(0, 0), r(9, 0), r(-103, 0)};
  CHECK(kpi::calc::primary_method(Direction::increase, zero_target, true, true) ==
        Method::progress);
  kpi::calc::RateInputs plain{r(10, 0), r(9, 0), std::nullopt};
  CHECK(kpi::calc::primary_method(Direction::decrease, plain, true, true) == Method::inverse);
  CHECK(kpi::calc::primary_method(Direction::increase, plain, true, true) == Method::ratio);
}
