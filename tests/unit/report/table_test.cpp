#include <catch2/catch.hpp>

#include <algorithm>

#include "kpi/text/display_width.hpp"
#include "report/report_text.hpp"
#include "sheets.hpp"

using kpi::report::Lang;
using kpi::report::ReportOptions;
using kpi::testing::check_table_lines;
using kpi::testing::lines_of;
using kpi::testing::render_report;
using kpi::testing::takaoka_result;

namespace {

ReportOptions options(Lang lang, int width, std::optional<int> year = std::nullopt,
                      int ambiguous_width = 1) {
  ReportOptions o;
  o.lang = lang;
  o.width = width;
  o.view.year = year;
  o.ambiguous_width = ambiguous_width;
  return o;
}

const char* note_of(Lang lang) {
  return lang == Lang::ja ? "注" : "note";
}

// The first line that contains `part`, or "".
std::string line_with(const std::string& text, const std::string& part) {
  for (const auto& line : lines_of(text))
    if (line.find(part) != std::string::npos) return line;
  return "";
}

}  // namespace

TEST_CASE("table: the Takaoka sheet fits 80 and 160 columns, every row aligned",
          "[report][table]") {
  auto result = takaoka_result();
  for (auto lang : {Lang::en, Lang::ja})
    for (int width : {80, 160})
      for (std::optional<int> year : {std::optional<int>{}, std::optional<int>{2023}})
        for (int ambiguous : {1, 2}) {
          INFO("lang " << (lang == Lang::ja ? "ja" : "en") << ", width " << width << ", year "
                       << year.value_or(0) << ", ambiguous " << ambiguous);
          auto text = render_report("table", result, options(lang, width, year, ambiguous));
          auto check = check_table_lines(text, width, ambiguous, note_of(lang));
          INFO(text);
          for (const auto& problem : check.problems) FAIL_CHECK(problem);
          CHECK(check.tables == 2);  // the summary and the sheet
          CHECK(check.rows >= (year ? 64 : 64 * 4));
          CHECK(check.widest <= width);
          CHECK(check.widest > width - 20);  // the width is used
        }
}

TEST_CASE("table: without a width limit nothing is left out", "[report][table]") {
  auto text = render_report("table", takaoka_result(), options(Lang::en, 0));
  auto check = check_table_lines(text, 0, 1, "note");
  for (const auto& problem : check.problems) FAIL_CHECK(problem);
  CHECK(text.find("not shown") == std::string::npos);
  auto header = line_with(text, "ID  ");
  for (const char* title : {"ID", "KPI", "unit", "direction", "baseline", "FY", "target", "actual",
                            "published", "recomputed", "verdict", "status", "grade"})
    CHECK_THAT(header, Catch::Contains(title));
}

TEST_CASE("table: the FY2023 summary counts the whole plan", "[report][table][summary]") {
  auto result = takaoka_result();
  auto en = render_report("table", result, options(Lang::en, 160, 2023));
  INFO(en);
  CHECK(lines_of(en)[0] == "Summary, FY2023");
  auto plan = line_with(en, "whole plan");
  CHECK_THAT(plan, Catch::Matches(R"(whole plan\s+64\s+26 \(41\.9%\)\s+36\s+2\b.*)"));
  auto ja = render_report("table", result, options(Lang::ja, 160, 2023));
  INFO(ja);
  CHECK(lines_of(ja)[0] == "概要（2023年度・令和5年度）");
  CHECK_THAT(line_with(ja, "計画全体"),
             Catch::Matches(R"(計画全体\s+64\s+26 \(41\.9%\)\s+36\s+2\b.*)"));
  for (const char* title : {"指標数", "達成", "未達成", "データなし"})
    CHECK_THAT(ja, Catch::Contains(title));
}

TEST_CASE("table: numbers are never cut, a long printed value goes to a note", "[report][table]") {
  auto text = render_report("table", takaoka_result(), options(Lang::en, 160, 2023));
  INFO(text);
  auto row = line_with(text, "No.55 ");
  CHECK_THAT(row, Catch::Contains("23,000"));
  CHECK_THAT(text, Catch::Contains("note (baseline): クラフト市"));
  auto ja = render_report("table", takaoka_result(), options(Lang::ja, 160, 2023));
  CHECK_THAT(ja, Catch::Contains("注（基準値）：クラフト市"));
}

