// Sheets whose published rates went unchecked (a wrong one passed `check`), each written as an
// office writes it: the words of its header, its marks in a rate column, a broken quote.
#include <catch2/catch.hpp>

#include <algorithm>

#include "kpi/formats/grid_headers.hpp"
#include "kpi/formats/grid_layout.hpp"
#include "kpi/formats/grid_values.hpp"
#include "kpi/grid/delimited.hpp"
#include "kpi/verify/rate_check.hpp"

namespace {

using kpi::model::Severity;
using kpi::model::Verdict;

kpi::model::ParseOutput read(const std::string& csv) {
  auto out = kpi::formats::grid_layout::parse(csv, "grid.csv");
  kpi::verify::check_rates(out.indicators);
  return out;
}

const kpi::model::Observation& only_observation(const kpi::model::ParseOutput& out,
                                                std::size_t kpi) {
  REQUIRE(out.indicators.size() > kpi);
  REQUIRE(out.indicators[kpi].observations.size() == 1);
  return out.indicators[kpi].observations[0];
}

const kpi::model::Diagnostic* find_code(const kpi::model::ParseOutput& out,
                                        const std::string& code) {
  auto it = std::find_if(out.diagnostics.begin(), out.diagnostics.end(),
                         [&](const kpi::model::Diagnostic& d) { return d.code == code; });
  return it == out.diagnostics.end() ? nullptr : &*it;
}

}  // namespace

TEST_CASE("現状値 beside a 基準値 is the actual, in a plan's table the baseline", "[grid-layout]") {
  auto out = read(
      "令和5年度 KPI進捗\n"
      "指標名,基準値(H30),現状値(R5),目標値(R5),達成率\n"
      "移住者数,40,80,100,80.0%\n"
      "観光客数,100,100,200,75.0%\n");
  const auto& right = only_observation(out, 0);
  CHECK(out.indicators[0].baseline.value.text == "40");
  CHECK(right.actual.text == "80");
  CHECK(right.check.verdict == Verdict::match);
  const auto& wrong = only_observation(out, 1);  // 100 / 200 printed as 75.0%
  CHECK(wrong.actual.text == "100");
  CHECK(wrong.check.verdict == Verdict::mismatch);

  // 現在値 with 達成率 and no other actual: the value the rate is computed from.
  auto current = read(
      "令和5年度 KPI\n"
      "指標名,現在値,目標値,達成率\n"
      "移住者数,80,100,75.0%\n");
  CHECK(only_observation(current, 0).check.verdict == Verdict::mismatch);

  // A plan's table: 現状値 is where the plan starts from.
  auto plan = read(
      "指標名,現状値(H30),目標値(R6)\n"
      "移住者数,40,100\n");
  REQUIRE(plan.indicators.size() == 1);
  CHECK(plan.indicators[0].baseline.value.text == "40");
  CHECK(plan.indicators[0].baseline.fiscal_year == 2018);
  CHECK(plan.indicators[0].final_target.value.text == "100");
}

TEST_CASE("計画値 is a target, and 進捗, 進ちょく率, 対目標比, 到達率 head rates",
          "[grid-layout]") {
  for (std::string rate_word : {"進捗", "進ちょく率", "対目標比", "到達率", "達成比率"}) {
    CAPTURE(rate_word);
    auto out = read("令和5年度 KPI\n指標名,基準値,計画値,実績値," + rate_word +
                    "\n"
                    "移住者数,40,100,80,80.0%\n"
                    "観光客数,100,200,100,75.0%\n");
    CHECK(only_observation(out, 0).target.text == "100");
    CHECK(only_observation(out, 0).check.verdict == Verdict::match);
    CHECK(only_observation(out, 1).published_rate.text == "75.0%");
    CHECK(only_observation(out, 1).check.verdict == Verdict::mismatch);
  }
}

TEST_CASE("a 達成率 column of ○ and × with some numbers stays a rate column", "[grid-layout]") {
  auto out = read(
      "令和5年度 KPI\n"
      "指標名,目標値,実績値,達成率\n"
      "計画策定,策定,策定,○\n"
      "協議会設置,設置,設置,○\n"
      "条例制定,制定,未制定,×\n"
      "移住者数,100,80,80.0%\n"
      "観光客数,200,100,75.0%\n");
  CHECK(only_observation(out, 0).check.verdict == Verdict::unchecked);
  CHECK(only_observation(out, 3).check.verdict == Verdict::match);
  CHECK(only_observation(out, 4).check.verdict == Verdict::mismatch);  // 100 / 200

  // Marks only: a grade column, the rates computed.
  auto grades = read(
      "令和5年度 KPI\n"
      "指標名,目標値,実績値,達成率\n"
      "移住者数,100,80,○\n"
      "観光客数,200,100,×\n");
  CHECK(only_observation(grades, 0).notes == "評価 ○");
  CHECK(only_observation(grades, 0).published_rate.text.empty());
}

