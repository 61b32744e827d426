// Header shapes the grid layout reads, each from a CSV written as offices write them.
#include <catch2/catch.hpp>

#include "kpi/formats/grid_layout.hpp"
#include "kpi/formats/registry.hpp"
#include "kpi/grid/delimited.hpp"
#include "kpi/verify/rate_check.hpp"

namespace {

kpi::model::ParseOutput read(const std::string& csv) {
  auto out = kpi::formats::grid_layout::parse(csv, "grid.csv");
  kpi::verify::check_rates(out.indicators);
  return out;
}

}  // namespace

TEST_CASE("years and roles in one header cell (R5目標値, 目標値（R7）) map to their columns",
          "[grid-layout]") {
  auto out = read(
      "No,指標名,単位,基準値,R4目標値,R4実績値,R4達成率,R5目標値,R5実績値,R5達成率,目標値（R7）\n"
      "1,観光客数,千人,100,110,105,95.5%,120,125,104.2%,150\n"
      "2,ごみ排出量,t,500,480,470,102.1%,460,470,97.9%,400以下\n");
  REQUIRE(out.indicators.size() == 2);
  const auto& waste = out.indicators[1];
  CHECK(waste.id == "2");
  CHECK(waste.final_target.value.text == "400以下");
  CHECK(waste.final_target.fiscal_year == 2025);
  CHECK(waste.direction == kpi::model::Direction::decrease);
  REQUIRE(waste.observations.size() == 2);
  CHECK(waste.observations[1].fiscal_year == 2023);
  CHECK(waste.observations[1].actual.text == "470");
  CHECK(waste.observations[1].check.verdict == kpi::model::Verdict::match);
  CHECK(waste.observations[1].check.method == "inverse");
}

TEST_CASE("value words over a row of years (目標値 over R4, R5) give each column its year",
          "[grid-layout]") {
  auto out = read(
      "指標名,単位,目標値,,実績値,,達成率,\n"
      ",,R4,R5,R4,R5,R4,R5\n"
      "観光客数,千人,110,120,105,125,95.5%,104.2%\n");
  REQUIRE(out.indicators.size() == 1);
  const auto& o = out.indicators[0].observations;
  REQUIRE(o.size() == 2);
  CHECK(o[0].fiscal_year == 2022);
  CHECK(o[0].target.text == "110");
  CHECK(o[1].published_rate.text == "104.2%");
  CHECK(o[1].check.verdict == kpi::model::Verdict::match);
}

TEST_CASE("a grid row that repeats the header is skipped, a KPI named with 指標 is not",
          "[grid-layout]") {
  auto out = read(
      "指標名,令和5年度,,\n"
      ",目標値,実績値,達成率\n"
      "成果指標の達成数,10,9,90.0%\n"
      "指標名,目標値,実績値,達成率\n");
  REQUIRE(out.indicators.size() == 1);
  CHECK(out.indicators[0].name == "成果指標の達成数");
  REQUIRE(out.skipped.size() == 1);
  CHECK(out.skipped[0].line == 4);
  CHECK(out.skipped[0].reason == "repeated header row");
}

TEST_CASE("a grid whose header lacks 実績値 says which columns it recognised", "[grid-layout]") {
  auto out = read("指標名,単位,目標値\n観光客数,千人,110\n");
  bool told = false;
  for (const auto& d : out.diagnostics)
    told = told || (d.code == "input.no-kpi-table" || d.code == "input.grid-columns");
  CHECK(told);
}

TEST_CASE("a grid's goal and measure columns give each KPI its plan path, carried down",
          "[grid-layout]") {
  auto out = read(
      "基本目標,施策,指標名,R5目標値,R5実績値,R5達成率\n"
      "1 ひとの流れ,(1) 移住の促進,移住者数,100,90,90.0%\n"
      ",,移住相談件数,50,60,120.0%\n"
      ",(2) 関係人口,ふるさと納税件数,10,5,50.0%\n");
  REQUIRE(out.indicators.size() == 3);
  const auto& path = out.indicators[1].plan_path;
  REQUIRE(path.size() == 2);
  CHECK(path[0].level == "goal");
  CHECK(path[0].code == "1");
  CHECK(path[0].title == "1 ひとの流れ");
  CHECK(path[1].code == "(1)");
  CHECK(out.indicators[2].plan_path[1].title == "(2) 関係人口");
}

