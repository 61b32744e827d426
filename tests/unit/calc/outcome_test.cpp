// Status, grade and pace (docs/formulas.md, "Status, grade and pace"): real Takaoka values and
// synthetic edge cases.
#include <catch2/catch.hpp>

#include "kpi/calc/outcome.hpp"
#include "sheets.hpp"

using kpi::model::Decimal;
using kpi::model::Direction;
using kpi::model::PaceStatus;
using kpi::model::Status;
using kpi::testing::find_indicator;
using kpi::testing::find_observation;
using kpi::testing::load_sheet;

namespace {

const char* takaoka = "takaoka/takaoka-kpi-progress-fy2020-2023.txt";

kpi::model::Value number(std::int64_t units, int scale = 0) {
  kpi::model::Value v;
  v.number = Decimal{units, scale};
  return v;
}

// An increase KPI from 100 (FY2018) to 160 (FY2024) with the given actuals from FY2019.
kpi::model::Indicator plan(Direction direction, std::vector<std::int64_t> actuals) {
  kpi::model::Indicator ind;
  ind.direction = direction;
  ind.baseline.value = number(100);
  ind.baseline.fiscal_year = 2018;
  ind.final_target.value = number(direction == Direction::decrease ? 40 : 160);
  ind.final_target.fiscal_year = 2024;
  int year = 2019;
  for (auto a : actuals) {
    kpi::model::Observation o;
    o.fiscal_year = year++;
    o.actual = number(a);
    ind.observations.push_back(o);
  }
  return ind;
}

}  // namespace

TEST_CASE("Takaoka No.3 FY2023: 55.3 against 59.5 is 92.9%, behind, grade B", "[calc][status]") {
  auto sheet = load_sheet(takaoka);
  const auto& o = find_observation(find_indicator(sheet, "No.3"), 2023);
  CHECK(o.published_rate.text == "92.9%");
  CHECK(o.outcome.status == Status::behind);
  CHECK(o.outcome.rate_source == "recomputed");
  REQUIRE(o.outcome.rate);
  CHECK(o.outcome.rate->to_string() == "92.9");
  CHECK(o.outcome.grade == "B");
}

TEST_CASE("Takaoka No.6 FY2023: 181 consultations against 65 is achieved, grade A",
          "[calc][status]") {
  auto sheet = load_sheet(takaoka);
  const auto& ind = find_indicator(sheet, "No.6");
  const auto& o = find_observation(ind, 2023);
  CHECK(o.outcome.status == Status::achieved);
  CHECK(o.outcome.grade == "A");
  // The final target 66 (FY2024) is already exceeded.
  CHECK(ind.pace.status == PaceStatus::achieved);
  CHECK(ind.pace.as_of == 2023);
}

TEST_CASE("Takaoka No.3's pace: 55.3 in FY2023 is below the line 58.2 → 60.0 (59.7)",
          "[calc][pace]") {
  auto sheet = load_sheet(takaoka);
  const auto& pace = find_indicator(sheet, "No.3").pace;
  CHECK(pace.status == PaceStatus::behind);
  REQUIRE(pace.expected);
  CHECK(*pace.expected == Approx(59.7));
  REQUIRE(pace.projected_to_achieve);
  CHECK_FALSE(*pace.projected_to_achieve);
}

TEST_CASE("a year without an actual has no data, whatever was published", "[calc][status]") {
  kpi::model::Observation o;
  o.target = number(10);
  auto out = kpi::calc::outcome_of(o, kpi::calc::profile_for("takaoka"));
  CHECK(out.status == Status::no_data);
  CHECK(out.grade.empty());
  CHECK(out.rate_source.empty());
}

TEST_CASE("the published rate decides only when none can be recomputed", "[calc][status]") {
  kpi::model::Observation o;
  o.published_rate = number(1005, 1);  // 100.5%
  auto out = kpi::calc::outcome_of(o, kpi::calc::profile_for("takaoka"));
  CHECK(out.status == Status::achieved);
  CHECK(out.rate_source == "published");
  o.check.rate_rounded = Decimal{995, 1};  // the sheet's own formula gives 99.5%
  out = kpi::calc::outcome_of(o, kpi::calc::profile_for("takaoka"));
  CHECK(out.status == Status::behind);
  CHECK(out.rate_source == "recomputed");
  CHECK(out.grade == "B");
}

TEST_CASE("exactly 100% is achieved, 99.9% is not", "[calc][status]") {
  kpi::model::Observation o;
  o.check.rate_rounded = Decimal{1000, 1};
  CHECK(kpi::calc::outcome_of(o, kpi::calc::profile_for("toyama")).status == Status::achieved);
  o.check.rate_rounded = Decimal{999, 1};
  CHECK(kpi::calc::outcome_of(o, kpi::calc::profile_for("toyama")).status == Status::behind);
}

TEST_CASE("pace follows the straight line from the baseline to the final target", "[calc][pace]") {
  // Line 100 → 160 over FY2018–FY2024: 10 a year. FY2021 expects 130.
  auto on = kpi::calc::pace_of(plan(Direction::increase, {110, 120, 131}));
  CHECK(on.status == PaceStatus::on_track);
  CHECK(on.as_of == 2021);
  CHECK(*on.expected == Approx(130));
  CHECK(*on.progress_percent == Approx(31.0 / 30.0 * 100));
  auto behind = kpi::calc::pace_of(plan(Direction::increase, {110, 120, 129}));
  CHECK(behind.status == PaceStatus::behind);
  // The trend of 100, 110, 120, 129 (FY2018–2021): slope 9.7 a year, 158.4 in FY2024: short.
  REQUIRE(behind.projected_final);
  CHECK(*behind.projected_final == Approx(158.4));
  CHECK_FALSE(*behind.projected_to_achieve);
  auto done = kpi::calc::pace_of(plan(Direction::increase, {170}));
  CHECK(done.status == PaceStatus::achieved);
}

TEST_CASE("pace of a decrease KPI is judged downward", "[calc][pace]") {
  // Line 100 → 40: FY2020 expects 80.
  CHECK(kpi::calc::pace_of(plan(Direction::decrease, {90, 79})).status == PaceStatus::on_track);
  CHECK(kpi::calc::pace_of(plan(Direction::decrease, {90, 81})).status == PaceStatus::behind);
  CHECK(kpi::calc::pace_of(plan(Direction::decrease, {39})).status == PaceStatus::achieved);
}

TEST_CASE("an unknown direction takes the side the final target lies on", "[calc][pace]") {
  CHECK(kpi::calc::pace_of(plan(Direction::unknown, {110, 121})).status == PaceStatus::on_track);
}

TEST_CASE("pace is unknown, with the reason, without baseline, final target or actual",
          "[calc][pace]") {
  auto no_actual = plan(Direction::increase, {});
  auto p = kpi::calc::pace_of(no_actual);
  CHECK(p.status == PaceStatus::unknown);
  CHECK(p.reason == "no actual yet");
  auto no_year = plan(Direction::increase, {120});
  no_year.baseline.fiscal_year.reset();
  CHECK(kpi::calc::pace_of(no_year).reason == "no baseline value and year");
  auto no_final = plan(Direction::increase, {120});
  no_final.final_target.value = {};
  CHECK(kpi::calc::pace_of(no_final).reason == "no final target value and year");
}
