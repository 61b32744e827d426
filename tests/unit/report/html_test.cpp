// The HTML report (src/report/html*.cpp) on the real Takaoka sheet and on a synthetic one.
#include <catch2/catch.hpp>

#include <limits>
#include <sstream>

#include <fmt/format.h>

#include "cli/run_binary.hpp"
#include "kpi/pipeline.hpp"
#include "kpi/report/writers.hpp"
#include "kpi/text/number.hpp"
#include "kpi/verify/rate_check.hpp"
#include "report/html_parts.hpp"
#include "sheets.hpp"

namespace {

using kpi::report::Lang;

const char* takaoka = "takaoka/takaoka-kpi-progress-fy2020-2023.txt";

kpi::PipelineResult takaoka_result() {
  return kpi::run_pipeline({kpi::testing::data_path(takaoka)}, {});
}

std::string html_of(const kpi::PipelineResult& result, Lang lang, std::optional<int> year = {}) {
  kpi::report::ReportOptions options;
  options.lang = lang;
  options.view.year = year;
  std::ostringstream out;
  kpi::report::render(*kpi::report::find_report_writer("html"), out, result, options);
  return out.str();
}

std::size_t count(const std::string& text, const std::string& needle) {
  std::size_t n = 0;
  for (auto at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) ++n;
  return n;
}

// The text between the first `from` and the next `to` after it.
std::string between(const std::string& text, const std::string& from, const std::string& to) {
  auto start = text.find(from);
  REQUIRE(start != std::string::npos);
  auto end = text.find(to, start);
  REQUIRE(end != std::string::npos);
  return text.substr(start, end - start);
}

std::string card(const char* kind, int n) {
  return "<div class=\"card " + std::string(kind) + "\"><div class=\"n\">" + std::to_string(n) +
         "</div>";
}

}  // namespace

TEST_CASE("html: Takaoka FY2023 summary cards are summarize()'s numbers", "[html][report]") {
  auto result = takaoka_result();
  auto summary = kpi::report::summarize(result, {2023});
  // The current model of the sheet: 64 KPIs, 26 achieved in FY2023.
  CHECK(summary.total.kpis == 64);
  CHECK(summary.total.achieved == 26);
  auto html = html_of(result, Lang::ja, 2023);
  const auto& c = summary.total;
  CHECK_THAT(html, Catch::Contains(card("kpis", 64)));
  CHECK_THAT(html, Catch::Contains(card("achieved", 26)));
  CHECK_THAT(html, Catch::Contains(card("behind", c.behind)));
  CHECK_THAT(html, Catch::Contains(card("no_data", c.no_data)));
  CHECK_THAT(html, Catch::Contains(card("wrong", c.wrong_rates)));
  CHECK(c.achieved + c.behind + c.no_data == 64);
  // Pace is counted over the whole series, so only the report without --year shows it.
  CHECK_THAT(html, !Catch::Contains("card on_track"));
  auto all = html_of(result, Lang::ja);
  auto whole = kpi::report::summarize(result, {}).total;
  CHECK_THAT(all, Catch::Contains(card("on_track", whole.on_track)));
  CHECK_THAT(all, Catch::Contains(card("pace_behind", whole.pace_behind)));
  CHECK(whole.on_track + whole.pace_behind > 0);
  // The year in view in Japanese beside the Western year.
  CHECK_THAT(html, Catch::Contains("令和5年度（2023）"));
}

TEST_CASE("html: lang attribute from the options", "[html][report]") {
  auto result = takaoka_result();
  CHECK_THAT(html_of(result, Lang::ja), Catch::StartsWith("<!DOCTYPE html>\n<html lang=\"ja\">"));
  CHECK_THAT(html_of(result, Lang::en), Catch::StartsWith("<!DOCTYPE html>\n<html lang=\"en\">"));
  CHECK_THAT(html_of(result, Lang::ja), Catch::Contains("<th>指標名</th>"));
  CHECK_THAT(html_of(result, Lang::en), Catch::Contains("<th>KPI</th>"));
}

TEST_CASE("html: the report's language follows LANG on the command line", "[html][cli]") {
  auto path = kpi::testing::quoted_data(takaoka);
  auto ja = kpi::testing::run_kpi_report_via("env LC_ALL= LC_MESSAGES= LANG=ja_JP.UTF-8",
                                             "report -f html " + path);
  REQUIRE(ja.exit_code == 0);
  CHECK_THAT(ja.out, Catch::Contains("<html lang=\"ja\">"));
  auto en = kpi::testing::run_kpi_report_via("env LC_ALL= LC_MESSAGES= LANG=ja_JP.UTF-8",
                                             "report -f html --lang en " + path);
  CHECK_THAT(en.out, Catch::Contains("<html lang=\"en\">"));
}

