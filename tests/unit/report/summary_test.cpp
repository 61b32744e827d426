// The summary (kpi/report/summary.hpp) and the fiscal-year view on the real Takaoka sheet.
#include <catch2/catch.hpp>

#include "kpi/report/summary.hpp"

namespace {

kpi::PipelineResult takaoka() {
  return kpi::run_pipeline(
      {std::string(KPI_DATA_DIR) + "/takaoka/takaoka-kpi-progress-fy2020-2023.txt"}, {});
}

int grade_count(const kpi::report::StatusCounts& c, const std::string& grade) {
  for (const auto& [label, n] : c.grades)
    if (label == grade) return n;
  return 0;
}

}  // namespace

TEST_CASE("Takaoka FY2023: 26 of 64 KPIs achieved, 36 behind, 2 without data",
          "[report][summary]") {
  auto result = takaoka();
  auto s = kpi::report::summarize(result, {2023});
  CHECK(s.total.kpis == 64);
  CHECK(s.total.achieved == 26);
  CHECK(s.total.behind == 36);
  CHECK(s.total.no_data == 2);
  CHECK(s.total.achieved + s.total.behind + s.total.no_data == s.total.kpis);
  CHECK(grade_count(s.total, "A") == 26);
  CHECK(grade_count(s.total, "D") == 6);
  CHECK(s.total.wrong_rates == 0);
  REQUIRE(s.total.achieved_percent());
  CHECK(*s.total.achieved_percent() == Approx(100.0 * 26 / 62));
  REQUIRE(s.sheets.size() == 1);
  CHECK(s.sheets[0].counts.kpis == 64);
}

TEST_CASE("Takaoka's four basic goals are summarised in the order they appear",
          "[report][summary]") {
  auto result = takaoka();
  auto s = kpi::report::summarize(result, {2023});
  REQUIRE(s.goals.size() == 4);
  CHECK(s.goals[0].label == "①多様なひとが住みたいと感じるまちをつくる");
  CHECK(s.goals[0].counts.kpis == 9);
  CHECK(s.goals[0].counts.achieved == 4);
  int kpis = 0;
  for (const auto& g : s.goals) kpis += g.counts.kpis;
  CHECK(kpis == 64);
}

TEST_CASE("without a year each KPI counts by its latest actual, pace included",
          "[report][summary]") {
  auto result = takaoka();
  auto s = kpi::report::summarize(result, {});
  CHECK(s.total.kpis == 64);
  CHECK(s.total.no_data == 0);
  CHECK(s.total.on_track + s.total.pace_behind <= s.total.kpis);
  CHECK(s.total.on_track > 0);
  CHECK(s.total.rates_checked > 200);
}

TEST_CASE("a year no KPI has shows every KPI without data", "[report][summary]") {
  auto result = takaoka();
  auto s = kpi::report::summarize(result, {2031});
  CHECK(s.total.no_data == 64);
  CHECK_FALSE(s.total.achieved_percent());
}

namespace {

void require_same_counts(const kpi::report::StatusCounts& a, const kpi::report::StatusCounts& b) {
  REQUIRE(a.kpis == b.kpis);
  REQUIRE(a.achieved == b.achieved);
  REQUIRE(a.behind == b.behind);
  REQUIRE(a.no_data == b.no_data);
  REQUIRE(a.grades == b.grades);
  REQUIRE(a.on_track == b.on_track);
  REQUIRE(a.pace_behind == b.pace_behind);
  REQUIRE(a.rates_checked == b.rates_checked);
  REQUIRE(a.wrong_rates == b.wrong_rates);
}

void require_same_groups(const std::vector<kpi::report::GroupSummary>& a,
                         const std::vector<kpi::report::GroupSummary>& b) {
  REQUIRE(a.size() == b.size());
  for (std::size_t i = 0; i < a.size(); ++i) {
    REQUIRE(a[i].label == b[i].label);
    REQUIRE(a[i].sheet == b[i].sheet);
    require_same_counts(a[i].counts, b[i].counts);
  }
}

}  // namespace

TEST_CASE("a national run's summary counted in runs on threads is the serial one",
          "[report][summary]") {
  // Every bundled sheet many times over: several runs of 4,096 KPIs, a sheet's KPIs and a
  // goal's split across runs, groups met again in later runs.
  auto once = kpi::run_pipeline({KPI_DATA_DIR}, {});
  kpi::PipelineResult result;
  std::size_t kpis = 0;
  for (int copy = 0; kpis < 3 * 4096; ++copy)
    for (const auto& sheet : once.sheets) {
      result.sheets.push_back(sheet);
      kpis += sheet.parsed.indicators.size();
    }
  for (std::optional<int> year : {std::optional<int>(), std::optional<int>(2023)}) {
    auto serial = kpi::report::summarize(result, {year}, 1);
    REQUIRE(serial.total.kpis == static_cast<int>(kpis));
    REQUIRE(serial.goals.size() > 4);
    for (unsigned threads : {2u, 3u}) {
      auto parallel = kpi::report::summarize(result, {year}, threads);
      require_same_counts(parallel.total, serial.total);
      require_same_groups(parallel.sheets, serial.sheets);
      require_same_groups(parallel.goals, serial.goals);
    }
  }
}