TEST_CASE("a grid's municipality is a profile slug or unknown, the printed body its name",
          "[grid-layout][body-name]") {
  auto out = read(
      "富山県 施策評価\n"
      "市町村,指標名,R5目標値,R5実績値,R5達成率\n"
      "高岡市,移住者数,100,90,90.0%\n"
      "氷 見 市,観光客数,10,9,90.0%\n"
      "Toyama,転入者数,10,9,90.0%\n"
      ",就業者数,10,9,90.0%\n");
  REQUIRE(out.indicators.size() == 4);
  CHECK(out.indicators[0].municipality == "takaoka");
  CHECK(out.indicators[0].municipality_name == "高岡市");
  CHECK(out.indicators[1].municipality == "unknown");
  CHECK(out.indicators[1].municipality_name == "氷見市");
  CHECK(out.indicators[2].municipality == "toyama");
  CHECK(out.indicators[2].municipality_name == "富山市");
  // A row without a body is the title's: 富山県, of no profile.
  CHECK(out.indicators[3].municipality == "unknown");
  CHECK(out.indicators[3].municipality_name == "富山県");
}

TEST_CASE("基準年度 and 目標年度 columns: the first row of data is data, the years the KPI's",
          "[grid-layout]") {
  // The first data row prints years (R1, R6) as a row of years under a header would: it is
  // still the first KPI, and 目標年度 is the final target's year, not a target column.
  auto out = read(
      "基本目標,No.,重要業績評価指標（KPI）,単位,基準値,基準年度,目標値,目標年度,令和4年度実績,"
      "令和5年度実績,達成率\n"
      "1 しごと,1,新規立地企業数（累計）,社,0,R1,10,R6,6,8,80.0%\n"
      "2 人の流れ,3,転出超過数,人,300,R1,100,令和6年度,250,180,60.0%\n");
  REQUIRE(out.indicators.size() == 2);
  CHECK(out.skipped.empty());
  const auto& firms = out.indicators[0];
  CHECK(firms.name == "新規立地企業数（累計）");
  CHECK(firms.baseline.fiscal_year == 2019);
  CHECK(firms.final_target.value.text == "10");
  CHECK(firms.final_target.fiscal_year == 2024);
  REQUIRE(firms.observations.size() == 2);
  CHECK(firms.observations[0].fiscal_year == 2022);
  CHECK(firms.observations[0].target.text.empty());  // no year target: none read from 目標年度
  CHECK(firms.observations[1].actual.text == "8");
  const auto& moving_out = out.indicators[1];
  CHECK(moving_out.final_target.fiscal_year == 2024);
  CHECK(moving_out.direction == kpi::model::Direction::decrease);  // 300 → 100
  // 60.0% is progress toward the final target: (300 - 180) / (300 - 100).
  CHECK(moving_out.observations[1].check.verdict == kpi::model::Verdict::match);
  CHECK(moving_out.observations[1].check.method == "progress");
  CHECK(moving_out.observations[0].check.rate_rounded->to_string() == "25.0");
}

