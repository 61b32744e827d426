// The header-driven grid layout on grids built here (docs/formats/grid.md): header words,
// fiscal years in every form, two header rows with merged years, grade columns, headers
// that lack a column, and the rows that are not KPIs.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "kpi/formats/grid_headers.hpp"
#include "kpi/formats/grid_layout.hpp"
#include "kpi/text/normalize.hpp"
#include "kpi/workbook_input.hpp"
#include "sheets.hpp"

using kpi::formats::grid_headers::Role;
using kpi::model::Verdict;
using kpi::testing::find_indicator;
using kpi::testing::find_observation;

namespace {

using Rows = std::vector<std::vector<std::string>>;

// A sheet whose cells show the given texts ("" = no cell).
kpi::grid::Sheet grid_of(const Rows& rows, const std::string& name = "KPI") {
  kpi::grid::Sheet sheet;
  sheet.name = name;
  for (std::size_t r = 0; r < rows.size(); ++r)
    for (std::size_t c = 0; c < rows[r].size(); ++c) {
      if (rows[r][c].empty()) continue;
      auto& cell = sheet.set(static_cast<int>(r), static_cast<int>(c));
      cell.kind = kpi::grid::CellKind::text;
      cell.display = cell.value = sheet.keep(rows[r][c]);
    }
  return sheet;
}

void merge(kpi::grid::Sheet& sheet, int first_row, int first_col, int last_row, int last_col) {
  sheet.merged.push_back({first_row, first_col, last_row, last_col});
}

// The sheet read by the grid layout and checked, as the workbook stage does it.
kpi::model::Sheet read_grid(const kpi::grid::Sheet& sheet) {
  kpi::PipelineOptions options;
  options.input_format = "grid";
  auto out = kpi::process_grid_sheet(sheet, "book.xlsx", "xlsx", options);
  REQUIRE(out.usable);
  REQUIRE(out.format == "grid");
  return out;
}

std::string diagnostics_text(const kpi::model::ParseOutput& out) {
  std::string text;
  for (const auto& d : out.diagnostics) text += d.code + ": " + d.message + "\n";
  return text;
}

// Two header rows: `fy2022` and `fy2023` over 目標値 / 実績値 / 達成率, final target R6.
kpi::grid::Sheet two_row_header(const std::string& fy2022, const std::string& fy2023) {
  return grid_of({
      {"No", "指標名", "単位", "基準値（H30）", fy2022, "", "", fy2023, "", "", "目標値（R6）"},
      {"", "", "", "", "目標値", "実績値", "達成率", "目標値", "実績値", "達成率"},
      {"1", "移住者数", "人", "1,000", "1,100", "1,210", "110.0%", "1,200", "1,140", "95.0%",
       "1,300"},
      {"2", "待機児童数", "人", "20", "15", "12", "125.0%", "10", "8", "125.0%", "5"},
  });
}

void check_two_row_header(const kpi::model::Sheet& sheet) {
  REQUIRE(sheet.parsed.indicators.size() == 2);
  CHECK(sheet.parsed.rows_read == 2);
  CHECK(sheet.parsed.skipped.empty());
  const auto& ind = find_indicator(sheet, "1");
  CHECK(ind.name == "移住者数");
  CHECK(ind.unit == "人");
  CHECK(ind.baseline.value.number->to_string() == "1000");
  CHECK(ind.baseline.fiscal_year == 2018);
  CHECK(ind.final_target.value.number->to_string() == "1300");
  CHECK(ind.final_target.fiscal_year == 2024);
  REQUIRE(ind.observations.size() == 2);
  const auto& fy2022 = find_observation(ind, 2022);
  CHECK(fy2022.target.text == "1,100");
  CHECK(fy2022.target.cell.text() == "E3");
  CHECK(fy2022.actual.text == "1,210");
  CHECK(fy2022.actual.cell.text() == "F3");
  CHECK(fy2022.published_rate.text == "110.0%");
  CHECK(fy2022.published_rate.cell.text() == "G3");
  CHECK(fy2022.check.verdict == Verdict::match);
  const auto& fy2023 = find_observation(ind, 2023);
  CHECK(fy2023.target.cell.text() == "H3");
  CHECK(fy2023.actual.cell.text() == "I3");
  CHECK(fy2023.published_rate.text == "95.0%");
  CHECK(fy2023.published_rate.cell.text() == "J3");
  CHECK(fy2023.check.verdict == Verdict::match);
  CHECK(kpi::model::location_text(fy2023.source) == "book.xlsx:KPI!J3");

  const auto& fewer = find_indicator(sheet, "2");  // target below baseline: less is better
  CHECK(fewer.direction == kpi::model::Direction::decrease);
  CHECK(find_observation(fewer, 2023).check.method == "inverse");  // 10 / 8 = 125.0%
  CHECK(find_observation(fewer, 2023).check.verdict == Verdict::match);
}

}  // namespace

