#include <catch2/catch.hpp>

#include "kpi/calc/profile.hpp"
#include "kpi/text/number.hpp"
#include "kpi/verify/rate_check.hpp"
#include "verify/rate_candidates.hpp"

using kpi::model::Direction;
using kpi::model::Verdict;

namespace {

kpi::model::Value v(std::string_view printed) {
  auto cell = kpi::text::parse_cell(printed, printed);
  return cell.value;
}

kpi::model::Indicator indicator(Direction d, std::string unit, std::string baseline = "-") {
  kpi::model::Indicator ind;
  ind.municipality = "takaoka";
  ind.id = "No.T";
  ind.unit = std::move(unit);
  ind.direction = d;
  ind.baseline.value = v(baseline);
  return ind;
}

kpi::model::RateCheck check(const kpi::model::Indicator& ind, std::string_view target,
                            std::string_view actual, std::string_view published) {
  kpi::model::Observation o;
  o.fiscal_year = 2023;
  o.target = v(target);
  o.actual = v(actual);
  o.published_rate = v(published);
  return kpi::verify::check_rate(ind, o, kpi::calc::profile_for(ind.municipality));
}

}  // namespace

TEST_CASE("match at the published precision", "[verify][verdict]") {
  auto ind = indicator(Direction::increase, "%");
  auto c = check(ind, "58.6", "58.0", "99.0%");
  CHECK(c.verdict == Verdict::match);
  CHECK(c.method == "ratio");
  // The formula as enums too: the rules that ask which formula compare those.
  CHECK(c.method_kind == kpi::calc::Method::ratio);
  CHECK(c.basis_kind == kpi::verify::Basis::year_target);
  CHECK(c.rate_rounded->to_string() == "99.0");
  CHECK(check(ind, "66,000", "94,545", "143.3%").verdict == Verdict::match);
  CHECK(check(ind, "80", "70", "88%").verdict == Verdict::match);  // whole-percent precision
}

TEST_CASE("a rounded actual explains the rate, a count does not", "[verify][verdict]") {
  // 79 printed may be 79.2: 79.2/95 = 83.4%.
  auto percent = indicator(Direction::increase, "%");
  auto c = check(percent, "95", "79", "83.4%");
  CHECK(c.verdict == Verdict::consistent);
  CHECK_THAT(c.explanation, Catch::Contains("actual printed 79 may be 78.5–79.5"));
  // The same numbers as a count of people: exact, so a mismatch.
  auto people = indicator(Direction::increase, "人");
  auto m = check(people, "95", "79", "83.4%");
  CHECK(m.verdict == Verdict::mismatch);
  CHECK_THAT(m.explanation, Catch::Contains("recomputed 83.2%"));
  // A running total (延べ) of a count is a count: 0 of 25 businesses is 0%, not "0.0–0.5".
  CHECK(check(indicator(Direction::increase, "延べ事業者"), "25", "0", "2%").verdict ==
        Verdict::mismatch);
  CHECK(check(indicator(Direction::increase, "延べ事業者"), "25", "0", "0%").verdict ==
        Verdict::match);
  CHECK(check(indicator(Direction::increase, "延人"), "95", "79", "83.4%").verdict ==
        Verdict::mismatch);
  // A per-school average is not a count even in 人.
  auto average = indicator(Direction::increase, "人");
  average.name = "小学校1校あたりの児童数";
  CHECK(check(average, "301", "296", "98.4%").verdict == Verdict::consistent);
}

TEST_CASE("decrease, zero target, maintain conventions", "[verify][verdict]") {
  CHECK(check(indicator(Direction::decrease, "%"), "25以下", "10.1", "247.5%").method == "inverse");
  auto migration = indicator(Direction::increase, "人/年", "▲275");
  migration.baseline.alternatives.push_back(v("▲103"));
  auto c = check(migration, "0", "▲ 441", "-328.2%");
  CHECK(c.verdict == Verdict::match);
  CHECK(c.method == "progress");
  CHECK_THAT(c.explanation, Catch::Contains("baseline"));
  auto zero = check(indicator(Direction::maintain, "人", "0"), "0", "0", "100.0%");
  CHECK(zero.verdict == Verdict::match);
  CHECK(zero.method == "maintain_zero");
  auto met = check(indicator(Direction::maintain, "%"), "97", "98", "100.0%");
  CHECK(met.verdict == Verdict::match);
  CHECK(met.method == "met_is_100");
  // Only a maintain KPI's: a KPI to raise or lower that met its target prints its rate, and
  // 100.0% for 216.7% (or for 247.5% below a ceiling) is wrong.
  auto raised = check(indicator(Direction::increase, "件"), "6", "13", "100.0%");
  CHECK(raised.verdict == Verdict::mismatch);
  CHECK_THAT(raised.explanation, Catch::Contains("recomputed 216.7%"));
  auto lowered = check(indicator(Direction::decrease, "%"), "25以下", "10.1", "100.0%");
  CHECK(lowered.verdict == Verdict::mismatch);
  CHECK(check(indicator(Direction::unknown, "件"), "6", "13", "100.0%").verdict ==
        Verdict::mismatch);
}