TEST_CASE("a row below the header holding １，２００ or ▲3.5 is data, read as a value cell is",
          "[grid-layout]") {
  // Its only numbers are printed full-width or with ▲ for minus; its years (R1, R6) would
  // make it a row of years under the header if those were not judged numbers.
  auto out = read(
      "基本目標,重要業績評価指標（KPI）,単位,基準値,基準年度,目標値,目標年度\n"
      "しごと,新規立地企業数,社,１，２００,R1,１，５００,R6\n"
      "人口,人口増減率,％,▲3.5,R1,▲1.0,R6\n");
  REQUIRE(out.indicators.size() == 2);
  CHECK(out.skipped.empty());
  CHECK(out.indicators[0].name == "新規立地企業数");
  CHECK(out.indicators[0].baseline.fiscal_year == 2019);
  CHECK(out.indicators[0].final_target.fiscal_year == 2024);
  CHECK(out.indicators[1].name == "人口増減率");
  CHECK(out.indicators[1].baseline.value.text == "▲3.5");
}

TEST_CASE("a row of years under the header is still read as the header's", "[grid-layout]") {
  // No number in it: the years belong to the value words above (目標値 over R4, R5).
  auto out = read(
      "指標名,目標値,,実績値,\n"
      ",R4,R5,R4,R5\n"
      "観光客数,110,120,105,125\n");
  REQUIRE(out.indicators.size() == 1);
  REQUIRE(out.indicators[0].observations.size() == 2);
  CHECK(out.indicators[0].observations[1].target.text == "120");
}

TEST_CASE("stacked rows: years across, a row for each kind of value under a 区分 column",
          "[grid-layout][stacked]") {
  auto out = read(
      "No.,重要業績評価指標（KPI）,単位,基準値（H30）,区分,R2,R3,R4,R6（目標）\n"
      "1,観光入込客数,万人,300,目標値,310,320,330,350\n"
      ",,,,実績値,250,280,300,\n"
      ",,,,達成率,80.6%,87.5%,90.0%,\n"
      "2,移住者数,人,50,目標値,55,60,65,75\n"
      ",,,,実績値,60,58,,\n");
  REQUIRE(out.indicators.size() == 2);
  CHECK(out.skipped.empty());
  CHECK(out.rows_used == 5);
  const auto& visitors = out.indicators[0];
  CHECK(visitors.type_text.empty());  // 区分 holds the kinds, not an indicator type
  CHECK(visitors.final_target.value.text == "350");
  CHECK(visitors.final_target.fiscal_year == 2024);
  REQUIRE(visitors.observations.size() == 3);
  const auto& fy2022 = visitors.observations[2];
  CHECK(fy2022.fiscal_year == 2022);
  CHECK(fy2022.target.text == "330");
  CHECK(fy2022.actual.text == "300");
  CHECK(fy2022.published_rate.text == "90.0%");
  CHECK(fy2022.check.verdict == kpi::model::Verdict::mismatch);  // 300 / 330 = 90.9%
  CHECK(fy2022.source.line == 3);                                // the 実績値 row
  CHECK(visitors.observations[0].check.verdict == kpi::model::Verdict::match);
  const auto& movers = out.indicators[1];
  REQUIRE(movers.observations.size() == 3);
  CHECK(movers.observations[1].actual.text == "58");
  CHECK(movers.observations[2].actual.text.empty());  // FY2022: a target, no actual yet
  CHECK(movers.observations[2].target.text == "65");
}