TEST_CASE("table: Japanese headers and labels", "[report][table][ja]") {
  auto text = render_report("table", takaoka_result(), options(Lang::ja, 0));
  INFO(text);
  for (const char* word :
       {"指標名", "単位", "基準値", "年度", "目標値", "実績値", "達成率", "（公表）", "（再計算）",
        "判定", "増加", "一致", "未達成", "令和5年度", "計画全体"})
    CHECK_THAT(text, Catch::Contains(word));
  CHECK(text.find("increase") == std::string::npos);
}

TEST_CASE("table: colour only when asked, behind, achieved and mismatch highlighted",
          "[report][table]") {
  auto plain = render_report("table", takaoka_result(), options(Lang::en, 0, 2023));
  CHECK(plain.find('\x1b') == std::string::npos);
  auto o = options(Lang::en, 0, 2023);
  o.color = true;
  auto colored = render_report("table", takaoka_result(), o);
  CHECK_THAT(colored, Catch::Contains("\x1b[33mbehind\x1b[0m"));
  CHECK_THAT(colored, Catch::Contains("\x1b[32machieved\x1b[0m"));
  auto wrong = render_report("table", kpi::testing::one_kpi_result("相談件数", "件"), o);
  INFO(wrong);
  CHECK_THAT(wrong, Catch::Contains("\x1b[1;31mmismatch\x1b[0m"));
  CHECK_THAT(wrong, Catch::Contains("\x1b[1;31m95.0%\x1b[0m"));
  CHECK_THAT(wrong, Catch::Contains("\x1b[33mNo.1\x1b[0m"));
}

TEST_CASE("table: a name with markup or line breaks stays on its line", "[report][table]") {
  auto result = kpi::testing::one_kpi_result("<b>相談\n件数</b>\tほか", "件");
  auto text = render_report("table", result, options(Lang::en, 80));
  INFO(text);
  CHECK_THAT(text, Catch::Contains("<b>相談 件数</b> ほか"));
  auto check = check_table_lines(text, 80, 1, "note");
  for (const auto& problem : check.problems) FAIL_CHECK(problem);
  CHECK(check.rows == 3);  // the summary (whole plan, no basic goal) and the KPI
}

TEST_CASE("table: any width from 1 column up holds every line", "[report][table]") {
  auto result = takaoka_result();
  for (auto lang : {Lang::en, Lang::ja})
    for (int width : {1, 3, 10, 20, 40, 60, 100, 120, 200, 300}) {
      INFO("width " << width);
      auto text = render_report("table", result, options(lang, width, 2023, 2));
      auto check = check_table_lines(text, width, 2, note_of(lang));
      for (const auto& problem : check.problems) FAIL_CHECK(problem);
    }
}

TEST_CASE("table: all fiscal years, per-KPI cells on the first row only, final target marked",
          "[report][table]") {
  auto text = render_report("table", takaoka_result(), options(Lang::en, 0));
  INFO(text);
  auto lines = lines_of(text);
  auto first = std::find_if(lines.begin(), lines.end(),
                            [](const auto& l) { return l.rfind("No.3 ", 0) == 0; });
  REQUIRE(first != lines.end());
  CHECK_THAT(*first, Catch::Contains("県Uターン就職率") && Catch::Contains("2020"));
  CHECK_THAT(
      *(first + 1),
      Catch::Matches(R"(\s+2021\s+58\.8\s+57\.9\s+98\.5%\s+98\.5%\s+match\s+behind\s+B\s+-0\.1)"));
  auto toyama = kpi::PipelineResult{};
  toyama.sheets.push_back(kpi::testing::load_sheet("toyama/toyama-strategy-progress-fy2020.tsv"));
  auto en = render_report("table", toyama, options(Lang::en, 0));
  CHECK_THAT(en, Catch::Contains("30件(累計)(final)"));
  auto ja = render_report("table", toyama, options(Lang::ja, 0));
  CHECK_THAT(ja, Catch::Contains("30件(累計)（最終）"));
}