TEST_CASE("header words map to their column roles", "[grid][headers]") {
  struct Expect {
    const char* header;
    Role role;
  };
  const Expect words[] = {
      {"No", Role::id},
      {"No.", Role::id},
      {"番号", Role::id},
      {"指標名", Role::name},
      {"KPI", Role::name},
      {"重要業績評価指標（KPI）", Role::name},
      {"成果指標", Role::name},
      {"単位", Role::unit},
      {"基準値", Role::baseline},
      {"初期値", Role::baseline},
      {"策定時", Role::baseline},
      {"現状値", Role::baseline},
      {"当初値", Role::baseline},
      {"目標値", Role::target},
      {"目標", Role::target},
      {"最終目標", Role::final_target},
      {"実績値", Role::actual},
      {"実績", Role::actual},
      {"現況値", Role::actual},
      {"達成率", Role::rate},
      {"進捗率", Role::rate},
      {"達成度", Role::rate},  // a grade when its cells are letters (see below)
      {"評価", Role::grade},
      {"指標の型", Role::type},
      {"指標区分", Role::type},
      {"区分", Role::type},
      {"目指す方向", Role::direction},
      {"方向性", Role::direction},
      {"基本目標", Role::goal},
      {"施策", Role::measure},
      {"備考", Role::note},
      {"baseline", Role::baseline},
      {"target", Role::target},
      {"actual", Role::actual},
  };
  for (const auto& w : words) {
    INFO(w.header);
    CHECK(kpi::formats::grid_headers::read_header(w.header).role == w.role);
  }
}

TEST_CASE("fiscal years in headers: 令和5年度, R5, 2023年度, H30, R元", "[grid][headers]") {
  struct Expect {
    const char* header;
    Role role;
    int fiscal_year;
  };
  const Expect years[] = {
      {"令和5年度", Role::none, 2023},
      {"R5", Role::none, 2023},
      {"R5年度", Role::none, 2023},
      {"2023年度", Role::none, 2023},
      {"H30", Role::none, 2018},
      {"平成30年度", Role::none, 2018},
      {"R元年度", Role::none, 2019},
      {"R5実績値", Role::actual, 2023},
      {"令和4年度 目標値", Role::target, 2022},
      {"目標値（R6）", Role::target, 2024},
      {"最終目標（R6）", Role::final_target, 2024},
      {"基準値（H30年度実績値）", Role::baseline, 2018},
      {"現状値(H30)", Role::baseline, 2018},
      {"策定時（R元年度）", Role::baseline, 2019},
      {"実績(2023年度)", Role::actual, 2023},
  };
  for (const auto& y : years) {
    INFO(y.header);
    auto word = kpi::formats::grid_headers::read_header(y.header);
    CHECK(word.role == y.role);
    CHECK(word.fiscal_year == y.fiscal_year);
    // A caller that normalised the cell already (grid_stacked::kind_of) reads the same.
    auto normalized =
        kpi::formats::grid_headers::read_normalized_header(kpi::text::normalize(y.header));
    CHECK(normalized.role == y.role);
    CHECK(normalized.fiscal_year == y.fiscal_year);
  }
  // A year in the KPI name column is part of the name, not the column's year.
  CHECK_FALSE(kpi::formats::grid_headers::read_header("指標名（R5）").fiscal_year);
}