TEST_CASE("printed rates that no recognised actual can check are an input error", "[grid-layout]") {
  auto out = read(
      "令和5年度 KPI\n"
      "指標名,目標値,成果,達成率\n"
      "移住者数,100,80,75.0%\n");
  const auto* missing = find_code(out, "input.grid-columns");
  REQUIRE(missing != nullptr);
  CHECK(missing->severity == Severity::error);
  CHECK(missing->location.line == 2);
  CHECK_THAT(missing->message, Catch::Contains("missing: 実績値"));
  CHECK_THAT(missing->message, Catch::Contains("the published rates cannot be checked"));

  // Without printed rates a missing actual stays a warning (a table of targets).
  auto targets = read(
      "令和5年度 KPI\n"
      "指標名,目標値,達成率\n"
      "移住者数,100,\n");
  const auto* warning = find_code(targets, "input.grid-columns");
  REQUIRE(warning != nullptr);
  CHECK(warning->severity == Severity::warning);
}

TEST_CASE("a quote without its closing quote is an error at its line", "[grid-layout]") {
  auto out = read(
      "令和5年度 KPI\n"
      "指標名,目標値,実績値,達成率\n"
      "\"移住者数,100,80,80.0%\n"
      "観光客数,200,100,75.0%\n");
  const auto* quote = find_code(out, "input.unterminated-quote");
  REQUIRE(quote != nullptr);
  CHECK(quote->severity == Severity::error);
  CHECK(quote->location.line == 3);
  CHECK(quote->location.path == "grid.csv");
  CHECK(find_code(read("指標名,目標値,実績値,達成率\n\"移住者数\",100,80,80.0%\n"),
                  "input.unterminated-quote") == nullptr);
}

TEST_CASE("without a final target the year's target below the baseline says decrease",
          "[grid-layout]") {
  auto out = read(
      "令和5年度 KPI\n"
      "指標名,基準値,目標値,実績値,達成率\n"
      "事故件数,500,400,450,88.9%\n"
      "犯罪件数,300,200,250,125.0%\n");
  REQUIRE(out.indicators.size() == 2);
  CHECK(out.indicators[0].direction == kpi::model::Direction::decrease);
  CHECK(out.indicators[0].direction_source == kpi::model::DirectionSource::inferred);
  CHECK(only_observation(out, 0).check.verdict == Verdict::match);  // 400 / 450
  const auto& wrong = only_observation(out, 1);  // 200 / 250 = 80.0%, printed 125.0%
  CHECK(wrong.check.method == "inverse");
  CHECK(wrong.check.verdict == Verdict::mismatch);
}

TEST_CASE("where a value comes from is a note, and a hidden column gives way to the one printed",
          "[grid-layout]") {
  auto out = read(
      "令和5年度 KPI\n"
      "指標の説明,指標名,実績値の出典,基準値,目標値の根拠,目標値,実績値,達成率\n"
      "転入者,移住者数,住基,40,総合計画,100,80,80.0%\n"
      "宿泊者,観光客数,観光動態調査,100,前年比,200,100,75.0%\n");
  REQUIRE(out.indicators.size() == 2);
  CHECK(out.indicators[0].name == "移住者数");
  CHECK(only_observation(out, 0).actual.text == "80");
  CHECK(only_observation(out, 0).target.text == "100");
  CHECK(only_observation(out, 0).check.verdict == Verdict::match);
  CHECK(only_observation(out, 1).check.verdict == Verdict::mismatch);

  // A workbook's hidden 達成率(計算用) before the 達成率 the sheet prints.
  auto sheet = kpi::grid::read_delimited(
                   "令和5年度 KPI\n"
                   "指標名,目標値,実績値,達成率(計算用),達成率\n"
                   "移住者数,100,80,80.0%,80.0%\n"
                   "観光客数,200,100,50.0%,75.0%\n",
                   ',')
                   .sheet;
  sheet.hidden_cols = {3};
  auto hidden = kpi::formats::grid_layout::parse_sheet(sheet, "book.xlsx");
  kpi::verify::check_rates(hidden.indicators);
  CHECK(only_observation(hidden, 1).published_rate.text == "75.0%");
  CHECK(only_observation(hidden, 1).published_rate.cell.text() == "E4");
  CHECK(only_observation(hidden, 1).check.verdict == Verdict::mismatch);
  sheet.hidden_cols.clear();  // both shown: the first one is read, as before
  auto shown = kpi::formats::grid_layout::parse_sheet(sheet, "book.xlsx");
  CHECK(only_observation(shown, 1).published_rate.text == "50.0%");
}

