// Exact arithmetic on the largest decimals the parser accepts (18 digits, 12 decimals) must
// say "too large" (calc::Overflow) rather than wrap around, and the rate check must turn that
// into an unchecked verdict, never a number.
#include <catch2/catch.hpp>

#include "kpi/calc/profile.hpp"
#include "kpi/calc/rate.hpp"
#include "kpi/calc/rational.hpp"
#include "kpi/verify/rate_check.hpp"

using kpi::calc::Overflow;
using kpi::calc::Rational;
using kpi::model::Decimal;

namespace {
const Decimal largest{999999999999999999, 0};
const Decimal tiniest{1, 12};  // 0.000000000001
const Decimal near_largest_fraction{999999999999999999, 12};
}  // namespace

TEST_CASE("exact arithmetic throws Overflow instead of wrapping", "[calc][robust]") {
  auto big = Rational::of(largest), tiny = Rational::of(tiniest);
  auto ratio = kpi::calc::divide(big, tiny);  // 10^30: still fits
  REQUIRE(ratio);
  CHECK_THROWS_AS(*ratio * *ratio, Overflow);
  CHECK_THROWS_AS(kpi::calc::round_half_away(*ratio, 2), Overflow);  // beyond a Decimal
  // Progress from an 18-digit baseline to a target with 12 decimals: 10^42 in between.
  CHECK_THROWS_AS(kpi::calc::rate_percent(kpi::calc::Method::progress,
                                          {Rational::of(near_largest_fraction), tiny, big}),
                  Overflow);
}

TEST_CASE("ordinary sizes are unaffected", "[calc][robust]") {
  auto r = kpi::calc::divide(Rational::of({94545, 0}), Rational::of({66000, 0}));
  REQUIRE(r);
  CHECK(kpi::calc::round_half_away(*r * Rational::integer(100), 1).to_string() == "143.3");
}

TEST_CASE("a rate too large to compute exactly is unchecked, with the reason", "[verify][robust]") {
  kpi::model::Indicator ind;
  ind.municipality = "takaoka";
  ind.direction = kpi::model::Direction::decrease;
  ind.baseline.value.number = Decimal{1, 0};
  kpi::model::Observation o;
  o.target.number = tiniest;
  o.actual.number = largest;
  o.published_rate.number = Decimal{3, 12};
  auto check = kpi::verify::check_rate(ind, o, kpi::calc::profile_for("takaoka"));
  CHECK(check.verdict == kpi::model::Verdict::unchecked);
  CHECK(check.explanation == "numbers too large to compute the rate exactly");
  CHECK_FALSE(check.rate_rounded);
}
