#include <catch2/catch.hpp>

#include "cli/run_binary.hpp"
#include "kpi/text/display_width.hpp"
#include "report/report_text.hpp"

using kpi::testing::quoted_data;
using kpi::testing::run_kpi_report_via;

namespace {
const std::string takaoka = quoted_data("takaoka/takaoka-kpi-progress-fy2020-2023.txt");
const std::string japanese = "env LC_ALL= LC_MESSAGES= LANG=ja_JP.UTF-8 COLUMNS=";
const std::string english = "env LC_ALL= LC_MESSAGES= LANG=C.UTF-8 COLUMNS=";
}  // namespace

TEST_CASE("LANG=ja_JP.UTF-8: the table and check speak Japanese", "[cli][ja]") {
  auto table = run_kpi_report_via(japanese, takaoka);
  REQUIRE(table.exit_code == 0);
  CHECK_THAT(table.out, Catch::Contains("計画全体"));
  CHECK_THAT(table.out, Catch::Contains("未達成"));
  CHECK_THAT(table.out, Catch::Contains("指標名"));
  auto english_table = run_kpi_report_via(japanese, "--lang en " + takaoka);
  CHECK_THAT(english_table.out, Catch::Contains("whole plan"));

  auto check = run_kpi_report_via(japanese, "check " + takaoka);
  CHECK(check.exit_code == 1);
  CHECK_THAT(check.out, Catch::Contains("公表達成率 "));
  CHECK_THAT(check.out, Catch::Contains("不一致 0"));
  auto english_check = run_kpi_report_via(english, "check " + takaoka);
  CHECK_THAT(english_check.out, Catch::Contains("0 mismatch"));
  auto forced = run_kpi_report_via(english, "check --lang ja " + takaoka);
  CHECK_THAT(forced.out, Catch::Contains("公表達成率 "));
  // Machine formats stay English whatever the language.
  auto sarif = run_kpi_report_via(japanese, "check --format sarif " + takaoka);
  CHECK(sarif.out.find("公表達成率") == std::string::npos);
}

TEST_CASE("report --width and --year from the command line", "[cli][table]") {
  auto r = run_kpi_report_via(english, "--width 80 --year R5 " + takaoka);
  REQUIRE(r.exit_code == 0);
  CHECK_THAT(r.out, Catch::StartsWith("Summary, FY2023\n"));
  std::size_t start = 0;
  while (start < r.out.size()) {
    auto end = r.out.find('\n', start);
    auto line = r.out.substr(start, end - start);
    INFO(line);
    CHECK(kpi::text::display_width(line) <= 80);
    start = end + 1;
  }
}

TEST_CASE("report: every bundled sheet fits 80 and 160 columns, rows aligned", "[cli][table]") {
  for (const auto* lang : {"en", "ja"})
    for (int width : {80, 160})
      for (int ambiguous : {1, 2}) {
        auto r = run_kpi_report_via(english, "--lang " + std::string(lang) + " --width " +
                                                 std::to_string(width) + " --ambiguous-width " +
                                                 std::to_string(ambiguous) + " " + quoted_data(""));
        INFO(lang << " " << width << " " << ambiguous);
        REQUIRE(r.exit_code == 0);
        auto check = kpi::testing::check_table_lines(r.out, width, ambiguous,
                                                     std::string(lang) == "ja" ? "注" : "note");
        for (const auto& problem : check.problems) FAIL_CHECK(problem);
        CHECK(check.tables == 5);  // the summary and four sheets
        CHECK(check.rows > 320);
      }
}

TEST_CASE("report --year takes a whole fiscal year, nothing around it", "[cli][table]") {
  for (const char* year : {"2023", "FY2023", "R5", "r5", "令和5年度", "令和５年度", "2023年度"}) {
    auto r = run_kpi_report_via(english, std::string("--width 80 --year ") + year + " " + takaoka);
    INFO(year);
    CHECK(r.exit_code == 0);
    CHECK_THAT(r.out, Catch::StartsWith("Summary, FY2023\n"));
  }
  for (const char* year : {"'x R5 y'", "R5x", "20233", "1800", "'2023 R4'", "next"}) {
    auto r = run_kpi_report_via(english, std::string("--year ") + year + " " + takaoka);
    INFO(year);
    CHECK(r.exit_code == 2);
    CHECK_THAT(r.err, Catch::Contains("--year: expected a fiscal year"));
  }
}