TEST_CASE("a hidden undated 達成率(計算用) gives way to the printed 達成率（R5）",
          "[grid-layout]") {
  // The hidden column takes its year from the title only after the dated one is placed.
  auto sheet = kpi::grid::read_delimited(
                   "令和5年度 KPI進捗状況\n"
                   "指標名,目標値（R5）,実績値（R5）,達成率(計算用),達成率（R5）\n"
                   "観光入込客数,1500,1461,97.4%,97.4%\n"
                   "移住者数,120,95,82.5%,82.5%\n",
                   ',')
                   .sheet;
  sheet.hidden_cols = {3};
  auto out = kpi::formats::grid_layout::parse_sheet(sheet, "book.xlsx");
  kpi::verify::check_rates(out.indicators);
  CHECK(find_code(out, "input.duplicate-column") == nullptr);
  REQUIRE(out.indicators.size() == 2);
  CHECK(only_observation(out, 0).published_rate.cell.text() == "E3");
  CHECK(only_observation(out, 0).check.verdict == Verdict::match);
  CHECK(only_observation(out, 1).target.text == "120");
  CHECK(only_observation(out, 1).actual.text == "95");
  CHECK(only_observation(out, 1).published_rate.text == "82.5%");
  CHECK(only_observation(out, 1).published_rate.cell.text() == "E4");
  CHECK(only_observation(out, 1).check.verdict == Verdict::mismatch);
  // The printed column undated, the hidden one dated: the printed one is still read.
  sheet = kpi::grid::read_delimited(
              "令和5年度 KPI進捗状況\n"
              "指標名,目標値（R5）,実績値（R5）,達成率（R5）,達成率\n"
              "移住者数,120,95,79.2%,82.5%\n",
              ',')
              .sheet;
  sheet.hidden_cols = {3};
  auto swapped = kpi::formats::grid_layout::parse_sheet(sheet, "book.xlsx");
  kpi::verify::check_rates(swapped.indicators);
  CHECK(find_code(swapped, "input.duplicate-column") == nullptr);
  CHECK(only_observation(swapped, 0).published_rate.text == "82.5%");
  CHECK(only_observation(swapped, 0).published_rate.cell.text() == "E3");
  CHECK(only_observation(swapped, 0).check.verdict == Verdict::mismatch);
}

TEST_CASE("a rate formula saved without its value that uses another row's target fails",
          "[grid-layout][workbook]") {
  // openpyxl writes =ROUND(C4/B3,3) without a computed value: the formula alone is wrong.
  auto sheet = kpi::grid::read_delimited(
                   "令和5年度 KPI\n"
                   "指標名,目標値,実績値,達成率\n"
                   "移住者数,120,95,x\n"
                   "企業誘致件数,5,6,x\n",
                   ',')
                   .sheet;
  auto uncached = [&](int row, std::string_view formula) {
    auto& cell = sheet.rows[static_cast<std::size_t>(row)][3];
    cell.kind = kpi::grid::CellKind::empty;
    cell.display = "";
    cell.value = "";
    cell.formula = formula;
    cell.formula_cached = false;
  };
  uncached(2, "=ROUND(C3/B3,3)");
  uncached(3, "=ROUND(C4/B3,3)");
  auto out = kpi::formats::grid_layout::parse_sheet(sheet, "book.xlsx");
  kpi::verify::check_rates(out.indicators);
  const auto& own = only_observation(out, 0);
  CHECK(own.check.verdict == Verdict::unchecked);
  CHECK_THAT(own.check.explanation, Catch::Contains("without a computed value"));
  const auto& wrong = only_observation(out, 1);
  CHECK(wrong.target.text == "5");
  CHECK(wrong.actual.text == "6");
  CHECK(wrong.published_rate.text.empty());
  CHECK(wrong.published_rate.cell.text() == "D4");
  CHECK(wrong.check.verdict == Verdict::mismatch);
  CHECK_THAT(wrong.check.explanation,
             Catch::Contains("rate formula =ROUND(C4/B3,3) in D4 uses B3"));
  CHECK_THAT(wrong.check.explanation, Catch::Contains("without a computed value"));
}

TEST_CASE("a note alone in the KPI name column is a note, not a KPI", "[grid-layout]") {
  auto out = read(
      "令和5年度 KPI\n"
      "No,指標名,目標値,実績値,達成率\n"
      "1,観光入込客数,1500,1461,97.4%\n"
      ",※観光入込客数は暦年の値\n"
      "2,移住者数,120,95,79.2%\n");
  REQUIRE(out.indicators.size() == 2);
  CHECK(out.indicators[1].name == "移住者数");
  CHECK(only_observation(out, 1).check.verdict == Verdict::match);
  REQUIRE(out.skipped.size() == 1);
  CHECK(out.skipped[0].line == 4);
  CHECK(out.skipped[0].reason == "a note on the table (※, 注, 出典), no KPI");
}

TEST_CASE("two visible columns for one year's rate: the one not read is named", "[grid-layout]") {
  // The rate left out prints rates (75.0%, wrong) that nothing checks: an error.
  auto out = read(
      "令和5年度 KPI\n"
      "指標名,目標値,実績値,達成率(計算用),達成率\n"
      "移住者数,100,80,80.0%,75.0%\n");
  const auto* unread = find_code(out, "input.duplicate-column");
  REQUIRE(unread != nullptr);
  CHECK(unread->severity == Severity::error);
  CHECK_THAT(unread->message, Catch::Contains("達成率 (E) is not read, 達成率(計算用) (D) is"));
  // Two actual columns: the rate is checked against the one read; a warning names the other.
  auto actuals = read(
      "令和5年度 KPI\n"
      "指標名,目標値,実績値,実績値(速報),達成率\n"
      "移住者数,100,80,79,80.0%\n");
  const auto* other = find_code(actuals, "input.duplicate-column");
  REQUIRE(other != nullptr);
  CHECK(other->severity == Severity::warning);
}

