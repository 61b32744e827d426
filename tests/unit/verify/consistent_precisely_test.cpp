// "Consistent" only where printed precision of a measured value explains the rate with the
// sheet's own formula: near-miss wrong rates are mismatches.
#include <catch2/catch.hpp>

#include "kpi/calc/profile.hpp"
#include "kpi/text/number.hpp"
#include "kpi/verify/rate_check.hpp"

using kpi::model::Direction;
using kpi::model::Verdict;

namespace {

kpi::model::Value v(std::string_view printed) {
  return kpi::text::parse_cell(printed, printed).value;
}

kpi::model::Indicator indicator(std::string unit, std::string baseline = "-") {
  kpi::model::Indicator ind;
  ind.municipality = "takaoka";  // ratio against the year target, Excel rounding
  ind.id = "No.X";
  ind.unit = std::move(unit);
  ind.direction = Direction::increase;
  ind.baseline.value = v(baseline);
  return ind;
}

kpi::model::RateCheck check(kpi::model::Indicator ind, std::string_view target,
                            std::string_view actual, std::string_view published,
                            std::string_view tolerance = "0") {
  kpi::model::Observation o;
  o.fiscal_year = 2023;
  o.target = v(target);
  o.actual = v(actual);
  o.published_rate = v(published);
  ind.observations = {o};
  kpi::verify::RateCheckOptions options;
  options.tolerance = *kpi::text::parse_exact_number(tolerance);
  return kpi::verify::check_rate(ind, o, kpi::calc::profile_for(ind.municipality), options);
}

}  // namespace

TEST_CASE("targets are exact: only the actual's printed precision explains a rate",
          "[verify][verdict][precise]") {
  // 245 of a target of 250 (tonnes, measured): 244.5–245.5 / 250 = 97.8–98.2%.
  auto ind = indicator("t");
  CHECK(check(ind, "250", "245", "98.0%").verdict == Verdict::match);
  auto edge = check(ind, "250", "245", "98.2%");
  CHECK(edge.verdict == Verdict::consistent);
  CHECK_THAT(edge.explanation, Catch::Contains("actual printed 245 may be 244.5–245.5"));
  CHECK_THAT(edge.explanation, !Catch::Contains("target printed"));
  // 98.3% would need the target to be 249.5: a mismatch.
  auto wrong = check(ind, "250", "245", "98.3%");
  CHECK(wrong.verdict == Verdict::mismatch);
  CHECK_THAT(wrong.explanation,
             Catch::Contains("published 98.3%, recomputed 98.0% = actual 245 / target 250"));
}

TEST_CASE("a rate only another formula explains is a mismatch naming that formula",
          "[verify][verdict][precise]") {
  // Target met exactly (50.0 of 50.0, baseline 49.0): the sheet's ratio gives 99.9–100.1%;
  // progress from the baseline would stretch to 94.7–104.8% and cover a printed 99.2%.
  auto ind = indicator("%", "49.0");
  CHECK(check(ind, "50.0", "50.0", "100.0%").verdict == Verdict::match);
  CHECK(check(ind, "50.0", "50.0", "100.1%").verdict == Verdict::consistent);
  auto wrong = check(ind, "50.0", "50.0", "99.2%");
  CHECK(wrong.verdict == Verdict::mismatch);
  CHECK(wrong.method == "ratio");
  CHECK_THAT(wrong.explanation,
             Catch::Contains("only progress against the year target explains it (within printed "
                             "precision), a formula the sheet does not use for this kind of row"));
}

TEST_CASE("a quantity never printed negative gets no negative room", "[verify][verdict][precise]") {
  // An area printed 0 (ha) may be 0–0.5, not −0.5: 0–5% of a target of 10.
  auto area = indicator("ha");
  CHECK(check(area, "10", "0", "3.0%").verdict == Verdict::consistent);
  CHECK(check(area, "10", "0", "-3.0%").verdict == Verdict::mismatch);
  // A balance printed negative elsewhere in the row may be negative.
  auto balance = indicator("人/年", "▲275");
  balance.unit = "人/年あたり平均";  // an average, not a count
  CHECK(check(balance, "10", "0", "-3.0%").verdict == Verdict::consistent);
}

TEST_CASE("counts are exact: no room at all", "[verify][verdict][precise]") {
  auto people = indicator("人");
  CHECK(check(people, "250", "245", "98.0%").verdict == Verdict::match);
  CHECK(check(people, "250", "245", "98.2%").verdict == Verdict::mismatch);
}

TEST_CASE("a tolerance adds the chosen points and nothing else", "[verify][verdict][precise]") {
  auto ind = indicator("t");
  CHECK(check(ind, "250", "245", "98.3%", "0").verdict == Verdict::mismatch);
  auto tolerated = check(ind, "250", "245", "98.3%", "0.1");
  CHECK(tolerated.verdict == Verdict::consistent);
  CHECK_THAT(tolerated.explanation, Catch::Contains("within the tolerance of 0.1 points"));
  CHECK(check(ind, "250", "245", "98.4%", "0.1").verdict == Verdict::mismatch);
  // Tolerance is measured from the sheet's own formula only.
  CHECK(check(indicator("%", "49.0"), "50.0", "50.0", "99.2%", "0.5").verdict == Verdict::mismatch);
}

TEST_CASE("a tolerance of N points is a bound of N points, whatever the rate's decimals",
          "[verify][verdict][precise]") {
  // 540 of 600 people (counted: exact) is 90.0%. Printed 91% is 1 point off: the half point a
  // whole percent may round away is not added to the tolerance.
  auto people = indicator("人");
  CHECK(check(people, "600", "540", "91%", "0.5").verdict == Verdict::mismatch);
  CHECK(check(people, "600", "540", "91%", "0.99").verdict == Verdict::mismatch);
  CHECK(check(people, "600", "540", "91%", "1").verdict == Verdict::consistent);
  CHECK(check(people, "600", "540", "92%", "1.5").verdict == Verdict::mismatch);
  CHECK(check(people, "600", "540", "90.6%", "0.55").verdict == Verdict::mismatch);
  CHECK(check(people, "600", "540", "90.5%", "0.5").verdict == Verdict::consistent);
}
