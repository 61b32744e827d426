// Rate columns printing fractions of one (kpi/formats/grid_fractions.hpp).
#include <catch2/catch.hpp>

#include <string>

#include "kpi/formats/grid_fractions.hpp"

namespace {

using kpi::model::Decimal;

kpi::model::Indicator with_rate(std::int64_t units, int scale, std::string text,
                                std::uint32_t column) {
  kpi::model::Indicator ind;
  auto& o = ind.observations.emplace_back();
  o.published_rate.number = Decimal{units, scale};
  o.published_rate.text = std::move(text);
  o.published_rate.cell = {4, column};
  return ind;
}

}  // namespace

TEST_CASE("a fraction of one is its percentage, no digit invented", "[grid][fractions]") {
  using kpi::formats::grid_fractions::as_percent;
  CHECK(as_percent({75, 2}).to_string() == "75");
  CHECK(as_percent({1304, 3}).to_string() == "130.4");
  CHECK(as_percent({8, 1}).to_string() == "80");
  CHECK(as_percent({1, 0}).to_string() == "100");
  CHECK(as_percent({-25, 2}).to_string() == "-25");
}

TEST_CASE("a column's rates are fractions only when none is a percentage", "[grid][fractions]") {
  using kpi::formats::grid_fractions::fraction_rates;
  std::vector<kpi::model::Indicator> fractions{
      with_rate(75, 2, "0.75", 7), with_rate(1304, 3, "1.304", 7), with_rate(80, 0, "80.0%", 8)};
  CHECK(fraction_rates(fractions, 7).size() == 2);
  CHECK(fraction_rates(fractions, 8).empty());  // a percentage
  std::vector<kpi::model::Indicator> mixed{with_rate(75, 2, "0.75", 7),
                                           with_rate(900, 1, "90.0%", 7)};
  CHECK(fraction_rates(mixed, 7).empty());
  std::vector<kpi::model::Indicator> whole{with_rate(1, 0, "1", 7), with_rate(0, 0, "0", 7)};
  CHECK(fraction_rates(whole, 7).empty());  // no decimals: not known to be fractions
  std::vector<kpi::model::Indicator> one{with_rate(75, 2, "0.75", 7)};
  CHECK(fraction_rates(one, 7).empty());  // a single number decides nothing
}