TEST_CASE("two header rows: a year merged over 目標値 / 実績値 / 達成率, in every year form",
          "[grid][layout]") {
  const std::pair<const char*, const char*> forms[] = {
      {"令和4年度", "令和5年度"}, {"R4", "R5"}, {"2022年度", "2023年度"}, {"R4年度", "R5年度"}};
  for (const auto& [fy2022, fy2023] : forms) {
    INFO(fy2022 << " / " << fy2023);
    auto sheet = two_row_header(fy2022, fy2023);
    merge(sheet, 0, 4, 0, 6);
    merge(sheet, 0, 7, 0, 9);
    for (int c : {0, 1, 2, 3, 10}) merge(sheet, 0, c, 1, c);
    auto header = kpi::formats::grid_headers::find_header(sheet);
    REQUIRE(header);
    CHECK(header->first_row == 0);
    CHECK(header->last_row == 1);
    const auto* actual = header->find(Role::actual);
    REQUIRE(actual);
    CHECK(actual->index == 5);
    CHECK(actual->fiscal_year == 2022);
    check_two_row_header(read_grid(sheet));
  }
}

TEST_CASE("two header rows without the merge (a CSV): the year is the nearest one to the left",
          "[grid][layout]") {
  auto sheet = two_row_header("令和4年度", "令和5年度");
  CHECK(sheet.merged.empty());
  check_two_row_header(read_grid(sheet));
}

TEST_CASE("a 達成度 column of letters is a grade, not a rate", "[grid][layout]") {
  auto sheet = grid_of({
      {"No", "指標名", "初期値", "目標値（R6）", "R5実績値", "達成率", "達成度"},
      {"1", "観光入込客数", "30,000", "36,000", "34,200", "95.0%", "B"},
      {"2", "移住者数", "1,000", "1,500", "1,650", "110.0%", "A"},
  });
  auto out = read_grid(sheet);
  REQUIRE(out.parsed.indicators.size() == 2);
  const auto& o = find_observation(find_indicator(out, "1"), 2023);
  CHECK(o.published_rate.text == "95.0%");
  CHECK(o.published_rate.cell.text() == "F2");
  CHECK(o.notes == "評価 B");
  CHECK(o.check.verdict == Verdict::match);  // 34,200 / 36,000
  CHECK(find_observation(find_indicator(out, "2"), 2023).notes == "評価 A");

  // The same header over numbers: 達成度 is the rate.
  auto numbers = grid_of({
      {"No", "指標名", "目標値（R6）", "R5実績値", "達成度"},
      {"1", "観光入込客数", "36,000", "34,200", "95.0%"},
  });
  auto rates = read_grid(numbers);
  const auto& r = find_observation(find_indicator(rates, "1"), 2023);
  CHECK(r.published_rate.text == "95.0%");
  CHECK(r.notes.empty());
  CHECK(r.check.verdict == Verdict::match);
}

TEST_CASE("a header without 実績値 lists the columns recognised and the ones missing",
          "[grid][layout][diagnostics]") {
  auto no_actual = grid_of({
      {"No", "指標名", "単位", "目標値", "達成率"},
      {"1", "移住者数", "人", "1,500", "95.0%"},
  });
  auto out = kpi::formats::grid_layout::parse_sheet(no_actual, "book.xlsx");
  auto text = diagnostics_text(out);
  INFO(text);
  REQUIRE(out.diagnostics.size() >= 1);
  CHECK(out.diagnostics.front().code == "input.grid-columns");
  CHECK(out.diagnostics.front().severity == kpi::model::Severity::warning);
  CHECK_THAT(text, Catch::Contains("header without 実績値 columns"));
  CHECK_THAT(text, Catch::Contains("recognised: 番号 (No), 指標名 (KPI), 単位, 目標値, 達成率"));
  CHECK_THAT(text, Catch::Contains("missing: 実績値"));
  // Nor does any column name a year: the printed 95.0% cannot be checked, which is an error.
  CHECK_THAT(text, Catch::Contains("the columns 目標値, 達成率 name no fiscal year"));

  auto no_values = grid_of({
      {"指標名", "単位", "備考"},
      {"移住者数", "人", "R5から"},
  });
  CHECK(kpi::formats::grid_layout::sniff_sheet(no_values) == 0);
  auto none = kpi::formats::grid_layout::parse_sheet(no_values, "book.xlsx");
  CHECK(none.indicators.empty());
  REQUIRE(none.diagnostics.size() == 1);
  CHECK(none.diagnostics.front().code == "input.no-kpi-table");
  CHECK(none.diagnostics.front().severity == kpi::model::Severity::error);
  CHECK_THAT(
      none.diagnostics.front().message,
      Catch::Contains("row 1 recognised: 指標名 (KPI), 単位, 備考; missing: 目標値, 実績値"));
}