TEST_CASE("rounding other than Excel's is a mismatch that says so", "[verify][verdict]") {
  // 1/8 = 12.5% exactly: Excel prints 13%, truncation 12%.
  auto c = check(indicator(Direction::increase, "件"), "8", "1", "12%");
  CHECK(c.verdict == Verdict::mismatch);
  CHECK_THAT(c.explanation, Catch::Contains("published 12%, recomputed 13%"));
  CHECK_THAT(c.explanation, Catch::Contains("ROUNDDOWN"));
  // A profile that truncates accepts it at face value.
  auto profile = kpi::calc::profile_for("takaoka");
  profile.rounding = kpi::calc::Rounding::down;
  kpi::model::Observation o;
  o.fiscal_year = 2023;
  o.target = v("8");
  o.actual = v("1");
  o.published_rate = v("12%");
  CHECK(kpi::verify::check_rate(indicator(Direction::increase, "件"), o, profile).verdict ==
        Verdict::match);
}

TEST_CASE("unchecked says why", "[verify][verdict]") {
  auto ind = indicator(Direction::increase, "%");
  auto no_actual = check(ind, "59.0", "-", "-");
  CHECK(no_actual.verdict == Verdict::unchecked);
  CHECK_THAT(no_actual.explanation, Catch::Contains("no actual"));
  auto no_published = check(ind, "59.0", "60.0", "");
  CHECK(no_published.verdict == Verdict::unchecked);
  CHECK(no_published.rate_rounded->to_string() == "101.7");
  // Digits that are not read say what was printed, not that nothing was.
  auto too_long = check(ind, "59.0", "12345678901234567890", "95.0%");
  CHECK(too_long.verdict == Verdict::unchecked);
  CHECK_THAT(too_long.explanation,
             Catch::Contains("the actual '12345678901234567890' has more digits than"));
  auto worded = check(ind, "R5年度策定", "60.0", "95.0%");
  CHECK_THAT(worded.explanation,
             Catch::Contains("the target is printed 'R5年度策定', not one number"));
  auto qualitative = check(ind, "継続実施", "実施", "");
  CHECK_THAT(qualitative.explanation, Catch::Contains("nothing to compute"));
}

TEST_CASE("a wrong published rate is a mismatch with the difference", "[verify][verdict]") {
  auto c = check(indicator(Direction::increase, "件"), "100", "50", "60.0%");
  CHECK(c.verdict == Verdict::mismatch);
  CHECK_THAT(c.explanation, Catch::Contains("published 60.0%, recomputed 50.0%"));
  CHECK_THAT(c.explanation, Catch::Contains("+10.0 points"));
}

TEST_CASE("revised rates are checked against the revised target", "[verify][verdict]") {
  auto ind = indicator(Direction::increase, "件");
  ind.final_target.value = v("30");
  kpi::model::Observation o;
  o.fiscal_year = 2020;
  o.actual = v("1");
  o.published_rate = v("3%");
  o.revised.edit().target = v("12");
  o.revised.edit().rate = v("8%");
  auto profile = kpi::calc::profile_for("toyama");
  auto published = kpi::verify::check_rate(ind, o, profile);
  CHECK(published.verdict == Verdict::match);  // 1/30 = 3.3% -> 3%
  CHECK(published.basis == "final target");
  auto revised = kpi::verify::check_revised_rate(ind, o, profile);
  CHECK(revised.verdict == Verdict::match);  // 1/12 = 8.3% -> 8%
  CHECK(revised.basis == "revised target");
  o.revised.edit().rate = v("9%");
  CHECK(kpi::verify::check_revised_rate(ind, o, profile).verdict == Verdict::mismatch);
}

