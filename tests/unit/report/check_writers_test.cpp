#include <catch2/catch.hpp>

#include <sstream>

#include <nlohmann/json.hpp>

#include "kpi/report/check_writers.hpp"
#include "kpi/text/number.hpp"
#include "kpi/verify/rate_check.hpp"

namespace {

kpi::model::Value v(std::string_view printed) {
  return kpi::text::parse_cell(printed, printed).value;
}

// One sheet, one KPI: FY2020 matches, FY2021 is published wrong (a decision error).
kpi::PipelineResult sample() {
  kpi::model::Indicator ind;
  ind.municipality = "testcity";
  ind.id = "No.7";
  ind.name = "相談件数";
  ind.unit = "件";
  ind.direction = kpi::model::Direction::increase;
  ind.source = {"dir/sheet,1.txt", 3};
  for (auto [year, actual, rate] :
       {std::tuple{2020, "10", "100.0%"}, std::tuple{2021, "9", "100.0%"}}) {
    kpi::model::Observation o;
    o.fiscal_year = year;
    o.target = v("10");
    o.actual = v(actual);
    o.published_rate = v(rate);
    o.source = {"dir/sheet,1.txt", year - 2016};
    ind.observations.push_back(o);
  }
  kpi::model::Sheet sheet;
  sheet.path = "dir/sheet,1.txt";
  sheet.format = "test";
  sheet.usable = true;
  sheet.parsed.indicators.push_back(ind);
  kpi::verify::check_rates(sheet.parsed.indicators);
  sheet.keep_text("line1\nline2\nline3\nvalues 10 10 100.0%\nvalues 10 9 100.0%\n");
  kpi::PipelineResult result;
  result.sheets.push_back(sheet);
  return result;
}

std::string render(const char* format, const kpi::PipelineResult& result) {
  kpi::verify::CheckItems items(result, {});
  std::ostringstream out;
  kpi::report::find_check_writer(format)->write(out, {result, items, false});
  return out.str();
}

}  // namespace

TEST_CASE("check text: compiler-style line, then the source line", "[check][writers]") {
  auto text = render("text", sample());
  CHECK_THAT(text, Catch::Contains("dir/sheet,1.txt:5: error: No.7 FY2021 相談件数: published "
                                   "100.0%, recomputed 90.0% = actual 9 / target 10"));
  CHECK_THAT(text, Catch::Contains("decision error"));
  CHECK_THAT(text, Catch::Contains("\n    values 10 9 100.0%\n"));
  CHECK_THAT(text, Catch::Contains("1 match, 0 consistent, 1 mismatch"));
}

TEST_CASE("check github: workflow commands with escaped properties", "[check][writers]") {
  auto text = render("github", sample());
  CHECK_THAT(text, Catch::StartsWith("::error file=dir/sheet%2C1.txt,line=5,title=No.7 FY2021::"));
}

TEST_CASE("check junit: one testcase per rate, failures for mismatches", "[check][writers]") {
  auto xml = render("junit", sample());
  CHECK_THAT(xml, Catch::Contains("tests=\"2\" failures=\"1\""));
  CHECK_THAT(xml, Catch::Contains("<testcase classname=\"dir/sheet,1.txt\" name=\"No.7 FY2020\""));
  CHECK_THAT(xml, Catch::Contains("<failure type=\"rate.mismatch\""));
}

TEST_CASE("check sarif: 2.1.0 with rule ids and locations", "[check][writers]") {
  auto doc = nlohmann::json::parse(render("sarif", sample()));
  CHECK(doc["version"] == "2.1.0");
  const auto& result = doc["runs"][0]["results"][0];
  CHECK(result["ruleId"] == "rate.mismatch");
  CHECK(result["level"] == "error");
  CHECK(result["locations"][0]["physicalLocation"]["region"]["startLine"] == 5);
  CHECK(doc["runs"][0]["tool"]["driver"]["rules"][0]["id"] == "rate.mismatch");
}