TEST_CASE("every non-empty row under the header is a KPI or a skipped row with its reason",
          "[grid][layout]") {
  auto sheet = grid_of({
      {"令和5年度 KPI進捗状況"},                                                 // row 1: title
      {},                                                                        // row 2
      {"No", "指標名", "単位", "基準値", "目標値（R6）", "R5実績値", "達成率"},  // row 3
      {"基本目標1 しごとをつくる"},                                              // row 4: heading
      {"1", "新規立地件数", "件", "18", "30", "27", "90.0%"},                    // row 5
      {"", "", "", "", "40", "38", "95.0%"},                                     // row 6: no name
      {},                                                                        // row 7: empty
      {"2", "移住者数", "人", "1,000", "1,500", "1,650", "110.0%"},              // row 8
      {"No", "指標名", "単位", "基準値", "目標値（R6）", "R5実績値", "達成率"},  // row 9: repeated
      {"3", "観光入込客数", "人", "30,000", "36,000", "34,200", "95.0%"},        // row 10
      {"※ 実績値は速報値"},                                                      // row 11: note
  });
  auto out = read_grid(sheet);
  const auto& parsed = out.parsed;
  CHECK(parsed.rows_read == 7);  // rows 4, 5, 6, 8, 9, 10, 11
  CHECK(parsed.rows_used == 3);
  CHECK(parsed.rows_read == parsed.rows_used + static_cast<int>(parsed.skipped.size()));
  REQUIRE(parsed.indicators.size() == 3);
  CHECK(parsed.indicators[0].name == "新規立地件数");
  CHECK(parsed.indicators[1].name == "移住者数");
  CHECK(parsed.indicators[2].name == "観光入込客数");
  CHECK(parsed.indicators[1].source.line == 8);
  REQUIRE(parsed.skipped.size() == 4);
  CHECK(parsed.skipped[0].line == 4);
  CHECK(parsed.skipped[0].reason == "section heading, no KPI");
  CHECK(parsed.skipped[1].line == 6);
  CHECK(parsed.skipped[1].reason ==  // an error: its 95.0% would pass unchecked
        "values without a KPI name (指標名 column empty); it prints a published rate, which "
        "would pass unchecked");
  CHECK(parsed.skipped[2].line == 9);
  CHECK(parsed.skipped[2].reason == "repeated header row");
  CHECK(parsed.skipped[3].line == 11);
  CHECK(parsed.skipped[3].reason == "a note on the table (※, 注, 出典), no KPI");
  for (const auto& ind : parsed.indicators)
    CHECK(find_observation(ind, 2023).check.verdict == Verdict::match);
}

TEST_CASE("a merged 施策 cell gives its measure to every row it spans", "[grid][layout]") {
  auto sheet = grid_of({
      {"施策", "No", "指標名", "目標値（R6）", "R5実績値", "達成率"},
      {"1 移住・定住の促進", "1", "移住者数", "1,500", "1,650", "110.0%"},
      {"", "2", "移住相談件数", "3,000", "2,310", "77.0%"},
      {"2 産業の振興", "3", "新規立地件数", "30", "27", "90.0%"},
  });
  merge(sheet, 1, 0, 2, 0);
  auto out = read_grid(sheet);
  REQUIRE(out.parsed.indicators.size() == 3);
  CHECK(out.parsed.indicators[0].measure == "1 移住・定住の促進");
  CHECK(out.parsed.indicators[1].measure == "1 移住・定住の促進");
  CHECK(out.parsed.indicators[2].measure == "2 産業の振興");
}