namespace {

// A KPI of a sheet without known conventions: baseline 100 (FY2019), final target 200
// (FY2024), actuals 120, 150, 180; only the last year's rate printed.
kpi::model::Indicator progress_kpi(std::string_view last_published) {
  auto ind = indicator(Direction::increase, "人", "100");
  ind.municipality = "unknown";
  ind.baseline.fiscal_year = 2019;
  ind.final_target.value = v("200");
  ind.final_target.fiscal_year = 2024;
  int year = 2020;
  for (std::string_view actual : {"120", "150", "180"}) {
    kpi::model::Observation o;
    o.fiscal_year = year++;
    o.actual = v(actual);
    ind.observations.push_back(o);
  }
  ind.observations.back().published_rate = v(last_published);
  return ind;
}

const kpi::model::RateCheck& rate_of(const std::vector<kpi::model::Indicator>& kpis, int k) {
  return kpis.front().observations.at(static_cast<std::size_t>(k)).check;
}

}  // namespace

TEST_CASE("years without a printed rate follow the KPI's printed formula", "[verify][verdict]") {
  // 80.0% is progress against the final target: (180 - 100) / (200 - 100). The years before
  // are recomputed the same way (20.0%, 50.0%), not as actual / final target (60.0%, 75.0%).
  std::vector<kpi::model::Indicator> kpis{progress_kpi("80.0%")};
  kpi::verify::check_rates(kpis);
  REQUIRE(rate_of(kpis, 2).verdict == Verdict::match);
  CHECK(rate_of(kpis, 2).method == "progress");
  for (int k : {0, 1}) {
    INFO(k);
    CHECK(rate_of(kpis, k).verdict == Verdict::unchecked);
    CHECK(rate_of(kpis, k).method == "progress");
    CHECK(rate_of(kpis, k).basis == "final target");
    CHECK_THAT(rate_of(kpis, k).explanation, Catch::Contains("this KPI's published rates"));
  }
  CHECK(rate_of(kpis, 0).rate_rounded->to_string() == "20.0");
  CHECK(rate_of(kpis, 1).rate_rounded->to_string() == "50.0");
  CHECK(kpis.front().observations[0].outcome.grade == "D");  // 20.0%, not 60.0%
}

TEST_CASE("years without a printed rate keep the own formula without clear evidence",
          "[verify][verdict]") {
  // The printed rate is the own formula's (actual / final target = 90.0%), or wrong (85.0%):
  // nothing to follow, the years before stay actual / final target.
  for (std::string_view printed : {"90.0%", "85.0%"}) {
    INFO(printed);
    std::vector<kpi::model::Indicator> kpis{progress_kpi(printed)};
    kpi::verify::check_rates(kpis);
    CHECK(rate_of(kpis, 0).rate_rounded->to_string() == "60.0");
    CHECK(rate_of(kpis, 1).rate_rounded->to_string() == "75.0");
    CHECK(rate_of(kpis, 0).explanation == "no published rate");
  }
}

TEST_CASE("the printed formula is told from each year's own formula, a zero target's too",
          "[verify][verdict]") {
  // 待機児童数 from 50: the first year's target is 0, so its own formula is progress; the
  // other years' own is target / actual. The printed rates are progress against the year
  // target, (35 - 50) / (30 - 50) = 75.0% and (26 - 50) / (20 - 50) = 80.0%, not the own
  // formula of their years (85.7%, 76.9%): the unprinted last year follows them, (20 - 50) /
  // (10 - 50) = 75.0%, not 10 / 20 = 50.0%.
  auto ind = indicator(Direction::decrease, "人", "50");
  ind.municipality = "unknown";
  struct Year {
    int year;
    std::string_view target, actual, printed;
  };
  for (const auto& y : {Year{2020, "0", "40", ""}, Year{2021, "30", "35", "75.0%"},
                        Year{2022, "20", "26", "80.0%"}, Year{2023, "10", "20", ""}}) {
    kpi::model::Observation o;
    o.fiscal_year = y.year;
    o.target = v(y.target);
    o.actual = v(y.actual);
    o.published_rate = v(y.printed);
    ind.observations.push_back(o);
  }
  std::vector<kpi::model::Indicator> kpis{ind};
  kpi::verify::check_rates(kpis);
  for (int k : {1, 2}) {
    INFO(k);
    REQUIRE(rate_of(kpis, k).verdict == Verdict::match);
    CHECK(rate_of(kpis, k).method == "progress");
  }
  const auto& last = rate_of(kpis, 3);
  CHECK(last.verdict == Verdict::unchecked);
  CHECK(last.method == "progress");
  CHECK(last.rate_rounded->to_string() == "75.0");
  CHECK_THAT(last.explanation, Catch::Contains("this KPI's published rates"));
}
