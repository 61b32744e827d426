#include <catch2/catch.hpp>

#include "report/report_text.hpp"
#include "sheets.hpp"

using kpi::report::Lang;
using kpi::testing::lines_of;
using kpi::testing::render_report;

namespace {

const char* hostile_name = "<script>alert(1)</script> & 相談|件数\n二行目";

kpi::report::ReportOptions options(Lang lang, std::optional<int> year = std::nullopt) {
  kpi::report::ReportOptions o;
  o.lang = lang;
  o.view.year = year;
  return o;
}

}  // namespace

TEST_CASE("markdown: cells escape markup, pipes and line breaks", "[report][markdown]") {
  auto md = render_report("markdown", kpi::testing::one_kpi_result(hostile_name, "件<b>"),
                          options(Lang::en));
  INFO(md);
  CHECK(md.find("<script>") == std::string::npos);
  CHECK(md.find("<b>") == std::string::npos);
  CHECK_THAT(md,
             Catch::Contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; 相談\\|件数<br>二行目"));
  CHECK_THAT(md, Catch::Contains("件&lt;b&gt;"));
  auto wrong =
      render_report("markdown", kpi::testing::one_kpi_result("相談件数", "件"), options(Lang::ja));
  CHECK_THAT(wrong, Catch::Contains("| **不一致** |"));
  // Every table line has as many unescaped pipes as its header.
  std::size_t pipes = 0;
  for (const auto& line : lines_of(md)) {
    if (line.rfind("| ID", 0) == 0) pipes = 0;
    if (line.empty() || line.front() != '|') continue;
    std::size_t n = 0;
    for (std::size_t i = 0; i < line.size(); ++i)
      n += line[i] == '|' && (i == 0 || line[i - 1] != '\\');
    if (pipes == 0) pipes = n;
    if (line.rfind("| ID", 0) == 0 || line.rfind("|---", 0) == 0) pipes = n;
    CHECK(n == pipes);
  }
}

TEST_CASE("markdown: the Takaoka summary first, numbers right-aligned, both languages",
          "[report][markdown]") {
  auto result = kpi::testing::takaoka_result();
  auto en = render_report("markdown", result, options(Lang::en, 2023));
  INFO(en);
  auto lines = lines_of(en);
  REQUIRE(lines.size() > 70);
  CHECK(lines[0] == "## Summary, FY2023");
  CHECK(lines[2] == "|  | KPIs | achieved | behind | no data | grade | wrong published rates |");
  CHECK(lines[3].rfind("|---|---:|---:|---:|---:|---|---:|", 0) == 0);
  CHECK(lines[4].rfind("| **whole plan** | 64 | 26 (41.9%) | 36 | 2 |", 0) == 0);
  CHECK_THAT(en, Catch::Contains("| ID | KPI | unit | direction | baseline | target | actual | "
                                 "published | recomputed | verdict | status |"));
  CHECK_THAT(en, Catch::Contains("|---|---|---|---|---:|---:|---:|---:|---:|---|---|"));
  auto ja = render_report("markdown", result, options(Lang::ja, 2023));
  INFO(ja);
  CHECK(lines_of(ja)[0] == "## 概要（2023年度・令和5年度）");
  CHECK_THAT(ja, Catch::Contains("| **計画全体** | 64 | 26 (41.9%) | 36 | 2 |"));
  CHECK_THAT(ja, Catch::Contains("| 番号 | 指標名 | 単位 | 方向 | 基準値 | 目標値 | 実績値 | "
                                 "達成率（公表） | 達成率（再計算） | 判定 | 達成状況 |"));
  for (const char* word : {"増加", "一致", "未達成", "達成"}) CHECK_THAT(ja, Catch::Contains(word));
}

TEST_CASE("markdown: a large sheet's rows made on several threads are the serial ones",
          "[report][markdown]") {
  // The Takaoka sheet 24 times over, a unit printed only on the very last KPI: the column is
  // found in the last run of rows and shown.
  auto result = kpi::testing::with_kpis_repeated(kpi::testing::takaoka_result(), 24);
  auto& indicators = result.sheets.front().parsed.indicators;
  for (auto& ind : indicators) ind.unit.clear();
  indicators.back().unit = "件";
  auto with_jobs = [&](int jobs) {
    auto o = options(Lang::en);
    o.jobs = jobs;
    return render_report("markdown", result, o);
  };
  auto serial = with_jobs(1);
  CHECK(serial.find("| unit |") != std::string::npos);
  CHECK(serial.find("| 件 |") != std::string::npos);
  for (int jobs : {2, 3}) CHECK(with_jobs(jobs) == serial);
  indicators.back().unit.clear();
  CHECK(with_jobs(3).find("| unit |") == std::string::npos);
}