TEST_CASE("indicator types and direction words of the grid give direction and formula",
          "[grid][layout][direction]") {
  auto sheet = grid_of({
      {"No", "指標名", "指標の型", "初期値", "目標値（R6）", "R5実績値", "達成率"},
      {"1", "移住者数", "進捗割合型", "1,000", "1,500", "1,300", "60.0%"},
      {"2", "死傷者数", "進捗割合型（Ⅱ）", "1,260", "1,100", "1,188", "45.0%"},
      {"3", "有効求人倍率", "現状維持型", "1.35", "1.30", "1.38", "106.2%"},
      {"4", "待機児童数", "現状維持型（Ⅱ）", "20", "20", "23", "85.0%"},
  });
  auto out = read_grid(sheet);
  REQUIRE(out.parsed.indicators.size() == 4);
  using F = kpi::model::RateFormula;
  using D = kpi::model::Direction;
  const std::tuple<F, D, const char*> expect[] = {
      {F::progress, D::increase, "progress"},
      {F::progress, D::decrease, "progress"},
      {F::ratio, D::maintain, "ratio"},
      {F::two_minus_ratio, D::maintain, "two_minus_ratio"},
  };
  for (std::size_t i = 0; i < 4; ++i) {
    const auto& ind = out.parsed.indicators[i];
    INFO(ind.type_text);
    CHECK(ind.rate_formula == std::get<0>(expect[i]));
    CHECK(ind.direction == std::get<1>(expect[i]));
    CHECK(ind.direction_source == kpi::model::DirectionSource::label);
    const auto& o = find_observation(ind, 2023);
    CHECK(o.check.method == std::get<2>(expect[i]));
    CHECK(o.check.verdict == Verdict::match);
  }
}

TEST_CASE("a cell holding more digits than it shows explains the rate from the full value",
          "[grid][layout][stored]") {
  auto sheet = grid_of({
      {"No", "指標名", "R5目標値", "R5実績値", "R5達成率"},
      {"22", "学校の割合", "95", "79", "83.4%"},
  });
  auto& actual = sheet.set(1, 3);
  actual.kind = kpi::grid::CellKind::number;
  actual.value = "79.2";  // shows 79 under the format 0
  actual.number_format = "0";
  auto& rate = sheet.set(1, 4);
  rate.kind = kpi::grid::CellKind::number;
  rate.value = "0.834";
  rate.formula = "=ROUND(D2/C2,3)";
  rate.number_format = "0.0%";
  auto out = read_grid(sheet);
  const auto& o = find_observation(find_indicator(out, "22"), 2023);
  CHECK(o.actual.text == "79");
  REQUIRE(o.actual.workbook->stored);
  CHECK(o.actual.workbook->stored->to_string() == "79.2");
  CHECK(o.check.verdict == Verdict::match);
  CHECK_THAT(o.check.explanation, Catch::Contains("D2 holds 79.2 but shows 79"));

  // The same rate cell reading the target of another row is a mismatch naming both.
  rate.formula = "=ROUND(D2/C3,3)";
  auto wrong = read_grid(sheet);
  const auto& w = find_observation(find_indicator(wrong, "22"), 2023);
  CHECK(w.check.verdict == Verdict::mismatch);
  CHECK_THAT(w.check.explanation, Catch::Contains("=ROUND(D2/C3,3)"));
  CHECK_THAT(w.check.explanation, Catch::Contains("C3 (a cell outside this KPI-year)"));
}

TEST_CASE("a rate the shown digits would explain fails when the stored value does not",
          "[grid][layout][stored][gate]") {
  // 79 / 95 = 83.2%, and 78.5–79.5 gives 82.6–83.7%: 83.0% is within what "79" may be. The
  // cell holds 79.2: 83.4%.
  auto sheet = grid_of({
      {"No", "指標名", "R5目標値", "R5実績値", "R5達成率"},
      {"22", "学校の割合", "95", "79", "83.0%"},
  });
  auto exact = read_grid(sheet);
  CHECK(find_observation(find_indicator(exact, "22"), 2023).check.verdict == Verdict::consistent);

  auto& actual = sheet.set(1, 3);
  actual.kind = kpi::grid::CellKind::number;
  actual.value = "79.2";  // shows 79 under the format 0
  actual.number_format = "0";
  auto out = read_grid(sheet);
  const auto& o = find_observation(find_indicator(out, "22"), 2023);
  CHECK(o.actual.text == "79");
  CHECK(o.check.verdict == Verdict::mismatch);
  CHECK(o.check.rate_rounded->to_string() == "83.4");
  CHECK_THAT(o.check.explanation, Catch::Contains("D2 holds 79.2 but shows 79"));
}