TEST_CASE("a second table under its own header is read by its own columns", "[grid-layout]") {
  // The second header names more columns (単位): the first table above it is read too.
  auto out = read(
      "令和5年度 KPI\n"
      "指標名,目標値,実績値,達成率\n"
      "移住者数,100,80,80.0%\n"
      "観光客数,200,100,75.0%\n"
      "\n"
      "指標名,単位,目標値,実績値,達成率\n"
      "創業件数,件,20,15,75.0%\n");
  REQUIRE(out.indicators.size() == 3);
  CHECK(only_observation(out, 1).check.verdict == Verdict::mismatch);  // 100 / 200
  CHECK(out.indicators[2].unit == "件");
  CHECK(only_observation(out, 2).check.verdict == Verdict::match);
  REQUIRE(out.skipped.size() == 1);
  CHECK(out.skipped[0].line == 6);
  CHECK_THAT(out.skipped[0].reason, Catch::Contains("header of another table"));

  // Its columns in another order: 実績値 before 目標値 from the second header on.
  auto swapped = read(
      "令和5年度 KPI\n"
      "指標名,目標値,実績値,達成率\n"
      "移住者数,100,80,80.0%\n"
      "指標名,実績値,目標値,達成率\n"
      "創業件数,15,20,75.0%\n"
      "観光客数,100,200,75.0%\n");
  REQUIRE(swapped.indicators.size() == 3);
  CHECK(only_observation(swapped, 1).actual.text == "15");
  CHECK(only_observation(swapped, 1).target.text == "20");
  CHECK(only_observation(swapped, 1).check.verdict == Verdict::match);
  CHECK(only_observation(swapped, 2).check.verdict == Verdict::mismatch);  // 100 / 200

  // The same columns again under another word for the KPI column: a repeated header row.
  auto repeated = read(
      "令和5年度 KPI\n"
      "指標名,目標値,実績値,達成率\n"
      "移住者数,100,80,80.0%\n"
      "KPI,目標値,実績値,達成率\n"
      "創業件数,20,15,75.0%\n");
  REQUIRE(repeated.indicators.size() == 2);
  CHECK(repeated.indicators[1].name == "創業件数");
  REQUIRE(repeated.skipped.size() == 1);
  CHECK(repeated.skipped[0].reason == "repeated header row");
}

TEST_CASE("a sheet of hundreds of alternating headers is read, its tables bounded",
          "[grid-layout][hostile]") {
  std::string csv = "令和5年度 KPI\n";
  for (int t = 0; t < 300; ++t) {
    csv += t % 2 == 0 ? "指標名,目標値,実績値,達成率\n" : "指標名,実績値,目標値,達成率\n";
    csv += "指標" + std::to_string(t) + "号,100,80,80.0%\n";
  }
  auto out = read(csv);
  CHECK(out.indicators.size() + out.skipped.size() == 599);  // every row but the first header
  CHECK(out.rows_read == out.rows_used + static_cast<int>(out.skipped.size()));
}

TEST_CASE("a rate formula reading another row is a mismatch whose message ends with its cause",
          "[grid-layout]") {
  auto sheet = kpi::grid::read_delimited(
                   "令和5年度 KPI\n"
                   "指標名,目標値,実績値,達成率\n"
                   "移住者数,100,80,80.0%\n"
                   "観光客数,200,100,50.0%\n",
                   ',')
                   .sheet;
  sheet.rows[2][3].formula = sheet.keep("=ROUND(C3/B4,3)");  // the next row's target
  auto out = kpi::formats::grid_layout::parse_sheet(sheet, "book.xlsx");
  kpi::verify::check_rates(out.indicators);
  const auto& o = only_observation(out, 0);
  CHECK(o.check.verdict == Verdict::mismatch);
  CHECK(o.check.explanation ==
        "rate formula =ROUND(C3/B4,3) in D3 uses B4 (a cell outside this KPI-year)");
}

TEST_CASE("a rate column of fractions of one (0.75) is read as percentages", "[grid-layout]") {
  auto out = read(
      "令和5年度 KPI\n"
      "指標名,目標値,実績値,進捗率\n"
      "移住者数,100,80,0.8\n"
      "観光客数,200,100,0.75\n"
      "創業件数,20,26,1.3\n");
  CHECK(only_observation(out, 0).published_rate.text == "0.8");
  CHECK(only_observation(out, 0).published_rate.number->to_string() == "80");
  CHECK(only_observation(out, 0).check.verdict == Verdict::match);
  CHECK(only_observation(out, 1).check.verdict == Verdict::mismatch);  // 100 / 200
  CHECK(only_observation(out, 2).published_rate.number->to_string() == "130");
  CHECK(only_observation(out, 2).check.verdict == Verdict::match);
  const auto* note = find_code(out, "input.fraction-rates");
  REQUIRE(note != nullptr);
  CHECK(note->severity == Severity::note);
  CHECK_THAT(note->message, Catch::Contains("(0.8 for 80%)"));

  // Percentages printed without %, or a header saying %: left as printed.
  for (std::string csv :
       {"指標名,目標値,実績値,達成率\n移住者数,100,80,80.0\n観光客数,200,100,50.0\n",
        "指標名,目標値,実績値,達成率(%)\n移住者数,100,1,1.0\n観光客数,200,1,0.5\n"}) {
    auto left = read("令和5年度 KPI\n" + csv);
    CHECK(find_code(left, "input.fraction-rates") == nullptr);
    CHECK(only_observation(left, 0).check.verdict == Verdict::match);
  }
}

