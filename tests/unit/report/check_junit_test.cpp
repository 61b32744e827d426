// JUnit names follow the KPI-year, never the verdict: a rate that goes from wrong to right
// stays the same test case in CI history.
#include <catch2/catch.hpp>

#include <fmt/format.h>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "kpi/pipeline.hpp"
#include "kpi/report/check_writers.hpp"
#include "kpi/text/number.hpp"
#include "kpi/verify/rate_check.hpp"

namespace {

kpi::model::Value v(std::string_view printed) {
  return kpi::text::parse_cell(printed, printed).value;
}

// FY2020 matches, FY2021 is explained by printed precision only, FY2022 has no actual, and
// FY2023 prints `fy2023_rate` (8/10 = 80.0%).
kpi::PipelineResult sheet_with(const char* fy2023_rate) {
  kpi::model::Indicator ind;
  ind.municipality = "takaoka";
  ind.id = "No.7";
  ind.name = "満足度";
  ind.unit = "%";
  ind.direction = kpi::model::Direction::increase;
  ind.source = {"city/kpi.txt", 3};
  const char* rows[][3] = {{"10.0", "10.0", "100.0%"},
                           {"95", "79", "83.4%"},
                           {"10.0", "-", "-"},
                           {"10.0", "8.0", fy2023_rate}};
  for (int i = 0; i < 4; ++i) {
    kpi::model::Observation o;
    o.fiscal_year = 2020 + i;
    o.target = v(rows[i][0]);
    o.actual = v(rows[i][1]);
    o.published_rate = v(rows[i][2]);
    o.source = {"city/kpi.txt", 4 + i};
    ind.observations.push_back(o);
  }
  kpi::model::Sheet sheet;
  sheet.path = "city/kpi.txt";
  sheet.usable = true;
  sheet.parsed.indicators.push_back(ind);
  kpi::verify::check_rates(sheet.parsed.indicators);
  kpi::PipelineResult result;
  result.sheets.push_back(sheet);
  result.findings.push_back({"relisted-differs",
                             kpi::model::Severity::error,
                             "No.8 differs",
                             {{"city/kpi.txt", 12}, {"city/kpi.txt", 4}},
                             {"No.8", "No.7"}});
  return result;
}

std::string junit(const kpi::PipelineResult& result) {
  kpi::verify::CheckItems items(result, {});
  std::ostringstream out;
  kpi::report::write_check_junit(out, {result, items, false});
  return out.str();
}

std::set<std::string> case_names(const std::string& xml) {
  std::set<std::string> names;
  std::regex testcase("<testcase classname=\"([^\"]*)\" name=\"([^\"]*)\"");
  for (std::sregex_iterator it(xml.begin(), xml.end(), testcase), end; it != end; ++it)
    names.insert((*it)[1].str() + " :: " + (*it)[2].str());
  return names;
}

}  // namespace

TEST_CASE("check junit: test cases are named by file, KPI id and year, whatever the verdict",
          "[check][writers][junit]") {
  auto wrong = junit(sheet_with("90.0%"));
  auto right = junit(sheet_with("80.0%"));
  CHECK_THAT(wrong, Catch::Contains("<failure type=\"rate.mismatch\""));
  CHECK_THAT(right, !Catch::Contains("rate.mismatch"));
  CHECK(case_names(wrong) == case_names(right));
  CHECK(case_names(wrong) ==
        std::set<std::string>{"city/kpi.txt :: No.7 FY2020", "city/kpi.txt :: No.7 FY2021",
                              "city/kpi.txt :: No.7 FY2022", "city/kpi.txt :: No.7 FY2023",
                              "city/kpi.txt :: finding.relisted-differs lines 12, 4"});
}

TEST_CASE(
    "check junit: unchecked is skipped with the reason, consistent passes with its explanation",
    "[check][writers][junit]") {
  auto xml = junit(sheet_with("80.0%"));
  CHECK_THAT(xml, Catch::Contains("name=\"No.7 FY2022\" file=\"city/kpi.txt\" line=\"6\">\n"
                                  "      <skipped message=\"nothing to compute: no actual\"/>"));
  CHECK_THAT(xml,
             Catch::Contains("name=\"No.7 FY2021\" file=\"city/kpi.txt\" line=\"5\">\n"
                             "      <system-out>No.7 FY2021 満足度: published 83.4% consistent"));
  CHECK_THAT(xml, Catch::Contains("actual printed 79 may be 78.5–79.5"));
  CHECK_THAT(xml, Catch::Contains("tests=\"5\" failures=\"1\" skipped=\"1\""));
}

TEST_CASE("check junit: each file's suite holds its items in order, wherever they lie in the run",
          "[check][writers][junit]") {
  // The bundled sheets: a suite's items are its input problems, rates and findings, which lie
  // apart in the list of items (input problems first, findings last).
  auto result = kpi::run_pipeline({KPI_DATA_DIR}, {});
  kpi::verify::CheckItems items(result, {});
  std::ostringstream out;
  kpi::report::write_check_junit(out, {result, items, false});
  auto xml = out.str();

  // Expected: the items made and kept, grouped by file in the order of the files' names.
  std::map<std::string, std::vector<std::string>> expected_cases;
  std::map<std::string, int> expected_failures;
  for (const auto& item : kpi::verify::collect_check_items(result, {})) {
    auto suite = kpi::model::input_text(item.location);
    expected_cases[suite].push_back(std::to_string(item.location.line));
    expected_failures[suite] += item.fails;
  }
  REQUIRE(expected_cases.size() > 2);

  std::map<std::string, std::vector<std::string>> cases;
  std::vector<std::string> suite_order;
  std::regex suite_open("<testsuite name=\"([^\"]*)\" tests=\"([0-9]+)\" failures=\"([0-9]+)\"");
  std::regex testcase(
      "<testcase classname=\"([^\"]*)\" name=\"[^\"]*\" file=\"[^\"]*\" "
      "line=\"([0-9]+)\"");
  for (std::sregex_iterator it(xml.begin(), xml.end(), suite_open), end; it != end; ++it) {
    auto name = (*it)[1].str();
    suite_order.push_back(name);
    CHECK(std::stoul((*it)[2].str()) == expected_cases[name].size());
    CHECK(std::stoi((*it)[3].str()) == expected_failures[name]);
  }
  for (std::sregex_iterator it(xml.begin(), xml.end(), testcase), end; it != end; ++it)
    cases[(*it)[1].str()].push_back((*it)[2].str());
  CHECK(cases == expected_cases);
  std::vector<std::string> sorted_names;
  for (const auto& [name, lines] : expected_cases) sorted_names.push_back(name);
  CHECK(suite_order == sorted_names);
  CHECK_THAT(xml, Catch::Contains(fmt::format("tests=\"{}\"", items.size())));
}