TEST_CASE("html: one bar group per basic goal, labelled, with its counts", "[html][report]") {
  auto result = takaoka_result();
  auto summary = kpi::report::summarize(result, {2023});
  auto html = html_of(result, Lang::ja, 2023);
  auto chart = between(html, "<svg class=\"chart status\"", "</svg>");
  REQUIRE(summary.goals.size() > 1);
  CHECK(count(chart, "<g class=\"goal\"") == summary.goals.size());
  for (const auto& g : summary.goals) {
    CAPTURE(g.label);
    CHECK_THAT(chart, Catch::Contains("<title>" + g.label + "</title>"));
    auto percent = g.counts.achieved_percent();
    auto share = percent ? fmt::format("{:.1f}%", *percent) : std::string("—");
    CHECK_THAT(chart, Catch::Contains(std::to_string(g.counts.achieved) + "/" +
                                      std::to_string(g.counts.kpis) + " · " + share));
  }
}

TEST_CASE("html: KPI table rows, numbers right-aligned, ids on one line", "[html][report]") {
  auto result = takaoka_result();
  const auto& sheet = result.sheets.at(0);
  for (std::optional<int> year : {std::optional<int>{}, std::optional<int>{2023}}) {
    CAPTURE(year.value_or(0));
    auto rows = kpi::report::observation_rows(sheet, {year});
    auto html = html_of(result, Lang::en, year);
    auto table = between(html, "<table class=\"kpis\">", "</table>");
    auto body = between(table, "<tbody>", "</tbody>");
    CHECK(count(body, "<tr") == rows.size());
    // Baseline, FY, target, actual, published and recomputed rate, change: right-aligned.
    std::size_t right = 0;
    for (const auto& column : kpi::report::observation_columns())
      if (column.align == kpi::report::Align::right) ++right;
    CHECK(right == 7);
    CHECK(count(between(table, "<thead>", "</thead>"), "<th class=\"num\">") == right);
    CHECK(count(body, "<td class=\"num") == right * rows.size());
    CHECK(count(body, "<td class=\"id\">") == rows.size());
  }
  auto html = html_of(result, Lang::en, 2023);
  CHECK_THAT(html, Catch::Contains(".num{text-align:right;"));
  CHECK_THAT(html, Catch::Contains(".id,.vd,.st{white-space:nowrap}"));
  // Takaoka No.1's baseline is a long printed text: right-aligned, allowed to wrap.
  CHECK_THAT(html, Catch::Contains("<td class=\"num long\">▲275(直近5年間"));
  // With --year 2023, each KPI has one row, of FY2023 or empty, classed by verdict and status.
  auto body = between(between(html, "<table class=\"kpis\">", "</table>"), "<tbody>", "</tbody>");
  CHECK(count(body, " achieved first\">") == 26);
  CHECK(count(body, "<td class=\"num\">2022</td>") == 0);
}

TEST_CASE("html: a sparkline per KPI against its target path", "[html][report]") {
  auto result = takaoka_result();
  auto html = html_of(result, Lang::ja, 2023);
  auto series = between(html, "<section id=\"series\">", "</section>");
  const auto& indicators = result.sheets.at(0).parsed.indicators;
  CHECK(count(series, "<div class=\"kpi ") == indicators.size());
  std::size_t with_path = 0;
  for (const auto& ind : indicators)
    if (ind.baseline.value.number && ind.baseline.fiscal_year && ind.final_target.value.number &&
        ind.final_target.fiscal_year)
      ++with_path;
  CHECK(with_path > 0);
  CHECK(count(series, "<line class=\"tp\"") == with_path);
  CHECK(count(series, "<line class=\"vy\"") > 0);
  CHECK(count(series, "<polyline class=\"al\"") > 0);
  // Each card links to its KPI's first table row.
  CHECK_THAT(series, Catch::Contains("href=\"#k0-0\""));
  CHECK_THAT(html, Catch::Contains("<tr id=\"k0-0\" class=\""));
}

TEST_CASE("html: no request to anywhere, no script", "[html][report]") {
  auto html = html_of(takaoka_result(), Lang::ja);
  CHECK_THAT(html, !Catch::Contains("http:"));
  CHECK_THAT(html, !Catch::Contains("https:"));
  CHECK_THAT(html, !Catch::Contains("//"));
  CHECK_THAT(html, !Catch::Contains("<script"));
  CHECK_THAT(html, !Catch::Contains(" src="));
  CHECK_THAT(html, !Catch::Contains("url("));
  CHECK_THAT(html, !Catch::Contains("@import"));
  CHECK_THAT(html, !Catch::Contains("<link"));
  CHECK(count(html, "href=\"") == count(html, "href=\"#"));
  CHECK_THAT(html, Catch::Contains("content=\"default-src 'none'; style-src 'unsafe-inline'\""));
}