TEST_CASE("stacked rows: a second row of a kind is skipped, an error unless it repeats the first",
          "[grid-layout][stacked][gate]") {
  auto out = read(
      "No.,指標名,単位,基準値（H30）,区分,R2,R3,R4\n"
      "1,観光入込客数,万人,300,目標値,310,320,330\n"
      ",,,,実績値,250,280,300\n"
      ",,,,達成率,80.6%,87.5%,95.0%\n"
      ",,,,達成率,80.6%,87.5%,90.9%\n"
      "2,移住者数,人,50,目標値,55,60,65\n"
      ",,,,実績値,60,58,65\n"
      ",,,,実績値,60,58,65\n");
  REQUIRE(out.indicators.size() == 2);
  REQUIRE(out.skipped.size() == 2);
  CHECK(out.skipped[0].line == 5);
  CHECK_THAT(out.skipped[0].reason,
             Catch::Contains("a second 達成率 row for 観光入込客数 (the first: line 4)"));
  CHECK(out.skipped[1].line == 8);
  CHECK_THAT(out.skipped[1].reason, Catch::Contains("repeats the 実績値 row of line 7"));
  CHECK(out.rows_used == 5);
  // The first 達成率 row is the one read: its wrong 95.0% (300 / 330 = 90.9%) is caught.
  const auto& fy2022 = out.indicators[0].observations.at(2);
  CHECK(fy2022.published_rate.text == "95.0%");
  CHECK(fy2022.check.verdict == kpi::model::Verdict::mismatch);
  CHECK(out.indicators[1].observations.at(2).actual.text == "65");
  auto severity_of = [&](int line) {
    for (const auto& d : out.diagnostics)
      if (d.location.line == line && d.code == "input.skipped-row") return d.severity;
    return kpi::model::Severity::note;
  };
  CHECK(severity_of(5) == kpi::model::Severity::error);
  CHECK(severity_of(8) == kpi::model::Severity::warning);
}

TEST_CASE("stacked rows: an unnamed label column, ids repeated, grades, 計画 for targets",
          "[grid-layout][stacked]") {
  auto out = read(
      "番号,指標名,,令和4年度,令和5年度\n"
      "1,観光入込客数（万人）,計画,330,340\n"
      "1,,実績,300,320\n"
      "2,ごみ排出量（t）,目標,460,450\n"
      ",,実績,455,460\n"
      ",,評価,A,B\n");
  REQUIRE(out.indicators.size() == 2);
  CHECK(out.skipped.empty());
  CHECK(out.indicators[0].observations.at(1).target.text == "340");
  CHECK(out.indicators[0].observations.at(1).actual.text == "320");
  CHECK(out.indicators[1].observations.at(0).notes == "評価 A");
  CHECK(out.indicators[1].observations.at(1).actual.text == "460");
}

TEST_CASE("stacked rows need a column of kind labels: a note column is none",
          "[grid-layout][stacked]") {
  // Year columns and a 備考 of sentences: no stacked rows, the second row is skipped as before.
  auto out = read(
      "指標名,目標値,R4,R5,備考\n"
      "観光入込客数,340,300,320,実績値は速報値による見込みの数字\n"
      ",,,,実績値は翌年度に確定する数字です\n");
  REQUIRE(out.indicators.size() == 1);
  CHECK(out.skipped.size() == 1);
}

TEST_CASE("stacked rows in a workbook: No and the name merged down over the KPI's rows",
          "[grid-layout][stacked]") {
  auto grid = kpi::grid::read_delimited(
      "No.,指標名,区分,R4,R5\n"
      "1,観光入込客数（万人）,目標値,330,340\n"
      ",,実績値,300,320\n"
      "2,移住者数（人）,目標値,65,70\n"
      ",,実績値,70,80\n",
      ',');
  // A1-style: rows 2–3 and 4–5 merged in columns A and B, as Excel prints such a sheet.
  for (int first : {1, 3})
    for (int col : {0, 1}) grid.sheet.merged.push_back({first, col, first + 1, col});
  auto out = kpi::formats::grid_layout::parse_sheet(grid.sheet, "book.xlsx:KPI");
  kpi::verify::check_rates(out.indicators);
  REQUIRE(out.indicators.size() == 2);  // not four: the merged rows are value rows
  CHECK(out.skipped.empty());
  CHECK(out.indicators[1].name == "移住者数（人）");
  CHECK(out.indicators[1].unit == "人");
  REQUIRE(out.indicators[1].observations.size() == 2);
  CHECK(out.indicators[1].observations[1].actual.text == "80");
  CHECK(out.indicators[1].observations[1].target.text == "70");
}

