// What a bot reads from `check`: structured facts in JSON items and SARIF properties, SARIF
// locations valid for relative and absolute paths, GitHub annotations by severity.
#include <catch2/catch.hpp>

#include <sstream>

#include <nlohmann/json.hpp>

#include "kpi/report/check_writers.hpp"
#include "kpi/text/number.hpp"
#include "kpi/verify/rate_check.hpp"
#include "sheets.hpp"

using nlohmann::json;

namespace {

kpi::model::Value v(std::string_view printed) {
  return kpi::text::parse_cell(printed, printed).value;
}

// No.7 "相談件数" at `path`: FY2021 prints 100.0% for 9,500 of 10,000; FY2022 is consistent
// (79 of 95, a percentage printed whole); a finding over two rows; a skipped-files note.
kpi::PipelineResult sample(const std::string& path) {
  kpi::model::Indicator ind;
  ind.municipality = "takaoka";
  ind.id = "No.7";
  ind.name = "相談件数";
  ind.unit = "t";
  ind.direction = kpi::model::Direction::increase;
  ind.source = {path, 3};
  const char* rows[][3] = {{"10,000", "9,500", "100.0%"}, {"95", "79", "83.4%"}};
  for (int i = 0; i < 2; ++i) {
    kpi::model::Observation o;
    o.fiscal_year = 2021 + i;
    o.target = v(rows[i][0]);
    o.actual = v(rows[i][1]);
    o.published_rate = v(rows[i][2]);
    o.source = {path, 5 + i};
    ind.observations.push_back(o);
  }
  kpi::model::Sheet sheet;
  sheet.path = path;
  sheet.usable = true;
  sheet.parsed.indicators.push_back(ind);
  kpi::verify::check_rates(sheet.parsed.indicators);
  kpi::PipelineResult result;
  result.sheets.push_back(sheet);
  result.findings.push_back({"relisted-differs",
                             kpi::model::Severity::error,
                             "No.8 differs",
                             {{path, 12}, {path, 5}},
                             {"No.8", "No.7"}});
  result.diagnostics.push_back({{"dir", 0},
                                kpi::model::Severity::note,
                                "input.skipped-files",
                                "skipped 1 file that is no KPI sheet: README.md"});
  return result;
}

std::string render(const char* format, const kpi::PipelineResult& result) {
  kpi::verify::CheckItems items(result, {});
  std::ostringstream out;
  kpi::report::find_check_writer(format)->write(out, {result, items, false});
  return out.str();
}

const json& with_rule(const json& list, const char* key, const std::string& rule, int nth = 0) {
  for (const auto& item : list)
    if (item[key] == rule && nth-- == 0) return item;
  FAIL("no item with " << key << " " << rule);
  static json none;
  return none;
}

void check_mismatch_facts(const json& f, const std::string& path) {
  CHECK(f["municipality"] == "takaoka");
  CHECK(f["id"] == "No.7");
  CHECK(f["name"] == "相談件数");
  CHECK(f["fiscal_year"] == 2021);
  CHECK(f["revised"] == false);
  CHECK(f["target"] == json{{"text", "10,000"}, {"number", 10000}});
  CHECK(f["actual"] == json{{"text", "9,500"}, {"number", 9500}});
  CHECK(f["published"] == json{{"text", "100.0%"}, {"number", 100.0}});
  CHECK(f["recomputed"] == 95.0);
  CHECK(f["formula"] == "ratio");
  CHECK(f["basis"] == "year target");
  CHECK(f["verdict"] == "mismatch");
  CHECK(f["difference"] == 5.0);
  CHECK_THAT(f["explanation"].get<std::string>(), Catch::Contains("decision error"));
  CHECK(f["location"] == json{{"path", path}, {"line", 5}});
}

}  // namespace

TEST_CASE("check json: every rate item carries its structured facts",
          "[check][writers][structured]") {
  auto doc = json::parse(render("json", sample("city/kpi.txt")));
  const auto& items = doc["items"];
  check_mismatch_facts(with_rule(items, "rule", "rate.mismatch")["rate"], "city/kpi.txt");
  const auto& consistent = with_rule(items, "rule", "rate.consistent")["rate"];
  CHECK(consistent["verdict"] == "consistent");
  CHECK(consistent["recomputed"] == 83.2);  // 79 / 95 = 83.16%
  CHECK(consistent["difference"] == 0.2);
  const auto& finding = with_rule(items, "rule", "finding.relisted-differs");
  CHECK(finding["rows"] == json::array({{{"path", "city/kpi.txt"}, {"line", 12}},
                                        {{"path", "city/kpi.txt"}, {"line", 5}}}));
  CHECK_FALSE(finding.contains("rate"));
}

TEST_CASE("check sarif: structured facts in properties, fingerprints by KPI-year",
          "[check][writers][structured][sarif]") {
  auto doc = json::parse(render("sarif", sample("city/kpi.txt")));
  const auto& results = doc["runs"][0]["results"];
  const auto& mismatch = with_rule(results, "ruleId", "rate.mismatch");
  check_mismatch_facts(mismatch["properties"], "city/kpi.txt");
  CHECK(mismatch["level"] == "error");
  CHECK(mismatch["partialFingerprints"]["kpiReportCheck/v1"] == "city/kpi.txt|No.7 FY2021");
  CHECK(with_rule(results, "ruleId", "input.skipped-files")["level"] == "note");
}

TEST_CASE("check sarif: relative paths under %SRCROOT%, absolute paths as file URIs",
          "[check][writers][sarif]") {
  auto location = [](const std::string& path) {
    auto doc = json::parse(render("sarif", sample(path)));
    return with_rule(doc["runs"][0]["results"], "ruleId",
                     "rate.mismatch")["locations"][0]["physicalLocation"];
  };
  auto relative = location("data/高岡 市/kpi #1.txt");
  CHECK(relative["artifactLocation"] ==
        json{{"uri", "data/%E9%AB%98%E5%B2%A1%20%E5%B8%82/kpi%20%231.txt"},
             {"uriBaseId", "%SRCROOT%"}});
  CHECK(relative["region"]["startLine"] == 5);
  auto absolute = location("/home/runner/work/city/data/kpi.txt");
  CHECK(absolute["artifactLocation"] ==
        json{{"uri", "file:///home/runner/work/city/data/kpi.txt"}});
  CHECK(location("./data/kpi.txt")["artifactLocation"]["uri"] == "data/kpi.txt");
  // A whole-file item has no region rather than a made-up line.
  auto doc = json::parse(render("sarif", sample("a.txt")));
  CHECK_FALSE(with_rule(doc["runs"][0]["results"], "ruleId",
                        "input.skipped-files")["locations"][0]["physicalLocation"]
                  .contains("region"));
}

TEST_CASE("check github: errors, warnings and notices by severity", "[check][writers][github]") {
  auto text = render("github", sample("city/kpi.txt"));
  CHECK_THAT(text, Catch::Contains("::error file=city/kpi.txt,line=5,title=No.7 FY2021::"));
  CHECK_THAT(text, Catch::Contains("::notice file=city/kpi.txt,line=6,title=No.7 FY2022::"));
  CHECK_THAT(text, Catch::Contains("::notice file=dir,title=input.skipped-files::skipped 1 file"));
  CHECK_THAT(text, Catch::Contains(
                       "::error file=city/kpi.txt,line=12,title=relisted-differs lines 12%2C 5::"));
}