namespace {

kpi::model::Value value(std::string_view printed) {
  return kpi::text::parse_cell(printed, printed).value;
}

// One sheet whose every text tries to break out of the page.
kpi::PipelineResult hostile() {
  kpi::model::Indicator ind;
  ind.municipality = "testcity";
  ind.id = "No.<b>1</b>";
  ind.name = "<script>alert(\"x\")</script>相談件数";
  ind.unit = "件&<i>";
  ind.goal = "基本目標<img src=x onerror=alert(1)>";
  ind.direction = kpi::model::Direction::increase;
  ind.direction_source = kpi::model::DirectionSource::label;
  ind.source = {"dir/<sheet>.txt", 3};
  kpi::model::Observation o;
  o.fiscal_year = 2023;
  o.target = value("10");
  o.actual = value("9");
  o.published_rate = value("100.0%");
  o.source = {"dir/<sheet>.txt", 4};
  ind.observations.push_back(o);
  kpi::model::Sheet sheet;
  sheet.path = "dir/<sheet>.txt";
  sheet.format = "<fmt>";
  sheet.usable = true;
  sheet.parsed.indicators.push_back(ind);
  kpi::verify::check_rates(sheet.parsed.indicators);
  kpi::PipelineResult result;
  result.sheets.push_back(sheet);
  result.diagnostics.push_back(
      {{"dir/<sheet>.txt", 2}, kpi::model::Severity::warning, "input.<code>", "row <skipped>"});
  result.findings.push_back({"relisted-differs",
                             kpi::model::Severity::warning,
                             "<script>x</script>",
                             {{"dir/<sheet>.txt", 3}},
                             {"<id>"}});
  return result;
}

}  // namespace

TEST_CASE("html: every text of the input is escaped", "[html][report]") {
  auto result = hostile();
  for (auto lang : {Lang::en, Lang::ja}) {
    auto html = html_of(result, lang);
    CHECK_THAT(html, !Catch::Contains("<script"));
    CHECK_THAT(html, !Catch::Contains("<img"));
    CHECK_THAT(html, !Catch::Contains("<b>"));
    CHECK_THAT(html, !Catch::Contains("<i>"));
    CHECK_THAT(html, !Catch::Contains("<sheet>"));
    CHECK_THAT(html, !Catch::Contains("<fmt>"));
    CHECK_THAT(html, !Catch::Contains("<id>"));
    CHECK_THAT(html, !Catch::Contains("<code>"));
    CHECK_THAT(html, !Catch::Contains("<skipped>"));
    CHECK_THAT(html, Catch::Contains("dir/&lt;sheet&gt;.txt:2</span><br>row &lt;skipped&gt;"));
    CHECK_THAT(html, Catch::Contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;相談件数"));
    CHECK_THAT(html, Catch::Contains("基本目標&lt;img src=x onerror=alert(1)&gt;"));
    CHECK_THAT(html, Catch::Contains("件&amp;&lt;i&gt;"));
    CHECK_THAT(html, Catch::Contains("dir/&lt;sheet&gt;.txt:4"));
    // The mismatch (9 / 10 = 90.0%, published 100.0%) is a finding with its location.
    CHECK_THAT(html,
               Catch::Contains("<tr class=\"mismatch\"><td class=\"loc\">dir/&lt;sheet&gt;.txt:4"));
  }
}

TEST_CASE("html: numbers of the cards with thousands separators", "[html][report]") {
  using kpi::report::html::number_text;
  CHECK(number_text(23000, 0) == "23,000");
  CHECK(number_text(999, 0) == "999");
  CHECK(number_text(1000, 0) == "1,000");
  CHECK(number_text(-1234.54, 1) == "-1,234.5");
  CHECK(number_text(1234567.891, 2) == "1,234,567.89");
  CHECK(number_text(0.5, 1) == "0.5");
  CHECK(number_text(-0.04, 1) == "0.0");
  CHECK(number_text(std::numeric_limits<double>::infinity(), 1) == "—");
}

TEST_CASE("html: a long goal label is cut in the chart, whole in its title", "[html][report]") {
  using kpi::report::html::shorten;
  CHECK(shorten("基本目標1", 10) == "基本目標1");
  CHECK(shorten("基本目標1 高岡の産業", 10) == "基本目標1…");
  CHECK(shorten("abcdef", 4) == "abc…");
  auto result = hostile();
  auto& ind = result.sheets[0].parsed.indicators[0];
  ind.goal = std::string(60, 'g') + "まちをつくる" + std::string(60, 'h');
  auto chart = between(html_of(result, Lang::ja), "<svg class=\"chart status\"", "</svg>");
  CHECK_THAT(chart, Catch::Contains("<title>" + ind.goal + "</title>"));
  CHECK_THAT(chart, Catch::Contains(">" + std::string(60, 'g') + "まちをつくる" +
                                    std::string(39, 'h') + "…</text>"));
}

TEST_CASE("html: a large sheet's cards and rows made on several threads are the serial ones",
          "[report][html]") {
  // The Takaoka sheet's KPIs 32 times over (4,992 KPIs, their basic goals changing along the
  // way): past the KPIs and rows a writer makes on one thread.
  auto result = kpi::testing::with_kpis_repeated(takaoka_result(), 32);
  auto html_with = [&](int jobs) {
    kpi::report::ReportOptions options;
    options.jobs = jobs;
    std::ostringstream out;
    kpi::report::render(*kpi::report::find_report_writer("html"), out, result, options);
    return out.str();
  };
  auto serial = html_with(1);
  CHECK(count(serial, "<h4>") > 24);  // each copy opens its goals again
  CHECK(count(serial, "<div class=\"multiples\">") == count(serial, "<h4>"));
  for (int jobs : {2, 3}) CHECK(html_with(jobs) == serial);
}
