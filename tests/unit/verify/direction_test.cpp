// Direction from the sheet's own published rates, and directions only assumed.
#include <catch2/catch.hpp>

#include "kpi/calc/profile.hpp"
#include "kpi/pipeline.hpp"
#include "kpi/report/format.hpp"
#include "kpi/verify/direction_from_rate.hpp"
#include "kpi/verify/rate_check.hpp"

namespace {

using kpi::model::Decimal;
using kpi::model::Direction;
using kpi::model::DirectionSource;
using kpi::model::Indicator;

const kpi::PipelineResult& all_sheets() {
  static const auto result = kpi::run_pipeline({KPI_DATA_DIR}, {});
  return result;
}

const Indicator& find(const std::string& city, const std::string& id, int seq = 1) {
  for (const auto& sheet : all_sheets().sheets)
    for (const auto& ind : sheet.parsed.indicators)
      if (ind.municipality == city && ind.id == id && ind.seq == seq) return ind;
  FAIL("no " << city << " " << id << " #" << seq);
  throw 0;
}

// A KPI of `target` with one year's actual and published rate (percent, whole numbers).
Indicator with_rate(std::int64_t target, std::int64_t actual, std::int64_t rate) {
  Indicator ind;
  ind.municipality = "toyama";  // rates against the final target
  ind.id = "X-1";
  ind.final_target.value = {Decimal{target, 0}, std::to_string(target)};
  kpi::model::Observation o;
  o.fiscal_year = 2020;
  o.actual = {Decimal{actual, 0}, std::to_string(actual)};
  o.published_rate = {Decimal{rate, 0}, std::to_string(rate) + "%"};
  ind.observations.push_back(o);
  return ind;
}

}  // namespace

TEST_CASE("toyama 4-10: the published 101% is actual/target, so more is better",
          "[verify][direction][fidelity]") {
  const auto& population = find("toyama", "4-10");
  CHECK(population.baseline.value.text == "501,670人(平成27年度)");
  CHECK(population.final_target.value.text == "490,000人程度");  // below the baseline
  CHECK(population.direction == Direction::increase);
  CHECK(population.direction_source == DirectionSource::published_rate);
  CHECK(population.direction_text ==
        "FY2020 published 101% = actual / target (494,439人 / 490,000人程度)");
  CHECK(population.observations[0].check.verdict == kpi::model::Verdict::match);
}

TEST_CASE("joetsu: the 8 KPIs whose target is below the baseline say their direction is assumed",
          "[verify][direction][fidelity]") {
  int assumed = 0;
  for (const auto& sheet : all_sheets().sheets)
    for (const auto& ind : sheet.parsed.indicators) {
      if (ind.direction_source != DirectionSource::assumed) continue;
      ++assumed;
      CHECK(ind.municipality == "joetsu");
      CHECK(ind.direction == Direction::increase);
      REQUIRE(ind.baseline.value.number);
      REQUIRE(ind.final_target.value.number);
      CHECK(ind.final_target.value.number->to_double() < ind.baseline.value.number->to_double());
      CHECK(ind.observations[0].check.rate_percent);  // a ratio was computed: hence assumed
      CHECK(kpi::report::direction_label(ind) == "increase (assumed)");
    }
  CHECK(assumed == 8);
  const auto& farmers = find("joetsu", "A-1-4", 2);
  CHECK(farmers.name == "認定農業者数");
  CHECK(farmers.direction_source == DirectionSource::assumed);
}

TEST_CASE("direction from published rates: decrease, ambiguous, none", "[verify][direction]") {
  const auto& profile = kpi::calc::profile_for("toyama");
  auto down = with_rate(80, 100, 80);  // 80/100: target/actual
  kpi::verify::direction_from_published_rates(down, profile);
  CHECK(down.direction == Direction::decrease);
  CHECK(down.direction_source == DirectionSource::published_rate);

  auto both = with_rate(100, 100, 100);  // either way 100%: nothing revealed
  kpi::verify::direction_from_published_rates(both, profile);
  CHECK(both.direction == Direction::unknown);

  auto neither = with_rate(100, 90, 50);  // 90% or 111%, published 50%: no formula
  kpi::verify::direction_from_published_rates(neither, profile);
  CHECK(neither.direction == Direction::unknown);

  auto labelled = with_rate(80, 100, 80);
  labelled.direction = Direction::increase;
  labelled.direction_source = DirectionSource::label;
  kpi::verify::direction_from_published_rates(labelled, profile);
  CHECK(labelled.direction_source == DirectionSource::label);  // a printed label stands
}

TEST_CASE("an assumed direction is forgotten when the rates are checked again",
          "[verify][direction]") {
  auto ind = with_rate(100, 90, 0);
  ind.observations[0].published_rate = {};
  std::vector<Indicator> list{ind};
  kpi::verify::check_rates(list);
  CHECK(list[0].direction_source == DirectionSource::assumed);
  // Now a published rate shows the sheet's own formula: target / actual.
  list[0].observations[0].published_rate = {Decimal{111, 0}, "111%"};
  kpi::verify::check_rates(list);
  CHECK(list[0].direction == Direction::decrease);
  CHECK(list[0].direction_source == DirectionSource::published_rate);
}

TEST_CASE("toyama 4-05: kept within the maintained 2.0% is 100% by the profile's rule",
          "[verify][profile][fidelity]") {
  const auto& vacancy = find("toyama", "4-05");
  CHECK(vacancy.name == "公共交通空白地域人口率(5年ごとに把握)");
  CHECK(vacancy.final_target.value.text == "2.0%(現状維持を目指す)");
  CHECK(vacancy.direction == Direction::maintain);
  const auto& o = vacancy.observations[0];
  CHECK(o.actual.text == "1.9%");
  CHECK(o.published_rate.text == "100%");
  CHECK(o.check.verdict == kpi::model::Verdict::match);
  CHECK(o.check.method == "maintain_within");
  CHECK(o.check.basis == "final target");
  CHECK(kpi::calc::profile_for("toyama").maintain_within_is_100);
}

TEST_CASE("maintain within: only at or below the target, only where the profile says so",
          "[verify][profile]") {
  auto profile = kpi::calc::profile_for("toyama");
  auto within = with_rate(20, 19, 100);
  within.direction = Direction::maintain;
  CHECK(kpi::verify::check_rate(within, within.observations[0], profile).method ==
        "maintain_within");
  auto above = with_rate(20, 21, 100);  // 21 > 20: not kept within; met on the upper side
  above.direction = Direction::maintain;
  CHECK(kpi::verify::check_rate(above, above.observations[0], profile).method == "met_is_100");
  profile.maintain_within_is_100 = false;
  CHECK(kpi::verify::check_rate(within, within.observations[0], profile).verdict !=
        kpi::model::Verdict::match);
  CHECK_FALSE(kpi::calc::parse_profile(R"({"slug":"x","name":"x"})").maintain_within_is_100);
  CHECK(kpi::calc::parse_profile(R"({"slug":"x","name":"x","maintain_within_is_100":true})")
            .maintain_within_is_100);
}