TEST_CASE("stacked rows: the name and id printed again on each value row",
          "[grid-layout][stacked]") {
  auto out = read(
      "No,指標名,区分,R4,R5\n"
      "1,観光入込客数,目標,330,340\n"
      "1,観光入込客数,実績,300,320\n"
      "2,観光入込客数,目標,10,20\n"  // another KPI of the same name: its own id
      "2,観光入込客数,実績,9,18\n");
  REQUIRE(out.indicators.size() == 2);
  CHECK(out.indicators[0].observations.at(1).actual.text == "320");
  CHECK(out.indicators[1].id == "2");
  CHECK(out.indicators[1].observations.at(1).actual.text == "18");
}

TEST_CASE(
    "stacked rows with 目標値 and 目標年度 columns: the final target, and the way the "
    "targets go",
    "[grid-layout][stacked]") {
  auto out = read(
      "令和5年度 KPI検証\n"
      "番号,指標名,区分,令和3年度,令和4年度,令和5年度,目標値,目標年度\n"
      "1,観光入込客数（千人）,目標,300,320,340,350,R6\n"
      ",,実績,280,300,320,,\n"
      "2,待機児童数（人）,目標,10,5,0,0,R6\n"
      ",,実績,12,8,3,,\n");
  REQUIRE(out.indicators.size() == 2);
  const auto& waiting = out.indicators[1];
  // 目標値 is the final target (not the title year's target), its year in 目標年度.
  CHECK(waiting.final_target.value.text == "0");
  CHECK(waiting.final_target.fiscal_year == 2024);
  REQUIRE(waiting.observations.size() == 3);
  CHECK(waiting.observations[2].target.text == "0");
  // No baseline: the targets going 10, 5, 0 tell a decrease (10 / 12 = 83.3%, not 120%).
  CHECK(waiting.direction == kpi::model::Direction::decrease);
  CHECK(waiting.direction_source == kpi::model::DirectionSource::inferred);
  CHECK(waiting.observations[0].check.rate_rounded->to_string() == "83.3");
  CHECK(out.indicators[0].direction == kpi::model::Direction::increase);
}

TEST_CASE("a final target printed as 現状維持 makes the KPI one to maintain", "[grid-layout]") {
  auto out = read(
      "No,指標名,単位,基準値(R1),目標値(R6),R5目標値,R5実績値,R5達成率\n"
      "1,健康寿命（年）,年,80.5,現状維持,80.5,80.9,100.5%\n"
      "2,観光客数,千人,100,120,110,105,95.5%\n");
  REQUIRE(out.indicators.size() == 2);
  CHECK(out.indicators[0].direction == kpi::model::Direction::maintain);
  CHECK(out.indicators[0].direction_source == kpi::model::DirectionSource::qualifier);
  CHECK(out.indicators[0].direction_text == "現状維持");
  // Maintain is rated as actual / target: the printed 100.5% still matches.
  CHECK(out.indicators[0].observations.at(0).check.verdict == kpi::model::Verdict::match);
  CHECK(out.indicators[1].direction == kpi::model::Direction::increase);
}

TEST_CASE("a year target's 以下 or 以上 tells the direction where the baseline equals it",
          "[grid-layout][gate]") {
  auto out = read(
      "No,指標名,単位,基準値,目標値(R5),実績値(R5),達成率(R5)\n"
      "1,不登校児童数,人,10,10以下,12,100.0%\n"
      "2,満足度,%,80,80%以上,85,106.3%\n"
      "3,相談件数,件,10,10,12,120.0%\n");
  REQUIRE(out.indicators.size() == 3);
  const auto& fewer = out.indicators[0];
  CHECK(fewer.direction == kpi::model::Direction::decrease);
  CHECK(fewer.direction_source == kpi::model::DirectionSource::qualifier);
  // 12 is not at most 10: 10 / 12 = 83.3%, not the 100% of a maintained target met.
  const auto& fy2023 = fewer.observations.at(0);
  CHECK(fy2023.check.verdict == kpi::model::Verdict::mismatch);
  CHECK(fy2023.check.rate_rounded->to_string() == "83.3");
  CHECK(out.indicators[1].direction == kpi::model::Direction::increase);
  CHECK(out.indicators[1].observations.at(0).check.verdict == kpi::model::Verdict::match);
  // No qualifier: the equal baseline and target still tell a KPI to maintain.
  CHECK(out.indicators[2].direction == kpi::model::Direction::maintain);
}

