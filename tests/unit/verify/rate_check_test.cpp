#include <catch2/catch.hpp>

#include "kpi/calc/profile.hpp"
#include "kpi/text/number.hpp"
#include "kpi/verify/rate_check.hpp"

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
