// Sheets whose published rates went unchecked (a wrong one passed `check`), each written as an
// office writes it: the words of its header, its marks in a rate column, a broken quote.
#include <catch2/catch.hpp>

#include <algorithm>

#include "kpi/formats/grid_layout.hpp"
#include "kpi/verify/rate_check.hpp"

namespace {

using kpi::model::Severity;
using kpi::model::Verdict;

kpi::model::ParseOutput read(const std::string& csv) {
  auto out = kpi::formats::grid_layout::parse(csv, "grid.csv");
  kpi::verify::check_rates(out.indicators);
  return out;
}

const kpi::model::Observation& only_observation(const kpi::model::ParseOutput& out,
                                                std::size_t kpi) {
  REQUIRE(out.indicators.size() > kpi);
  REQUIRE(out.indicators[kpi].observations.size() == 1);
  return out.indicators[kpi].observations[0];
}

const kpi::model::Diagnostic* find_code(const kpi::model::ParseOutput& out,
                                        const std::string& code) {
  auto it = std::find_if(out.diagnostics.begin(), out.diagnostics.end(),
                         [&](const kpi::model::Diagnostic& d) { return d.code == code; });
  return it == out.diagnostics.end() ? nullptr : &*it;
}

}  // namespace

TEST_CASE("現状値 beside a 基準値 is the actual; in a plan's table it is the baseline",
          "[grid-layout]") {
  auto out = read(
      "令和5年度 KPI進捗\n"
      "指標名,基準値(H30),現状値(R5),目標値(R5),達成率\n"
      "移住者数,40,80,100,80.0%\n"
      "観光客数,100,100,200,75.0%\n");
  const auto& right = only_observation(out, 0);
  CHECK(out.indicators[0].baseline.value.text == "40");
  CHECK(right.actual.text == "80");
  CHECK(right.check.verdict == Verdict::match);
  const auto& wrong = only_observation(out, 1);  // 100 / 200 printed as 75.0%
  CHECK(wrong.actual.text == "100");
  CHECK(wrong.check.verdict == Verdict::mismatch);

  // 現在値 with 達成率 and no other actual: the value the rate is computed from.
  auto current = read(
      "令和5年度 KPI\n"
      "指標名,現在値,目標値,達成率\n"
      "移住者数,80,100,75.0%\n");
  CHECK(only_observation(current, 0).check.verdict == Verdict::mismatch);

  // A plan's table: 現状値 is where the plan starts from.
  auto plan = read(
      "指標名,現状値(H30),目標値(R6)\n"
      "移住者数,40,100\n");
  REQUIRE(plan.indicators.size() == 1);
  CHECK(plan.indicators[0].baseline.value.text == "40");
  CHECK(plan.indicators[0].baseline.fiscal_year == 2018);
  CHECK(plan.indicators[0].final_target.value.text == "100");
}

TEST_CASE("計画値 is a target; 進捗, 進ちょく率, 対目標比, 到達率 head rates", "[grid-layout]") {
  for (std::string rate_word : {"進捗", "進ちょく率", "対目標比", "到達率", "達成比率"}) {
    CAPTURE(rate_word);
    auto out = read("令和5年度 KPI\n指標名,基準値,計画値,実績値," + rate_word +
                    "\n"
                    "移住者数,40,100,80,80.0%\n"
                    "観光客数,100,200,100,75.0%\n");
    CHECK(only_observation(out, 0).target.text == "100");
    CHECK(only_observation(out, 0).check.verdict == Verdict::match);
    CHECK(only_observation(out, 1).published_rate.text == "75.0%");
    CHECK(only_observation(out, 1).check.verdict == Verdict::mismatch);
  }
}

TEST_CASE("a 達成率 column of ○ and × with some numbers stays a rate column", "[grid-layout]") {
  auto out = read(
      "令和5年度 KPI\n"
      "指標名,目標値,実績値,達成率\n"
      "計画策定,策定,策定,○\n"
      "協議会設置,設置,設置,○\n"
      "条例制定,制定,未制定,×\n"
      "移住者数,100,80,80.0%\n"
      "観光客数,200,100,75.0%\n");
  CHECK(only_observation(out, 0).check.verdict == Verdict::unchecked);
  CHECK(only_observation(out, 3).check.verdict == Verdict::match);
  CHECK(only_observation(out, 4).check.verdict == Verdict::mismatch);  // 100 / 200

  // Marks only: a grade column, the rates computed.
  auto grades = read(
      "令和5年度 KPI\n"
      "指標名,目標値,実績値,達成率\n"
      "移住者数,100,80,○\n"
      "観光客数,200,100,×\n");
  CHECK(only_observation(grades, 0).notes == "評価 ○");
  CHECK(only_observation(grades, 0).published_rate.text.empty());
}

TEST_CASE("printed rates that no recognised actual can check are an input error", "[grid-layout]") {
  auto out = read(
      "令和5年度 KPI\n"
      "指標名,目標値,成果,達成率\n"
      "移住者数,100,80,75.0%\n");
  const auto* missing = find_code(out, "input.grid-columns");
  REQUIRE(missing != nullptr);
  CHECK(missing->severity == Severity::error);
  CHECK(missing->location.line == 2);
  CHECK_THAT(missing->message, Catch::Contains("missing: 実績値"));
  CHECK_THAT(missing->message, Catch::Contains("the published rates cannot be checked"));

  // Without printed rates a missing actual stays a warning (a table of targets).
  auto targets = read(
      "令和5年度 KPI\n"
      "指標名,目標値,達成率\n"
      "移住者数,100,\n");
  const auto* warning = find_code(targets, "input.grid-columns");
  REQUIRE(warning != nullptr);
  CHECK(warning->severity == Severity::warning);
}

TEST_CASE("a quote without its closing quote is an error at its line", "[grid-layout]") {
  auto out = read(
      "令和5年度 KPI\n"
      "指標名,目標値,実績値,達成率\n"
      "\"移住者数,100,80,80.0%\n"
      "観光客数,200,100,75.0%\n");
  const auto* quote = find_code(out, "input.unterminated-quote");
  REQUIRE(quote != nullptr);
  CHECK(quote->severity == Severity::error);
  CHECK(quote->location.line == 3);
  CHECK(quote->location.path == "grid.csv");
  CHECK(find_code(read("指標名,目標値,実績値,達成率\n\"移住者数\",100,80,80.0%\n"),
                  "input.unterminated-quote") == nullptr);
}