TEST_CASE("a 評価 column of percentages prints rates, one of letters stays a grade",
          "[grid-layout]") {
  for (std::string word : {"達成評価", "目標達成評価", "評価"}) {
    CAPTURE(word);
    auto out = read("令和5年度 KPI\n指標名,基準値,目標値,実績値," + word +
                    "\n"
                    "移住者数,40,100,80,80.0%\n"
                    "観光客数,100,200,100,75.0%\n");
    CHECK(only_observation(out, 0).check.verdict == Verdict::match);
    CHECK(only_observation(out, 1).check.verdict == Verdict::mismatch);
  }
  auto grades = read(
      "令和5年度 KPI\n"
      "指標名,目標値,実績値,達成率,評価\n"
      "移住者数,100,80,80.0%,B\n");
  CHECK(only_observation(grades, 0).notes == "評価 B");
  CHECK(only_observation(grades, 0).check.verdict == Verdict::match);
}

TEST_CASE("a direction cell saying lower is better in other words makes a decrease KPI",
          "[grid-layout]") {
  for (std::string word : {"抑制", "逆指標", "下げる", "低いほど良い", "少ないほど良い"}) {
    CAPTURE(word);
    // No baseline: only the direction cell tells the way. 40 / 50 is right (80.0%); the
    // printed 125.0% is 50 / 40, the increase formula.
    auto out = read(
        "令和5年度 KPI進捗\n"
        "指標名,方向,基準値,目標値（R6）,実績値（R5）,達成率\n"
        "不法投棄件数," +
        word + ",―,40,50,125.0%\n");
    REQUIRE(out.indicators.size() == 1);
    CHECK(out.indicators[0].direction == kpi::model::Direction::decrease);
    CHECK(only_observation(out, 0).check.verdict == Verdict::mismatch);
  }
  auto up = read(
      "令和5年度 KPI進捗\n"
      "指標名,方向,基準値,目標値（R6）,実績値（R5）,達成率\n"
      "観光客数,高いほど良い,―,400,300,75.0%\n"
      "観光消費額,引き上げ,―,200,150,75.0%\n");
  REQUIRE(up.indicators.size() == 2);
  CHECK(up.indicators[0].direction == kpi::model::Direction::increase);
  CHECK(up.indicators[1].direction == kpi::model::Direction::increase);
  CHECK(only_observation(up, 0).check.verdict == Verdict::match);
}

TEST_CASE("a rate cell printing one percentage among words or a grade is that percentage",
          "[grid-layout]") {
  // 40 / 50 = 80.0% is right; each printed cell says 75.0%.
  for (std::string cell : {"未達成(75.0%)", "B（75.0％）", "B 75.0%", "[75.0%]", "C(75.0%)"}) {
    CAPTURE(cell);
    auto out = read(
        "令和5年度 KPI進捗\n"
        "指標名,目標値(R5),実績値(R5),達成率(R5)\n"
        "観光客数,40,32,80.0%\n"
        "移住者数,50,40,\"" +
        cell + "\"\n");
    const auto& wrong = only_observation(out, 1);
    CHECK(wrong.published_rate.text == cell);
    REQUIRE(wrong.published_rate.number);
    CHECK(wrong.published_rate.number->to_string() == "75.0");
    CHECK(wrong.check.verdict == Verdict::mismatch);
  }
  // A 達成状況 column whose every cell is a grade with its rate is a rate column.
  auto graded = read(
      "令和5年度 KPI進捗\n"
      "指標名,目標値(R5),実績値(R5),達成状況(R5)\n"
      "観光客数,40,32,B（80.0%）\n"
      "移住者数,50,40,C（75.0%）\n");
  CHECK(only_observation(graded, 0).check.verdict == Verdict::match);
  CHECK(only_observation(graded, 1).check.verdict == Verdict::mismatch);
  // Two percentages: which one is the rate is not told, so it stays unchecked.
  auto two = read(
      "令和5年度 KPI進捗\n"
      "指標名,目標値(R5),実績値(R5),達成率(R5)\n"
      "観光客数,40,32,80.0%\n"
      "移住者数,50,40,前年 75.0% 今年 80.0%\n");
  CHECK_FALSE(only_observation(two, 1).published_rate.number);
}

TEST_CASE("the lone percentage of a text", "[grid-layout]") {
  using kpi::formats::lone_percentage;
  CHECK(lone_percentage("B(91.4%)") == "91.4%");
  CHECK(lone_percentage("未達成(1,075.0%)") == "1,075.0%");
  CHECK(lone_percentage("▲ -5.0%") == "-5.0%");
  CHECK(lone_percentage("80%→90%").empty());
  CHECK(lone_percentage("%のみ").empty());
  CHECK(lone_percentage("集計中").empty());
}

