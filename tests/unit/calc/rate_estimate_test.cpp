// The quick test before exact arithmetic never rules out a rate the exact rounding gives:
// random quotients rounded exactly, and the printed digits next to them (the boundaries).
#include <catch2/catch.hpp>

#include <random>

#include "kpi/calc/rate_estimate.hpp"
#include "kpi/calc/rational.hpp"

using kpi::calc::certainly_not_rate;
using kpi::calc::Rational;
using kpi::model::Decimal;

namespace {

// What the rebuild asks exactly: round_half_away(n / d × 100, rate.scale) == rate.
bool exact_rate(const Decimal& n, const Decimal& d, const Decimal& rate) {
  auto q = kpi::calc::divide(Rational::of(n), Rational::of(d));
  return q && kpi::calc::round_half_away(*q * Rational::integer(100), rate.scale) == rate;
}

}  // namespace

TEST_CASE("a rate ruled out by the estimate is never the exact rounding", "[calc][rate]") {
  std::mt19937_64 random(5);
  auto decimal = [&] {
    static const std::int64_t spans[] = {10, 1000, 100000, 100000000, 1000000000000};
    auto span = spans[random() % 5];
    auto units = static_cast<std::int64_t>(random() % static_cast<std::uint64_t>(2 * span)) - span;
    return Decimal{units, static_cast<int>(random() % 5) - 1};
  };
  int exact_found = 0, ruled_out = 0;
  for (int i = 0; i < 200000; ++i) {
    Decimal n = decimal(), d = decimal();
    if (d.units == 0) continue;
    int scale = static_cast<int>(random() % 4);
    Decimal rounded;
    try {
      auto q = kpi::calc::divide(Rational::of(n), Rational::of(d));
      rounded = kpi::calc::round_half_away(*q * Rational::integer(100), scale);
    } catch (const kpi::calc::Overflow&) {
      continue;  // beyond exact arithmetic: nothing to compare with
    }
    // The exact rate, the digits around it, and a far one.
    for (std::int64_t step : {0, -1, 1, -2, 2, 1000}) {
      Decimal rate{rounded.units + step, rounded.scale};
      bool exact = exact_rate(n, d, rate);
      bool out = certainly_not_rate(n, d, rate);
      INFO(n.to_string() << " / " << d.to_string() << " vs " << rate.to_string());
      REQUIRE_FALSE((exact && out));
      exact_found += exact;
      ruled_out += out;
    }
  }
  CHECK(exact_found > 150000);  // the test holds real cases
  CHECK(ruled_out > 400000);    // and the estimate decides most of the rest
  CHECK_FALSE(certainly_not_rate(Decimal{1, 0}, Decimal{0, 0}, Decimal{100, 0}));  // 1 / 0
  CHECK_FALSE(certainly_not_rate(Decimal{12, -1}, Decimal{1, 0}, Decimal{5, 0}));  // unsure
  CHECK(kpi::calc::approximately(Decimal{12, -1}) == 120.0);
  CHECK(kpi::calc::approximately(Decimal{-1234, 3}) == -1.234);
}