TEST_CASE("基準値 and 目標値 each split into 年度 | 値 below give the years and the values",
          "[grid-layout]") {
  // The merges of 基準値 over D:E and 目標値 over F:G are lost in the CSV.
  auto out = read(
      "No,指標名,単位,基準値,,目標値,,実績値,,,達成率\n"
      ",,,年度,値,年度,値,R3,R4,R5,\n"
      "1,移住者数,人,H30,100,R6,200,120,150,180,80.0%\n"
      "2,観光入込客数,千人,H30,\"1,200\",R6,\"1,500\",\"1,100\",\"1,300\",\"1,400\",66.7%\n");
  REQUIRE(out.indicators.size() == 2);
  const auto& tourists = out.indicators[1];
  CHECK(tourists.baseline.value.text == "1,200");
  CHECK(tourists.baseline.fiscal_year == 2018);
  CHECK(tourists.final_target.value.text == "1,500");
  CHECK(tourists.final_target.fiscal_year == 2024);
  REQUIRE(tourists.observations.size() == 3);
  CHECK(tourists.observations[2].fiscal_year == 2023);
  // (1,400 − 1,200) / (1,500 − 1,200) = 66.7%: progress from the baseline, now that it is read.
  CHECK(tourists.observations[2].check.verdict == kpi::model::Verdict::match);
  CHECK(tourists.observations[2].check.method == "progress");
}

TEST_CASE("value columns with no year anywhere are an error, not dropped in silence",
          "[grid-layout]") {
  const std::string csv =
      "施策,指標,単位,現状値,目標値,実績値,達成率\n"
      "観光,宿泊者数,万人,100,120,130,110.0%\n";
  auto out = read(csv);
  REQUIRE(out.indicators.size() == 1);  // the row is still a KPI
  CHECK(out.indicators[0].observations.empty());
  REQUIRE(out.diagnostics.size() == 1);
  CHECK(out.diagnostics[0].code == "input.no-year");
  CHECK(out.diagnostics[0].severity == kpi::model::Severity::error);
  CHECK(out.diagnostics[0].message.starts_with("the columns 目標値, 実績値, 達成率 name no"));

  // An empty template loses nothing: no error.
  CHECK(read("指標,目標値,実績値,達成率\n宿泊者数,,,\n").diagnostics.empty());

  // A workbook's sheet named for its year gives the columns that year: the wrong 110.0%
  // (130 / 120 = 108.3%) is then a mismatch.
  auto grid = kpi::grid::read_delimited(csv, ',');
  grid.sheet.name = "令和5年度";
  auto named = kpi::formats::grid_layout::parse_sheet(grid.sheet, "book.xlsx:令和5年度");
  kpi::verify::check_rates(named.indicators);
  CHECK(named.diagnostics.empty());
  REQUIRE(named.indicators.at(0).observations.size() == 1);
  CHECK(named.indicators[0].observations[0].fiscal_year == 2023);
  CHECK(named.indicators[0].observations[0].check.verdict == kpi::model::Verdict::mismatch);
}