TEST_CASE("years printed without their era are in the era of the sheet's year", "[grid-layout]") {
  // 4年度 and 5年度 under a 令和5年度 title: FY2022 and FY2023, not both the sheet's year (the
  // FY2022 columns were read as FY2023's and the rest left out with a warning).
  auto out = read(
      "令和5年度 KPI進捗状況\n"
      "No,指標名,基準値（30年度）,4年度,,,5年度,,,目標値（6年度）\n"
      ",,,目標値,実績値,達成率,目標値,実績値,達成率,\n"
      "1,観光入込客数,300,320,310,96.9%,330,320,97.0%,350\n"
      "2,創業件数,10,16,13,81.3%,18,12,75.0%,20\n");
  REQUIRE(out.indicators.size() == 2);
  const auto& right = out.indicators[0];
  CHECK(right.baseline.fiscal_year == 2018);
  CHECK(right.final_target.fiscal_year == 2024);
  REQUIRE(right.observations.size() == 2);
  CHECK(right.observations[0].fiscal_year == 2022);
  CHECK(right.observations[0].actual.text == "310");
  CHECK(right.observations[1].fiscal_year == 2023);
  CHECK(right.observations[1].check.verdict == Verdict::match);
  const auto& wrong = out.indicators[1];  // 12 / 18 = 66.7%, printed 75.0%
  REQUIRE(wrong.observations.size() == 2);
  CHECK(wrong.observations[0].check.verdict == Verdict::match);
  CHECK(wrong.observations[1].check.verdict == Verdict::mismatch);
  CHECK(find_code(out, "input.duplicate-column") == nullptr);

  // Without a title, the header's own 令和5年度 tells the era of 4年度.
  auto beside = read(
      "No,指標名,4年度,,,令和5年度,,\n"
      ",,目標値,実績値,達成率,目標値,実績値,達成率\n"
      "1,創業件数,16,9,75.0%,18,17,94.4%\n");
  REQUIRE(beside.indicators.size() == 1);
  REQUIRE(beside.indicators[0].observations.size() == 2);
  CHECK(beside.indicators[0].observations[0].fiscal_year == 2022);
  CHECK(beside.indicators[0].observations[0].check.verdict == Verdict::mismatch);  // 56.3%
}

TEST_CASE("元年度 printed without its era is the first year of the sheet's era", "[grid-layout]") {
  // A town's table under a 令和5年度 title: 基準値（元年度） is FY2019, 目標値（7年度） FY2025.
  auto out = read(
      "令和5年度 新田町 KPI進捗状況\n"
      "番号,指標名,単位,基準値（元年度）,目標値（7年度）,5年度実績,達成率\n"
      "1,町内就業者数,人,\"3,200\",\"3,400\",\"3,310\",97.4%\n"
      "2,高齢者の通いの場の数,箇所,12,30,27,89.0%\n");
  REQUIRE(out.indicators.size() == 2);
  const auto& right = out.indicators[0];
  CHECK(right.baseline.value.text == "3,200");
  CHECK(right.baseline.fiscal_year == 2019);
  CHECK(right.final_target.value.text == "3,400");
  CHECK(right.final_target.fiscal_year == 2025);
  const auto& year = only_observation(out, 0);
  CHECK(year.fiscal_year == 2023);
  CHECK(year.actual.text == "3,310");
  CHECK(year.published_rate.text == "97.4%");
  CHECK(year.check.verdict == Verdict::match);
  CHECK(out.indicators[1].baseline.fiscal_year == 2019);
  CHECK(only_observation(out, 1).check.verdict == Verdict::mismatch);  // 27 / 30 = 90.0%
  CHECK(kpi::formats::grid_headers::read_header("基準値（元年度）").era_less_year == 1);
  CHECK(kpi::formats::grid_headers::read_header("元年度").era_less_year == 1);
  CHECK(kpi::formats::grid_headers::read_header("紀元年度").era_less_year == 0);
}

TEST_CASE("a title with a year right above the header is the title, not a row of years",
          "[grid-layout]") {
  // 「令和5年度 新田町 KPI進捗状況」 over 番号 gave its year to every column (基準値 FY2023,
  // 目標値（7年度） a FY2023 target) and named no body; a title names the sheet's year and body.
  auto out = read(
      "令和5年度 新田町 KPI進捗状況\n"
      "番号,指標名,単位,基準値,目標値（7年度）,実績値,達成率\n"
      "1,町内就業者数,人,\"3,200\",\"3,400\",\"3,310\",97.4%\n"
      "2,高齢者の通いの場の数,箇所,12,30,27,89.0%\n");
  REQUIRE(out.indicators.size() == 2);
  const auto& right = out.indicators[0];
  CHECK(right.municipality_name == "新田町");
  CHECK(right.baseline.value.text == "3,200");
  CHECK_FALSE(right.baseline.fiscal_year);
  CHECK(right.final_target.value.text == "3,400");
  CHECK(right.final_target.fiscal_year == 2025);
  const auto& year = only_observation(out, 0);
  CHECK(year.fiscal_year == 2023);
  CHECK(year.target.text.empty());
  CHECK(year.actual.text == "3,310");
  CHECK(year.check.verdict == Verdict::match);
  const auto& wrong = only_observation(out, 1);  // 27 / 30 = 90.0%
  CHECK(wrong.published_rate.text == "89.0%");
  CHECK(wrong.check.verdict == Verdict::mismatch);

  // Years over the value columns are still the upper row of the header.
  auto years = read(
      ",,令和4年度,,令和5年度,\n"
      "No,指標名,目標値,実績値,目標値,実績値\n"
      "1,観光案内所利用者数,\"12,000\",\"11,200\",\"13,000\",\"12,900\"\n");
  REQUIRE(years.indicators.size() == 1);
  REQUIRE(years.indicators[0].observations.size() == 2);
  CHECK(years.indicators[0].observations[0].fiscal_year == 2022);
  CHECK(years.indicators[0].observations[0].actual.text == "11,200");
  CHECK(years.indicators[0].observations[1].fiscal_year == 2023);
  CHECK(years.indicators[0].observations[1].target.text == "13,000");
}

