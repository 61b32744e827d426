#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "cli/run_binary.hpp"

using kpi::testing::quoted_data;
using kpi::testing::run_kpi_report;

namespace {
const std::string takaoka = quoted_data("takaoka/takaoka-kpi-progress-fy2020-2023.txt");
const std::string plan = quoted_data("takaoka/takaoka-basic-plan-4th-draft.txt");
}  // namespace

TEST_CASE("report prints the table and exits 0", "[cli]") {
  auto r = run_kpi_report(takaoka);  // `report` is the default command
  CHECK(r.exit_code == 0);
  CHECK_THAT(r.out, Catch::Contains("64 KPIs"));
  CHECK_THAT(r.out, Catch::Contains("県Uターン就職率"));
  CHECK_THAT(r.err,
             Catch::Contains("takaoka-kpi-progress-fy2020-2023.txt:236: note: No.9: rebuilt"));
}

TEST_CASE("report --format json follows the v1 contract", "[cli][json]") {
  auto r = run_kpi_report("report --format json " + takaoka);
  REQUIRE(r.exit_code == 0);
  auto doc = nlohmann::json::parse(r.out);
  CHECK(doc["schema"] == "kpi-report/1");
  REQUIRE(doc["sources"].size() == 1);
  CHECK(doc["sources"][0]["format"] == "takaoka");
  CHECK(doc["sources"][0]["encoding"] == "UTF-8");
  CHECK(doc["sources"][0]["kpis"] == 64);
  CHECK(doc["indicators"].size() == 64);
  const auto& no3 = doc["indicators"][2];
  CHECK(no3["municipality"] == "takaoka");
  CHECK(no3["id"] == "No.3");
  CHECK(no3["seq"] == 1);
  CHECK(no3["direction"] == "increase");
  CHECK(no3["direction_source"] == "label");
  CHECK(no3["relisted_of"].is_null());
  CHECK(no3["baseline"]["value"] == 58.2);
  CHECK(no3["baseline"]["fiscal_year"] == 2018);
  CHECK(no3["final_target"]["text"] == "60.0");
  const auto& o = no3["observations"][0];
  CHECK(o["fiscal_year"] == 2020);
  CHECK(o["target"] == 58.6);
  CHECK(o["actual"] == 58.0);
  CHECK(o["published_rate_percent"] == 99.0);
  CHECK(o["published_rate_text"] == "99.0%");
  CHECK(o["method"] == "ratio");
  CHECK(o["verdict"] == "match");
  CHECK(o["rate_percent"].get<double>() == Approx(98.976109).epsilon(1e-6));
  CHECK(no3["source"]["line"] == 77);
  CHECK(doc["findings"].is_array());
}

TEST_CASE("check: every rate explained, cross-row conflicts fail", "[cli][check]") {
  auto rates_only = run_kpi_report("check --no-fail-on finding " + takaoka);
  CHECK(rates_only.exit_code == 0);
  CHECK_THAT(rates_only.out, Catch::Contains("0 mismatch"));
  auto full = run_kpi_report("check " + takaoka);
  CHECK(full.exit_code == 1);
  CHECK_THAT(full.out, Catch::Contains(
                           ":450: error: No.16 (再掲) １０歳未満の子どもの数 differs from its "
                           "original No.12 (line 357): "
                           "FY2020 actual 11,499 vs 11,449; FY2020 published rate 95.8% vs 95.4%"));
}

TEST_CASE("exit code 2 for unusable input, other files still report", "[cli][errors]") {
  auto missing = run_kpi_report("report /nonexistent/sheet.txt");
  CHECK(missing.exit_code == 2);
  CHECK_THAT(missing.err,
             Catch::Contains("/nonexistent/sheet.txt: error: no such file or directory"));
  auto only_plan = run_kpi_report("report " + plan);
  CHECK(only_plan.exit_code == 2);
  CHECK_THAT(only_plan.err, Catch::Contains("holds no KPI table"));
  auto mixed = run_kpi_report("report /nonexistent " + takaoka);
  CHECK(mixed.exit_code == 2);
  CHECK_THAT(mixed.out, Catch::Contains("64 KPIs"));
}

TEST_CASE("a directory scan lists documents without a KPI table in a note", "[cli][errors]") {
  auto r = run_kpi_report("report " + quoted_data("takaoka"));
  CHECK(r.exit_code == 0);
  CHECK_THAT(r.err, Catch::Contains("takaoka: note: skipped 1 file that is no KPI sheet: "
                                    "takaoka-basic-plan-4th-draft.txt"));
  CHECK_THAT(r.out, Catch::Contains("64 KPIs"));
}

TEST_CASE("usage errors exit 2, help and version exit 0", "[cli][usage]") {
  CHECK(run_kpi_report("--version").exit_code == 0);
  CHECK_THAT(run_kpi_report("--version").out, Catch::Contains("kpi-report"));
  CHECK(run_kpi_report("check --help").exit_code == 0);
  CHECK(run_kpi_report("report --format nope " + takaoka).exit_code == 2);
  CHECK(run_kpi_report("check").exit_code == 2);
  CHECK(run_kpi_report("report --input-format nope " + takaoka).exit_code == 2);
}

TEST_CASE("a closed pipe is not an error", "[cli]") {
  // std::system runs /bin/sh, which has no PIPESTATUS: go through bash.
  auto bash = std::string("bash -c \"'") + KPI_BINARY + "' report --format json " + takaoka +
              " 2>/dev/null | head -c 10 >/dev/null; exit \\${PIPESTATUS[0]}\"";
  CHECK(std::system(bash.c_str()) == 0);
}

TEST_CASE("formats lists the layouts", "[cli]") {
  auto r = run_kpi_report("formats");
  CHECK(r.exit_code == 0);
  CHECK_THAT(r.out, Catch::Contains("takaoka"));
}