TEST_CASE("a 進捗状況 column is read as rates, grades or remarks by what it holds",
          "[grid-layout]") {
  auto rates = read(
      "令和5年度 効果検証シート\n"
      "番号,成果指標,計画策定時,目標値（R7年度）,R5年度末実績,進捗状況（％）\n"
      "1,移住者数（人）,50,100,80,60.0\n"
      "2,空き家バンク登録件数（件）,10,30,25,70.0\n");
  REQUIRE(rates.indicators.size() == 2);
  const auto& vacant = rates.indicators[1].observations.at(0);
  CHECK(vacant.published_rate.text == "70.0");
  // (25 − 10) / (30 − 10) = 75.0%: a wrong published rate no longer passes as "none printed".
  CHECK(vacant.check.verdict == kpi::model::Verdict::mismatch);

  auto words = read(
      "令和5年度 効果検証シート\n"
      "成果指標,基準値,目標値,実績値,達成状況,備考\n"
      "移住者数（人）,50,100,80,概ね順調,\n"
      "待機児童数（人）,20,0,5,順調,\n");
  REQUIRE(words.indicators.size() == 2);
  CHECK(words.indicators[0].observations.at(0).published_rate.text.empty());
  CHECK(words.indicators[0].observations.at(0).notes == "評価 概ね順調");

  // Under 達成率, words are rates not yet known (集計中), not grades: the printed 61.0% of the
  // last row is still checked, and wrong.
  auto pending = read(
      "令和5年度 KPI\n指標名,基準値,目標値,実績値,達成率\n"
      "A,50,100,80,集計中\nB,50,100,80,集計中\nC,50,100,80,61.0%\n");
  REQUIRE(pending.indicators.size() == 3);
  CHECK(pending.indicators[2].observations.at(0).check.verdict == kpi::model::Verdict::mismatch);
}

TEST_CASE("a rate headed by what it measures against (目標達成率) is a rate, not a target",
          "[grid-layout]") {
  for (std::string header : {"目標達成率", "目標に対する達成率", "実績達成率"}) {
    auto out = read("令和5年度 KPI\n指標名,基準値,目標値,実績値," + header +
                    "\n移住者数,50,100,80,70.0%\n");
    INFO(header);
    REQUIRE(out.indicators.size() == 1);
    const auto& o = out.indicators[0].observations.at(0);
    CHECK(o.target.text == "100");
    CHECK(o.published_rate.text == "70.0%");
    CHECK(o.check.verdict == kpi::model::Verdict::mismatch);  // 60.0% by progress
  }
}

TEST_CASE("前年度実績 is last year's actual, not the sheet year's", "[grid-layout]") {
  auto out = read(
      "令和5年度 KPI検証\n"
      "指標名,基準値,目標値,前年度実績,実績値,達成率\n"
      "移住者数,50,100,70,80,60.0%\n");
  REQUIRE(out.indicators.size() == 1);
  const auto& o = out.indicators[0].observations;
  REQUIRE(o.size() == 2);
  CHECK(o[0].fiscal_year == 2022);
  CHECK(o[0].actual.text == "70");
  CHECK(o[1].fiscal_year == 2023);
  CHECK(o[1].actual.text == "80");
  CHECK(o[1].check.verdict == kpi::model::Verdict::match);  // (80 − 50) / (100 − 50)
}

TEST_CASE("a published rate printed as 約, as a spreadsheet error or as words is not lost",
          "[grid-layout]") {
  auto out = read(
      "令和5年度 KPI検証\n"
      "No,指標名,単位,基準値,目標値,実績値,達成率\n"
      "1,A,人,50,100,80,約60%\n"
      "2,B,人,50,100,80,#DIV/0!\n"
      "3,C,人,50,100,80,達成\n"
      "4,D,人,50,100,,#DIV/0!\n");
  REQUIRE(out.indicators.size() == 4);
  auto check_of = [&](std::size_t i) { return out.indicators[i].observations.at(0).check; };
  // 約60%: read as 60 (the text keeps the mark), and checked.
  CHECK(out.indicators[0].observations[0].published_rate.text == "約60%");
  CHECK(check_of(0).verdict == kpi::model::Verdict::match);
  // #DIV/0! where the rate can be computed: the sheet's formula failed, the table is wrong.
  CHECK(check_of(1).verdict == kpi::model::Verdict::mismatch);
  CHECK(check_of(1).explanation.starts_with("published #DIV/0! (a spreadsheet error"));
  // Words: not checked, and said so (not "no published rate").
  CHECK(check_of(2).verdict == kpi::model::Verdict::unchecked);
  CHECK(check_of(2).explanation == "published rate printed as '達成', not a number: not checked");
  // An error where nothing can be computed (no actual) stays unchecked.
  CHECK(check_of(3).verdict == kpi::model::Verdict::unchecked);
  CHECK(check_of(3).explanation.starts_with(
      "published #DIV/0! (a spreadsheet error: the sheet's formula failed) and nothing"));
}