TEST_CASE("a number of years before 年度 is no year", "[grid-layout]") {
  auto word = kpi::formats::grid_headers::read_header("過去5年度平均");
  CHECK(word.era_less_year == 0);
  CHECK(kpi::formats::grid_headers::read_header("4年度実績").era_less_year == 4);
  CHECK(kpi::formats::grid_headers::read_header("目標値（6年度）").era_less_year == 6);
  CHECK(kpi::formats::grid_headers::read_header("令和5年度").era_less_year == 0);
}

TEST_CASE("a rate printed as a percentage kpi-report cannot read fails, words stay unchecked",
          "[grid-layout][gate]") {
  auto out = read(
      "令和5年度 KPI進捗\n"
      "指標名,目標値(R5),実績値(R5),達成率\n"
      "移住者数,2000,1140,\"75,0%\"\n"
      "観光客数,80,72,%95.0\n"
      "相談件数,80,72,29% 9%\n"
      "参加者数,80,72,達成\n");
  for (std::size_t kpi = 0; kpi < 3; ++kpi) {
    const auto& o = only_observation(out, kpi);
    INFO(o.published_rate.text);
    CHECK(o.check.verdict == Verdict::mismatch);
    CHECK_THAT(o.check.explanation, Catch::Contains("not one number"));
  }
  CHECK(only_observation(out, 0).check.rate_rounded->to_string() == "57.0");
  CHECK(only_observation(out, 3).check.verdict == Verdict::unchecked);
}

TEST_CASE("a rate cell printing a second rate, or a per-mille rate, is not read as its first",
          "[grid-layout][gate]") {
  // Each right as its first number (72/80 = 90.0%), wrong as its second: not one rate.
  auto out = read(
      "令和5年度 KPI進捗\n"
      "指標名,目標値(R5),実績値(R5),達成率\n"
      "移住者数,80,72,90.0%/95.0%\n"
      "観光客数,80,72,90.0%（95.0%）\n"
      "相談件数,80,72,※90 95.0%\n"
      "参加者数,80,72,90.0%→95.0%\n"
      "来場者数,80,72,90.0‰\n"
      "利用者数,80,72,90.0%（R5速報）\n");
  for (std::size_t kpi = 0; kpi < 5; ++kpi) {
    const auto& o = only_observation(out, kpi);
    INFO(o.published_rate.text);
    CHECK_FALSE(o.published_rate.number);
    CHECK(o.published_rate.text.find("90") != std::string::npos);  // the text is kept
    CHECK(o.check.verdict == Verdict::mismatch);
  }
  CHECK_THAT(only_observation(out, 4).check.explanation, Catch::Contains("per mille"));
  // One rate and a note with digits: read and checked.
  CHECK(only_observation(out, 5).check.verdict == Verdict::match);
}

TEST_CASE("a skipped row that prints a published rate is an error, a header copy a warning",
          "[grid-layout][gate]") {
  auto out = read(
      "令和5年度 KPI進捗\n"
      "No,指標名,目標値(R5),実績値(R5),達成率\n"
      "1,移住者数,80,72,90.0%\n"
      "2,,200,180,95.0%\n"
      "3,指標名,200,180,95.0%\n"
      "No,指標名,目標値(R5),実績値(R5),達成率\n"
      "4,観光客数,100,90,90.0%\n");
  REQUIRE(out.indicators.size() == 2);
  REQUIRE(out.skipped.size() == 3);
  std::vector<Severity> severities;
  for (const auto& d : out.diagnostics)
    if (d.code == "input.skipped-row") severities.push_back(d.severity);
  CHECK(severities == std::vector{Severity::error, Severity::error, Severity::warning});
  CHECK_THAT(out.skipped[0].reason, Catch::Contains("values without a KPI name"));
  CHECK_THAT(out.skipped[0].reason, Catch::Contains("prints a published rate"));
  CHECK_THAT(out.skipped[1].reason, Catch::Contains("repeated header row; it prints"));
  CHECK(out.skipped[2].reason == "repeated header row");
}

TEST_CASE("an undated actual beside the one dated rate column it lacks is that rate's year",
          "[grid-layout][gate]") {
  // A FY2023 report printing FY2022's rates: the actuals are FY2022's, not the title's year.
  auto out = read(
      "令和5年度 KPI進捗\n"
      "No,指標名,目標値,実績値,達成率(R4)\n"
      "1,観光入込客数,100,85,85.0%\n"
      "2,市民満足度,80,72,95.0%\n");
  const auto& right = only_observation(out, 0);
  CHECK(right.fiscal_year == 2022);
  CHECK(right.actual.text == "85");
  CHECK(right.check.verdict == Verdict::match);
  const auto& wrong = only_observation(out, 1);  // 72 / 80 = 90.0%
  CHECK(wrong.check.verdict == Verdict::mismatch);
  CHECK(wrong.check.rate_rounded->to_string() == "90.0");
}