TEST_CASE("a cell whose format shows another number than it holds explains no rate",
          "[grid][layout][stored][gate]") {
  // F2 holds 334 under the format "320" (a constant): the sheet prints 320 and 95.4%, while
  // 320 / 350 = 91.4%. The rate is right for 334 but the printed table contradicts itself.
  auto sheet = grid_of({
      {"No", "指標名", "R5目標値", "R5実績値", "R5達成率"},
      {"1", "観光入込客数", "350", "320", "95.4%"},
  });
  auto& actual = sheet.set(1, 3);
  actual.kind = kpi::grid::CellKind::number;
  actual.value = "334";
  actual.number_format = "\"320\"";
  auto out = read_grid(sheet);
  const auto& o = find_observation(find_indicator(out, "1"), 2023);
  CHECK(o.actual.text == "320");
  CHECK(o.check.verdict == Verdict::mismatch);
  CHECK_THAT(o.check.explanation, Catch::Contains("D2 holds 334 but shows 320 (a format showing "
                                                  "another number than the cell holds"));
  // Shown rounded (334 under a format of tens would be 330, not 320): the stored value
  // explains the rate as more digits than shown.
  actual.value = "320.4";
  actual.number_format = "0";
  sheet.set(1, 4).display = "91.5%";
  auto rounded = read_grid(sheet);
  CHECK(find_observation(find_indicator(rounded, "1"), 2023).check.verdict == Verdict::match);
}

TEST_CASE("a rate cell storing a number shown as a date or a word fails, typed words do not",
          "[grid][layout][gate]") {
  // 72 / 80 = 90.0%. G2 stores 1 under [>=1]"達成";0.0% (shows 達成: achieved), G3 stores 95
  // under yyyy/m/d (shows 1900/4/4); G4 is the word typed as text.
  auto sheet = grid_of({
      {"No", "指標名", "R5目標値", "R5実績値", "R5達成率"},
      {"1", "市民満足度", "80", "72", "達成"},
      {"2", "参加者数", "80", "72", "1900/4/4"},
      {"3", "相談件数", "80", "72", "達成"},
  });
  for (auto [row, value] : {std::pair{1, "1"}, std::pair{2, "95"}}) {
    auto& rate = sheet.set(row, 4);
    rate.kind = kpi::grid::CellKind::number;
    rate.value = value;
  }
  auto out = read_grid(sheet);
  for (const char* id : {"1", "2"}) {
    const auto& o = find_observation(find_indicator(out, id), 2023);
    INFO(id);
    CHECK(o.check.verdict == Verdict::mismatch);
    CHECK_THAT(o.check.explanation, Catch::Contains("shown by its format as a date or a word"));
  }
  CHECK(find_observation(find_indicator(out, "3"), 2023).check.verdict == Verdict::unchecked);
}

// is_repeated_header() takes any short name containing 指標 or KPI for a copy of the
// header row: such a KPI is skipped as "repeated header row".
TEST_CASE("a KPI whose name contains 指標 is read as a KPI, not as a repeated header",
          "[grid][layout]") {
  auto sheet = grid_of({
      {"No", "指標名", "目標値（R6）", "R5実績値", "達成率"},
      {"1", "環境指標の達成数", "10", "9", "90.0%"},
      {"2", "KPI達成件数", "20", "19", "95.0%"},
  });
  auto out = read_grid(sheet);
  CHECK(out.parsed.indicators.size() == 2);
  CHECK(out.parsed.skipped.empty());
}

// 方向 alone (tests/fixtures/grid/city-kpi-synonyms.tsv) is not in the word table.
TEST_CASE("the header 方向 names the direction column", "[grid][headers]") {
  CHECK(kpi::formats::grid_headers::read_header("方向").role == Role::direction);
}

TEST_CASE("the fixture grids lose no row: rows read = KPIs + skipped rows", "[grid][layout]") {
  for (const char* name :
       {"grid/prefecture-policy-evaluation-r5.utf8-bom.csv",
        "grid/prefecture-policy-evaluation-r5.xlsx", "grid/city-kpi-synonyms.tsv",
        "workbooks/takaoka-kpi-grid-fy2020-2023.xlsx", "workbooks/takaoka-kpi-grid-fy2020-2023.ods",
        "workbooks/takaoka-no-cached-values.xlsx"}) {
    auto path = std::string(KPI_TESTS_DIR) + "/fixtures/" + name;
    auto result = kpi::run_pipeline({path}, {});
    INFO(name);
    REQUIRE(result.sheets.size() == 1);
    const auto& parsed = result.sheets.front().parsed;
    CHECK(parsed.rows_read > 0);
    CHECK(parsed.rows_read == parsed.rows_used + static_cast<int>(parsed.skipped.size()));
    CHECK(parsed.rows_used == static_cast<int>(parsed.indicators.size()));
  }
}