TEST_CASE("notes under a table are skipped as notes, a lone heading as a heading",
          "[grid-layout]") {
  auto out = read(
      "令和5年度 KPI検証\n"
      "No,指標名,単位,基準値,目標値,実績値,達成率\n"
      "基本目標1 しごとをつくる,,,,,,\n"
      "1,移住者数,人,50,100,80,60.0%\n"
      "※達成率＝（実績値－基準値）÷（目標値－基準値）,,,,,,\n"
      "出典：市調べ,,,,,,\n");
  REQUIRE(out.indicators.size() == 1);
  REQUIRE(out.skipped.size() == 3);
  CHECK(out.skipped[0].reason == "section heading, no KPI");
  CHECK(out.skipped[1].reason == "a note on the table (※, 注, 出典), no KPI");
  CHECK(out.skipped[2].line == 6);
}

TEST_CASE(
    "a plan's table (基準値 and 目標値, no actual or rate) needs no year: its target is final",
    "[grid-layout]") {
  auto out = read("指標名,単位,基準値,目標値\n移住者数,人,50,100\n");
  REQUIRE(out.indicators.size() == 1);
  // Nothing a year would have filed is lost: the warning says only that 実績値 is missing.
  REQUIRE(out.diagnostics.size() == 1);
  CHECK(out.diagnostics[0].code == "input.grid-columns");
  CHECK(out.indicators[0].final_target.value.text == "100");
  CHECK(out.indicators[0].observations.empty());
}

TEST_CASE("a 年度 column beside 基準値 is the baseline's year, and the sheet stays a grid",
          "[grid-layout]") {
  const std::string csv =
      "令和5年度 KPI\n"
      "指標名,基準値,年度,R5目標値,R5実績値,R5達成率\n"
      "移住者数,50,H30,100,80,60.0%\n";
  // Values headed by their years run across: not a long table with a 年度 per row.
  CHECK(kpi::formats::detect_format(csv)->name == "grid");
  auto out = read(csv);
  REQUIRE(out.indicators.size() == 1);
  CHECK(out.indicators[0].baseline.fiscal_year == 2018);
  REQUIRE(out.indicators[0].observations.size() == 1);
  CHECK(out.indicators[0].observations[0].fiscal_year == 2023);
  CHECK(out.indicators[0].observations[0].check.verdict == kpi::model::Verdict::match);
}

TEST_CASE("an English header with FY years, and arrows for directions", "[grid-layout]") {
  auto out = read(
      "Indicator,Direction,Baseline (FY2018),Target (FY2024),FY2023 Actual,Achievement rate\n"
      "Migrants,↗,50,100,80,60.0%\n"
      "Waste,↘,100,50,80,45.0%\n");
  REQUIRE(out.indicators.size() == 2);
  const auto& waste = out.indicators[1];
  CHECK(waste.direction == kpi::model::Direction::decrease);
  CHECK(waste.baseline.fiscal_year == 2018);
  CHECK(waste.final_target.fiscal_year == 2024);
  REQUIRE(waste.observations.size() == 1);
  CHECK(waste.observations[0].fiscal_year == 2023);
  // (100 − 80) / (100 − 50) = 40.0%: the printed 45.0% is wrong.
  CHECK(waste.observations[0].check.verdict == kpi::model::Verdict::mismatch);
  CHECK(out.indicators[0].observations.at(0).check.verdict == kpi::model::Verdict::match);
}