TEST_CASE("an undated rate beside 前年度実績 is that actual's year", "[grid-layout][gate]") {
  // The sheet's year less one for the actual, and so for the rate that evaluates it.
  auto out = read(
      "令和5年度 KPI進捗\n"
      "No,指標名,基準値,目標値（R6）,前年度実績,達成率\n"
      "1,観光客数,1000,1200,1080,90.0%\n"
      "2,宿泊者数,500,600,540,95.0%\n");
  const auto& right = only_observation(out, 0);
  CHECK(right.fiscal_year == 2022);
  CHECK(right.check.verdict == Verdict::match);
  const auto& wrong = only_observation(out, 1);  // 540 / 600 = 90.0%
  CHECK(wrong.fiscal_year == 2022);
  CHECK(wrong.check.verdict == Verdict::mismatch);
}

TEST_CASE("a percentage among grades or status words makes the column a rate column",
          "[grid-layout][gate]") {
  // 72 / 80 = 90.0%: a 95.0% among B / C (評価) or 順調 (進捗状況) is a rate printed, and wrong.
  for (const char* header : {"評価", "進捗状況"}) {
    INFO(header);
    auto out = read(std::string("令和5年度 KPI進捗\n"
                                "指標名,目標値(R5),実績値(R5),") +
                    header +
                    "\n"
                    "観光客数,100,90,B\n"
                    "市民満足度,80,72,95.0%\n"
                    "参加者数,100,85,C\n");
    CHECK(only_observation(out, 1).check.verdict == Verdict::mismatch);
    CHECK(only_observation(out, 0).check.verdict == Verdict::unchecked);  // B: words
  }
}

TEST_CASE("a CSV row with values past the header's last column is an error, not a shifted KPI",
          "[grid-layout][gate]") {
  // 1,000 written without quotes: two fields, and every value after it one column off (the
  // row was read with target "000" and its 85.0% dropped). Right of a CSV header, no value.
  auto out = read(
      "令和5年度 KPI進捗\n"
      "No,指標名,単位,基準値,目標値(R5),実績値(R5),達成率\n"
      "1,観光客数,人,100,120,108,90.0%\n"
      "2,移住者数,人,1,000,2,000,1,500,85.0%\n");
  REQUIRE(out.indicators.size() == 1);
  REQUIRE(out.skipped.size() == 1);
  CHECK(out.skipped[0].line == 4);
  CHECK_THAT(out.skipped[0].reason, Catch::Contains("past the header's last column"));
  const auto* d = find_code(out, "input.skipped-row");
  REQUIRE(d);
  CHECK(d->severity == Severity::error);
  // A titled column no role reads (前年度比) is no column past the header: its values stay
  // unread, the row is a KPI.
  auto titled = read(
      "令和5年度 KPI進捗\n"
      "No,指標名,単位,基準値,目標値(R5),実績値(R5),達成率(R5),前年度比\n"
      "1,観光入込客数,万人,300,350,320,91.4%,95.0%\n");
  REQUIRE(titled.indicators.size() == 1);
  CHECK(titled.skipped.empty());
  CHECK(only_observation(titled, 0).check.verdict == Verdict::match);
}

TEST_CASE("a total row (合計) with an empty name cell is read and its rate checked",
          "[grid-layout]") {
  // 合計 in the number column, the name cell empty: 148 / 160 = 92.5%, printed 92.0%.
  auto out = read(
      "令和5年度 KPI進捗状況\n"
      "番号,指標名,単位,目標値,実績値,達成率\n"
      "1,観光入込客数,万人,120,110,91.7%\n"
      "2,宿泊者数,万人,40,38,95.0%\n"
      "合　計,,万人,160,148,92.0%\n"
      "小計,,万人,,,\n");
  REQUIRE(out.indicators.size() == 3);
  const auto& total = out.indicators[2];
  CHECK(total.name == "合計");
  CHECK(total.id == "合 計");  // the number cell, normalised
  const auto& year = only_observation(out, 2);
  CHECK(year.fiscal_year == 2023);
  CHECK(year.target.text == "160");
  CHECK(year.actual.text == "148");
  CHECK(year.published_rate.text == "92.0%");
  CHECK(year.check.verdict == Verdict::mismatch);
  CHECK(only_observation(out, 0).check.verdict == Verdict::match);
  // A total row without values is no KPI: skipped with its reason.
  REQUIRE(out.skipped.size() == 1);
  CHECK(out.skipped[0].line == 6);
  CHECK_FALSE(find_code(out, "input.skipped-row") == nullptr);

  // 計 in the goal column of a table without a number column.
  auto by_goal = read(
      "令和5年度 KPI進捗状況\n"
      "基本目標,指標名,目標値,実績値,達成率\n"
      "1 しごと,就業者数,100,90,90.0%\n"
      "計,,100,90,90.0%\n");
  REQUIRE(by_goal.indicators.size() == 2);
  CHECK(by_goal.indicators[1].name == "計");
  CHECK(only_observation(by_goal, 1).check.verdict == Verdict::match);
}