TEST_CASE("check json: counts and items", "[check][writers]") {
  auto doc = nlohmann::json::parse(render("json", sample()));
  CHECK(doc["counts"]["match"] == 1);
  CHECK(doc["counts"]["mismatch"] == 1);
  CHECK(doc["counts"]["failures"] == 1);
  CHECK(doc["items"].size() == 2);
  CHECK(doc["sheets"][0]["formulas"]["ratio against the year target"] == 1);
}

TEST_CASE("check text and github: a file's repeated input problems summed up, --verbose all",
          "[check][writers]") {
  auto result = sample();
  for (int line = 1; line <= 6; ++line)
    result.diagnostics.push_back({"dir/sheet,1.txt", line}, kpi::model::Severity::warning,
                                 "input.skipped-row", "skipped " + std::to_string(line));
  auto render_with = [&](const char* format, bool verbose) {
    kpi::verify::CheckItems items(result, {});
    std::ostringstream out;
    kpi::report::find_check_writer(format)->write(out, {result, items, verbose});
    return out.str();
  };
  auto text = render_with("text", false);
  CHECK_THAT(text, Catch::Contains("skipped 3"));
  CHECK_THAT(text, !Catch::Contains("skipped 4"));
  CHECK_THAT(text, Catch::Contains("dir/sheet,1.txt: note: … and 3 more input.skipped-row in "
                                   "dir/sheet,1.txt (--verbose for all) [output.summarised]"));
  CHECK_THAT(text, Catch::Contains("1 match, 0 consistent, 1 mismatch"));  // counts unchanged
  auto verbose = render_with("text", true);
  CHECK_THAT(verbose, Catch::Contains("skipped 6"));
  CHECK_THAT(verbose, !Catch::Contains("output.summarised"));
  auto github = render_with("github", false);
  CHECK_THAT(github, Catch::Contains("skipped 3"));
  CHECK_THAT(github, !Catch::Contains("skipped 4"));
  CHECK_THAT(github, Catch::Contains("and 3 more input.skipped-row"));
  CHECK_THAT(render_with("json", false), Catch::Contains("skipped 6"));  // machines: every one
  CHECK_THAT(render_with("sarif", false), Catch::Contains("skipped 6"));
}

TEST_CASE("check text and github: runs rendered on several threads join in order",
          "[check][writers]") {
  // 3,000 KPIs (6,000 rates, every other one wrong) and 1,500 input problems: many runs of
  // each kind of item, so that the threads take turns.
  auto result = sample();
  auto& indicators = result.sheets[0].parsed.indicators;
  auto one = indicators[0];
  for (int i = 1; i < 3000; ++i) {
    auto copy = one;
    copy.id = "No." + std::to_string(i);
    indicators.push_back(copy);
  }
  for (int line = 1; line <= 1500; ++line)
    result.diagnostics.push_back({"dir/sheet,1.txt", line}, kpi::model::Severity::error,
                                 "input.bad-value", "bad " + std::to_string(line));
  kpi::verify::CheckItems items(result, {});
  REQUIRE(items.run_count() >= 8);
  for (const char* format : {"text", "github"})
    for (bool verbose : {false, true}) {
      auto with_jobs = [&](int jobs) {
        std::ostringstream out;
        kpi::report::CheckContext context{result, items, verbose};
        context.jobs = jobs;
        kpi::report::find_check_writer(format)->write(out, context);
        return out.str();
      };
      auto serial = with_jobs(1);
      CAPTURE(format, verbose);
      CHECK_THAT(serial, Catch::Contains("No.2999 FY2021"));
      CHECK(serial.find("bad 1500") < serial.find("FY2021"));  // input problems first
      CHECK(serial.find("No.1 FY2021") < serial.find("No.2999 FY2021"));
      CHECK(with_jobs(2) == serial);
      CHECK(with_jobs(3) == serial);
    }
}
