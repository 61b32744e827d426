// Workbooks through the whole pipeline (tests/fixtures/README.md): the Toyama and Joetsu
// workbooks read as their TSV, the Takaoka workbook grid with its formulas and more-digit
// cells, the prefecture evaluation grid with its indicator types and caps, and a city grid
// with other header words.
#include <catch2/catch.hpp>

#include <map>
#include <string>
#include <vector>

#include "kpi/pipeline.hpp"
#include "kpi/verify/cell_evidence.hpp"
#include "kpi/verify/findings.hpp"
#include "sheets.hpp"

using kpi::model::Verdict;
using kpi::testing::find_indicator;
using kpi::testing::find_observation;

namespace {

std::string fixture(const std::string& relative) {
  return std::string(KPI_TESTS_DIR) + "/fixtures/" + relative;
}

// The pipeline on one file, as `kpi-report` runs it.
kpi::PipelineResult read_file(const std::string& path, const kpi::PipelineOptions& options = {}) {
  auto result = kpi::run_pipeline({path}, options);
  INFO(path);
  REQUIRE_FALSE(result.input_error);
  REQUIRE(result.sheets.size() == 1);
  return result;
}

std::string number_text(const kpi::model::Value& v) {
  return v.number ? v.number->to_string() : "-";
}

// What "the same indicators and verdicts" means: every printed text the layouts read and
// every verdict they reached, in sheet order.
std::vector<std::string> indicator_lines(const kpi::model::Sheet& sheet) {
  std::vector<std::string> lines;
  for (const auto& ind : sheet.parsed.indicators) {
    lines.push_back(
        ind.id + " #" + std::to_string(ind.seq) + " " + ind.name + " | unit " + ind.unit +
        " | baseline " + ind.baseline.value.text + " | final " + ind.final_target.value.text +
        " | direction " +
        (kpi::model::to_string(ind.direction) ? kpi::model::to_string(ind.direction) : "?"));
    for (const auto& o : ind.observations)
      lines.push_back("  FY" + std::to_string(o.fiscal_year) + " target " + o.target.text +
                      " actual " + o.actual.text + " published " + o.published_rate.text + " (" +
                      number_text(o.published_rate) + ") verdict " +
                      kpi::model::to_string(o.check.verdict) + " revised " +
                      o.revised->target.text + " / " + o.revised->rate.text + " " +
                      kpi::model::to_string(o.revised->check.verdict));
  }
  return lines;
}

std::map<std::string, int> verdict_counts(const kpi::model::Sheet& sheet) {
  std::map<std::string, int> counts;
  for (const auto& ind : sheet.parsed.indicators)
    for (const auto& o : ind.observations) ++counts[kpi::model::to_string(o.check.verdict)];
  return counts;
}

struct CityWorkbook {
  const char* tsv;       // under data/
  const char* workbook;  // under tests/fixtures/workbooks/, without the extension
  const char* layout;    // the layout that must read both
  const char* sheet;     // the worksheet's name
  std::size_t kpis;
};

const CityWorkbook city_workbooks[] = {
    {"toyama/toyama-strategy-progress-fy2020.tsv", "toyama-strategy-progress-fy2020", "toyama",
     "施策の取組状況", 84},
    {"joetsu/joetsu-kpi-progress-fy2023.tsv", "joetsu-kpi-progress-fy2023", "joetsu", "KPI進捗状況",
     65},
};

void check_same_as_tsv(const CityWorkbook& city, const std::string& extension) {
  auto tsv = kpi::testing::load_sheet(city.tsv);
  auto path = fixture(std::string("workbooks/") + city.workbook + "." + extension);
  auto result = read_file(path);
  const auto& book = result.sheets.front();
  INFO(path);
  CHECK(book.format == city.layout);
  CHECK(book.sheet_name == city.sheet);
  CHECK(book.encoding == extension);
  CHECK(book.parsed.indicators.size() == city.kpis);
  CHECK(tsv.parsed.indicators.size() == city.kpis);
  auto expected = indicator_lines(tsv);
  auto got = indicator_lines(book);
  REQUIRE(got.size() == expected.size());
  for (std::size_t i = 0; i < got.size(); ++i) {
    INFO("line " << i);
    CHECK(got[i] == expected[i]);
  }
  CHECK(verdict_counts(book) == verdict_counts(tsv));
  CHECK(book.parsed.rows_read == tsv.parsed.rows_read);
  CHECK(book.parsed.skipped.size() == tsv.parsed.skipped.size());
}

}  // namespace

// -- 1. Toyama and Joetsu workbooks read as their TSV --------------------------------------

TEST_CASE(
    "Toyama and Joetsu workbooks (xlsx, xls, ods) give the indicators and verdicts of "
    "their TSV",
    "[workbook][toyama][joetsu]") {
  for (const auto& city : city_workbooks)
    for (const char* extension : {"xlsx", "xls", "ods"}) check_same_as_tsv(city, extension);
}

TEST_CASE("a Toyama workbook locates its rows as sheet and row", "[workbook][toyama]") {
  auto path = fixture("workbooks/toyama-strategy-progress-fy2020.xlsx");
  auto result = read_file(path);
  const auto& sheet = result.sheets.front();
  const auto& ind = find_indicator(sheet, "3-02", 3);
  const auto& o = find_observation(ind, 2020);
  CHECK(o.published_rate.text == "1%");
  CHECK(o.check.verdict == Verdict::mismatch);  // the one wrong rate of the TSV, as in the TSV
  CHECK(o.source.sheet == "施策の取組状況");
  CHECK(kpi::model::location_text(o.source).rfind(path + ":施策の取組状況!", 0) == 0);
}

// -- 2. the Takaoka workbook grid -----------------------------------------------------------

namespace {

const char* const takaoka_grids[] = {"workbooks/takaoka-kpi-grid-fy2020-2023.xlsx",
                                     "workbooks/takaoka-kpi-grid-fy2020-2023.ods"};

struct MoreDigits {
  const char* id;
  int fiscal_year;
  const char* cell;
  const char* stored;
  const char* shown;
  const char* published;
};

// tests/fixtures/README.md, "Actuals holding more digits than they show".
const MoreDigits more_digit_cells[] = {
    {"22", 2023, "O25", "79.2", "79", "83.4%"},     {"23", 2023, "O26", "91.6", "92", "96.4%"},
    {"24", 2023, "O27", "296.1", "296", "98.4%"},   {"25", 2023, "O28", "83.3", "83", "104.1%"},
    {"26", 2023, "O29", "91.7", "92", "114.6%"},    {"28", 2023, "O31", "82.56", "83", "117.9%"},
    {"44", 2020, "F47", "38.859", "38.9", "97.1%"}, {"44", 2021, "I47", "38.541", "38.5", "96.4%"},
};

}  // namespace

TEST_CASE("the Takaoka workbook grid gives 64 KPIs, No.9 and No.50 without values",
          "[workbook][takaoka][grid]") {
  for (const char* name : takaoka_grids) {
    auto path = fixture(name);
    auto result = read_file(path);
    const auto& sheet = result.sheets.front();
    INFO(path);
    CHECK(sheet.format == "grid");
    CHECK(sheet.sheet_name == "KPI進捗");
    REQUIRE(sheet.parsed.indicators.size() == 64);
    CHECK(sheet.parsed.rows_read == 64);
    CHECK(sheet.parsed.rows_used == 64);
    CHECK(sheet.parsed.skipped.empty());
    int observations = 0;
    for (int n = 1; n <= 64; ++n) {
      const auto& ind = sheet.parsed.indicators[static_cast<std::size_t>(n - 1)];
      INFO("No." << n);
      CHECK(ind.id == std::to_string(n));
      CHECK(ind.source.line == n + 3);
      CHECK(ind.source.sheet == "KPI進捗");
      observations += static_cast<int>(ind.observations.size());
      if (n == 9 || n == 50) {
        CHECK(ind.observations.empty());
        CHECK_FALSE(ind.baseline.value.number);
        CHECK_FALSE(ind.final_target.value.number);
      } else {
        CHECK(ind.observations.size() == 4);
      }
    }
    CHECK(observations == 248);  // 62 KPIs × FY2020–FY2023

    const auto& no3 = find_indicator(sheet, "3");
    CHECK(no3.name == "県Uターン就職率");
    CHECK(no3.unit == "%");
    CHECK(no3.direction == kpi::model::Direction::increase);
    CHECK(no3.direction_source == kpi::model::DirectionSource::label);
    CHECK(no3.baseline.value.number->to_string() == "58.2");
    CHECK(no3.baseline.fiscal_year == 2018);
    CHECK(no3.final_target.value.text == "60.0");
    CHECK(no3.final_target.fiscal_year == 2024);
    const auto& no3_2020 = find_observation(no3, 2020);
    CHECK(no3_2020.target.text == "58.6");
    CHECK(no3_2020.actual.text == "58.0");
    CHECK(no3_2020.published_rate.text == "99.0%");
    CHECK(no3_2020.published_rate.workbook->formula == "=ROUND(F6/E6,3)");
    CHECK(no3_2020.check.verdict == Verdict::match);
  }
}

TEST_CASE("the planted formula P22 of the Takaoka grid is a mismatch that quotes it",
          "[workbook][takaoka][grid][formula]") {
  for (const char* name : takaoka_grids) {
    auto path = fixture(name);
    auto result = read_file(path);
    const auto& sheet = result.sheets.front();
    INFO(path);
    const auto& no19 = find_indicator(sheet, "19");
    CHECK(no19.name == "子育て支援サイト等のアクセス件数");
    const auto& o = find_observation(no19, 2023);
    CHECK(o.target.number->to_string() == "72000");
    CHECK(o.target.text == "72,000");
    CHECK(o.target.cell.text() == "N22");
    CHECK(o.actual.number->to_string() == "104754");
    CHECK(o.actual.text == "104,754");
    CHECK(o.actual.cell.text() == "O22");
    CHECK(o.published_rate.text == "151.8%");
    CHECK(o.published_rate.cell.text() == "P22");
    CHECK(o.published_rate.workbook->formula == "=ROUND(O22/K22,3)");
    CHECK_FALSE(o.published_rate.workbook->formula_uncached);
    CHECK(o.check.verdict == Verdict::mismatch);
    CHECK(o.check.rate_rounded->to_string() == "145.5");  // 104,754 / 72,000
    CHECK_THAT(o.check.explanation, Catch::Contains("=ROUND(O22/K22,3)"));
    CHECK_THAT(o.check.explanation, Catch::Contains("N22"));
    CHECK_THAT(o.check.explanation, Catch::Contains("K22 (the FY2022 target)"));
    CHECK_THAT(o.check.explanation, Catch::Contains("expected =ROUND(O22/N22,3)"));
    CHECK(o.source.sheet == "KPI進捗");
    CHECK(o.source.cell.text() == "P22");
    CHECK(o.source.line == 22);
    CHECK(kpi::model::location_text(o.source) == path + ":KPI進捗!P22");

    auto shape = kpi::verify::formula_shape(no19, o);
    CHECK(shape.shape == "=ROUND(actual/K22,3)");
    CHECK(shape.expected == "=ROUND(O22/N22,3)");

    // The same cell written otherwise: anchors and case do not matter, a row written with a
    // leading zero names no cell of the row.
    auto rewritten = o;
    rewritten.published_rate.workbook.edit().formula = "=round($O$22/$n22,3)";
    auto anchored = kpi::verify::formula_shape(no19, rewritten);
    CHECK(anchored.shape == "=ROUND(actual/target,3)");
    CHECK(anchored.foreign.empty());
    rewritten.published_rate.workbook.edit().formula = "=ROUND(O22/N022,3)";
    auto zero = kpi::verify::formula_shape(no19, rewritten);
    CHECK(zero.shape == "=ROUND(actual/N022,3)");
    CHECK(zero.foreign == "N022 (a cell outside this KPI-year)");
    // Only ASCII letters are made upper case: a sheet's Japanese name is kept byte for byte.
    rewritten.published_rate.workbook.edit().formula = "=round('進捗ｂ'!o22/n22,3)";
    auto other_sheet = kpi::verify::formula_shape(no19, rewritten);
    CHECK(other_sheet.shape == "=ROUND('進捗ｂ'!O22/target,3)");

    // The other years of No.19 use their own cells and match, FY2021 with the exact half.
    const auto& fy2021 = find_observation(no19, 2021);
    CHECK(fy2021.published_rate.text == "143.3%");  // ROUND(94545/66000, 3) = 1.4325 → 1.433
    CHECK(fy2021.published_rate.workbook->formula == "=ROUND(I22/H22,3)");
    CHECK(fy2021.check.verdict == Verdict::match);
  }
}

TEST_CASE("more-digit cells of the Takaoka grid match from the stored value and say so",
          "[workbook][takaoka][grid][stored]") {
  for (const char* name : takaoka_grids) {
    auto path = fixture(name);
    auto result = read_file(path);
    const auto& sheet = result.sheets.front();
    int stored = 0;
    for (const auto& ind : sheet.parsed.indicators)
      for (const auto& o : ind.observations) stored += o.actual.workbook->stored.has_value();
    INFO(path);
    CHECK(stored == 8);
    for (const auto& cell : more_digit_cells) {
      INFO("No." << cell.id << " FY" << cell.fiscal_year << " " << cell.cell);
      const auto& o = find_observation(find_indicator(sheet, cell.id), cell.fiscal_year);
      CHECK(o.actual.cell.text() == cell.cell);
      CHECK(o.actual.text == cell.shown);
      REQUIRE(o.actual.workbook->stored);
      CHECK(o.actual.workbook->stored->to_string() == cell.stored);
      CHECK(o.published_rate.text == cell.published);
      CHECK(o.check.verdict == Verdict::match);
      CHECK_THAT(o.check.explanation, Catch::Contains("stored value"));
      CHECK_THAT(o.check.explanation, Catch::Contains(std::string(cell.cell) + " holds " +
                                                      cell.stored + " but shows " + cell.shown));
    }
  }
}

TEST_CASE("the Takaoka grid: verdicts, formulas and baseline rates of the whole sheet",
          "[workbook][takaoka][grid]") {
  for (const char* name : takaoka_grids) {
    auto path = fixture(name);
    auto result = read_file(path);
    const auto& sheet = result.sheets.front();
    INFO(path);
    auto counts = verdict_counts(sheet);
    CHECK(counts["match"] == 233);  // 207 ratio + 16 progress + 8 typed 100% + 2 inverse
    CHECK(counts["consistent"] == 0);
    CHECK(counts["mismatch"] == 1);    // P22
    CHECK(counts["unchecked"] == 14);  // the 14 rates printed "-"

    auto cells = kpi::verify::cell_formula_usage(sheet);
    CHECK(cells.size() == 4);
    CHECK(cells["=ROUND(actual/target,3)"].count == 207);
    CHECK(cells["=ROUND(actual/K22,3)"].count == 1);
    CHECK(cells["=ROUND(actual/K22,3)"].cells == std::vector<std::string>{"P22"});
    CHECK(cells["=ROUND((actual-baseline)/(target-baseline),3)"].count == 16);
    CHECK(cells["=ROUND((actual-baseline)/(target-baseline),3)"].cells.front() == "G4");
    CHECK(cells["=ROUND(target/actual,3)"].count == 2);
    CHECK(cells["=ROUND(target/actual,3)"].cells == std::vector<std::string>{"P8", "P51"});
    int formulas = 0;
    for (const auto& [shape, use] : cells) formulas += use.count;
    CHECK(formulas == 226);

    auto usage = kpi::verify::formula_usage(sheet);
    CHECK(usage["ratio against the year target"] == 207);
    CHECK(usage["progress against the year target"] == 16);
    CHECK(usage["maintain_zero against the year target"] == 8);
    CHECK(usage["inverse against the year target"] == 2);

    // Target-0 rows: progress from the baseline cell (D4 = ▲103).
    const auto& no1 = find_indicator(sheet, "1");
    CHECK(no1.baseline.value.number->to_string() == "-103");
    CHECK(no1.baseline.value.text == "▲ 103");
    const auto& no1_2021 = find_observation(no1, 2021);
    CHECK(no1_2021.actual.number->to_string() == "-441");
    CHECK(no1_2021.published_rate.text == "-328.2%");
    CHECK(no1_2021.published_rate.workbook->formula == "=ROUND((I4-D4)/(H4-D4),3)");
    CHECK(no1_2021.check.method == "progress");
    CHECK(no1_2021.check.verdict == Verdict::match);
    const auto& no54 = find_observation(find_indicator(sheet, "54"), 2020);
    CHECK(no54.published_rate.text == "-40.0%");
    CHECK(no54.check.verdict == Verdict::match);

    // Decrease indicators: target/actual, the qualifier 以下 kept in the number format.
    const auto& no5 = find_observation(find_indicator(sheet, "5"), 2023);
    CHECK(no5.target.text == "25以下");
    CHECK(no5.published_rate.text == "247.5%");
    CHECK(no5.published_rate.workbook->formula == "=ROUND(N8/O8,3)");
    CHECK(no5.check.method == "inverse");
    CHECK(no5.check.verdict == Verdict::match);
  }
}

// The PDF text of the same table finds the 17 再掲 rows and the re-listed values that
// differ (No.16 vs No.12: FY2020 actual 11,499 vs 11,449). In the grid the name cell holds
// "…\n【再掲（№N）】": the mark is taken out of the name and resolved to the original's id.
TEST_CASE("the Takaoka grid knows its re-listed KPIs as the PDF text does",
          "[workbook][takaoka][grid]") {
  auto path = fixture("workbooks/takaoka-kpi-grid-fy2020-2023.xlsx");
  auto result = read_file(path);
  const auto& sheet = result.sheets.front();
  const auto& no2 = find_indicator(sheet, "2");
  CHECK(no2.name == "2025年までの転出・転入を均衡(累計)");
  REQUIRE(no2.relisted_of);
  CHECK(*no2.relisted_of == "1");
  int relisted = 0;
  for (const auto& ind : sheet.parsed.indicators) relisted += ind.relisted_of.has_value();
  CHECK(relisted == 17);
  bool differs = false;
  for (const auto& f : result.findings)
    differs = differs || (f.kind == "relisted-differs" &&
                          f.message.find("11,499 vs 11,449") != std::string::npos);
  CHECK(differs);
}

// -- 3. formulas without cached values ------------------------------------------------------

TEST_CASE("formulas saved without their value are unchecked with the fix",
          "[workbook][takaoka][formula]") {
  auto path = fixture("workbooks/takaoka-no-cached-values.xlsx");
  auto result = read_file(path);
  const auto& sheet = result.sheets.front();
  REQUIRE(sheet.parsed.indicators.size() == 3);
  CHECK(sheet.parsed.indicators[0].id == "1");
  CHECK(sheet.parsed.indicators[1].id == "3");
  CHECK(sheet.parsed.indicators[2].id == "19");
  std::vector<std::string> uncached;
  for (const auto& ind : sheet.parsed.indicators)
    for (const auto& o : ind.observations) {
      INFO("No." << ind.id << " FY" << o.fiscal_year);
      CHECK(o.check.verdict == Verdict::unchecked);
      if (!o.published_rate.workbook->formula_uncached) continue;
      uncached.push_back(o.published_rate.cell.text());
      CHECK(o.published_rate.text.empty());
      CHECK_THAT(o.check.explanation, Catch::Contains(o.published_rate.workbook->formula));
      CHECK_THAT(o.check.explanation, Catch::Contains("without a computed value"));
      CHECK_THAT(o.check.explanation, Catch::Contains("open and save"));
      CHECK_THAT(o.check.explanation, Catch::Contains("Excel or LibreOffice"));
    }
  CHECK(uncached ==
        std::vector<std::string>{"G4", "J4", "M4", "P4", "G5", "J5", "P5", "G6", "J6", "M6", "P6"});
  const auto& m5 = find_observation(find_indicator(sheet, "3"), 2022);
  CHECK(m5.published_rate.text == "-");
  CHECK(m5.published_rate.workbook->formula.empty());
  const auto& g4 = find_observation(find_indicator(sheet, "1"), 2020);
  CHECK(g4.published_rate.workbook->formula == "=ROUND((F4-D4)/(E4-D4),3)");
}

// -- 4. the prefecture evaluation grid ------------------------------------------------------

namespace {

const char* const prefecture_files[] = {
    "grid/prefecture-policy-evaluation-r5.utf8-bom.csv",
    "grid/prefecture-policy-evaluation-r5.cp932.csv",
    "grid/prefecture-policy-evaluation-r5.xlsx",
};

struct PrefectureRow {
  int no;
  const char* type;
  kpi::model::RateFormula formula;
  kpi::model::Direction direction;
  const char* initial;  // 初期値 as printed
  int initial_year;
  const char* target;  // 目標値 (R6) as a number
  const char* actual;  // R5 as a number
  const char* printed;
  const char* grade;
};

using F = kpi::model::RateFormula;
using D = kpi::model::Direction;

// tests/fixtures/README.md, section 3 (the 5 planted rows are the separate tests below).
const PrefectureRow prefecture_rows[] = {
    {1, "進捗割合型", F::progress, D::increase, "1,020", 2019, "1500", "1342", "67.1%", "C"},
    {2, "進捗割合型", F::progress, D::increase, "620", 2019, "800", "812", "100%超", "A"},
    {3, "進捗割合型", F::progress, D::increase, "2,400", 2019, "3000", "2310", "0%未満", "D"},
    {4, "進捗割合型", F::progress, D::increase, "18", 2019, "30", "27", "75.0%", "C"},
    {5, "進捗割合型", F::progress, D::increase, "39,120 (H30)", 2018, "42000", "41650", "87.8%",
     "B"},
    {6, "現状維持型", F::ratio, D::maintain, "1.35", 2019, "1.30", "1.38", "106.2%", "A"},
    {8, "進捗割合型（Ⅱ）", F::progress, D::decrease, "1,260", 2019, "1100", "1188", "45.0%", "D"},
    {9, "進捗割合型", F::progress, D::increase, "34,520", 2019, "36000", "33870", "-43.9%", "D"},
    {10, "進捗割合型", F::progress, D::increase, "390,000", 2019, "500000", "405050", "14%", "D"},
    {11, "現状維持型", F::ratio, D::maintain, "11,800", 2019, "12000", "12540", "100%超", "A"},
    {13, "進捗割合型", F::progress, D::increase, "1.52", 2019, "1.60", "1.46", "0%未満", "D"},
    {14, "現状維持型（Ⅱ）", F::two_minus_ratio, D::maintain, "20", 2019, "20", "23", "85.0%", "B"},
    {15, "現状維持型", F::ratio, D::maintain, "100.0", 2019, "100.0", "87.5", "88%", "B"},
    {16, "進捗割合型（Ⅱ）", F::progress, D::decrease, "1.95", 2019, "1.50", "1.71", "53.3%", "C"},
    {17, "進捗割合型", F::progress, D::increase, "46.8", 2019, "55.0", "49.9", "37.8%", "D"},
    {18, "進捗割合型", F::progress, D::increase, "72.71 (H28)", 2016, "73.50", "73.21", "63.3%",
     "C"},
    {19, "進捗割合型", F::progress, D::increase, "55.2", 2019, "70.0", "60.1", "33.1%", "D"},
    {20, "進捗割合型（Ⅱ）", F::progress, D::decrease, "16.8", 2019, "13.0", "12.4", "100%超", "A"},
    {21, "進捗割合型", F::progress, D::increase, "17,800", 2019, "19500", "18420", "36%", "D"},
    {24, "進捗割合型", F::progress, D::increase, "1,420", 2019, "2000", "2095", "116.4%", "A"},
    {26, "進捗割合型", F::progress, D::increase, "1,000", 2019, "67000", "95545", "143.3%", "A"},
};

const kpi::model::Observation& fy2023(const kpi::model::Sheet& sheet, int no) {
  return find_observation(find_indicator(sheet, std::to_string(no)), 2023);
}

}  // namespace

TEST_CASE("the prefecture grid is read by the header-driven layout from CSV and xlsx",
          "[workbook][grid][prefecture]") {
  const char* encodings[] = {"UTF-8-BOM", "Shift_JIS", "xlsx"};
  for (std::size_t f = 0; f < std::size(prefecture_files); ++f) {
    auto path = fixture(prefecture_files[f]);
    auto result = read_file(path);
    const auto& sheet = result.sheets.front();
    INFO(path);
    CHECK(sheet.format == "grid");
    CHECK(sheet.encoding == encodings[f]);
    REQUIRE(sheet.parsed.indicators.size() == 26);
    CHECK(sheet.parsed.rows_read == 26);
    CHECK(sheet.parsed.skipped.empty());
    for (int n = 1; n <= 26; ++n) {
      const auto& ind = sheet.parsed.indicators[static_cast<std::size_t>(n - 1)];
      INFO("No." << n);
      CHECK(ind.id == std::to_string(n));
      CHECK(ind.source.line == n + 4);
      CHECK(ind.final_target.fiscal_year == 2024);
      const auto& fy2022 = find_observation(ind, 2022);  // 実績値 R4: an actual, no rate
      CHECK(fy2022.actual.has_number());
      CHECK(fy2022.published_rate.text.empty());
      const auto& o = find_observation(ind, 2023);
      CHECK_FALSE(o.published_rate.text.empty());
    }
    CHECK(sheet.parsed.indicators[0].name == "県外からの移住者数");
    CHECK(sheet.parsed.indicators[0].measure == "1 移住・定住の促進");
    CHECK(find_observation(sheet.parsed.indicators[0], 2022).actual.number->to_string() == "1210");
    if (sheet.encoding == "xlsx") {
      CHECK(sheet.sheet_name == "施策評価");
      CHECK(kpi::model::location_text(fy2023(sheet, 1).source) == path + ":施策評価!J5");
    } else {
      CHECK(kpi::model::location_text(fy2023(sheet, 1).source) == path + ":5");
    }
  }
}

TEST_CASE("the prefecture grid: indicator types give the formula, every correct rate matches",
          "[workbook][grid][prefecture]") {
  for (const char* name : prefecture_files) {
    auto path = fixture(name);
    auto result = read_file(path);
    const auto& sheet = result.sheets.front();
    for (const auto& row : prefecture_rows) {
      INFO(path << " No." << row.no);
      const auto& ind = find_indicator(sheet, std::to_string(row.no));
      CHECK(ind.type_text == row.type);
      CHECK(ind.rate_formula == row.formula);
      CHECK(ind.direction == row.direction);
      CHECK(ind.baseline.value.text == row.initial);
      CHECK(ind.baseline.fiscal_year == row.initial_year);
      REQUIRE(ind.final_target.value.number);
      CHECK(*ind.final_target.value.number ==
            kpi::model::decimal_from_double(std::stod(row.target), 2).value());
      const auto& o = find_observation(ind, 2023);
      REQUIRE(o.actual.number);
      CHECK(*o.actual.number == kpi::model::decimal_from_double(std::stod(row.actual), 2).value());
      CHECK(o.published_rate.text == row.printed);
      CHECK(o.notes == std::string("評価 ") + row.grade);
      CHECK(o.check.verdict == Verdict::match);
    }
  }
}

TEST_CASE("the prefecture grid: 現状維持型（Ⅱ） is 2 − actual/target, caps match beyond them",
          "[workbook][grid][prefecture]") {
  auto result = read_file(fixture("grid/prefecture-policy-evaluation-r5.xlsx"));
  const auto& sheet = result.sheets.front();
  const auto& no14 = fy2023(sheet, 14);  // 2 − 23/20 = 85.0%
  CHECK(no14.check.method == "two_minus_ratio");
  CHECK(no14.check.rate_rounded->to_string() == "85.0");
  CHECK(no14.check.verdict == Verdict::match);

  const auto& no2 = fy2023(sheet, 2);  // (812 − 620)/(800 − 620) = 106.7% printed 100%超
  CHECK(no2.published_rate.workbook->cap == kpi::model::Cap::above);
  CHECK(no2.check.verdict == Verdict::match);
  CHECK_THAT(no2.check.explanation, Catch::Contains("printed as a cap"));
  CHECK_THAT(no2.check.explanation, Catch::Contains("106.7%"));
  const auto& no3 = fy2023(sheet, 3);  // −15.0% printed 0%未満
  CHECK(no3.published_rate.workbook->cap == kpi::model::Cap::below);
  CHECK(no3.check.verdict == Verdict::match);
  const auto& no8 = fy2023(sheet, 8);  // 進捗割合型（Ⅱ）: (1188 − 1260)/(1100 − 1260) = 45%
  CHECK(no8.check.method == "progress");
  CHECK(no8.check.verdict == Verdict::match);
  const auto& no26 = fy2023(sheet, 26);  // 143.25% exactly, printed 143.3%
  CHECK(no26.check.rate_rounded->to_string() == "143.3");
  const auto& no17 = fy2023(sheet, 17);  // 49.9（R4）: the R4 value reprinted
  CHECK(no17.actual.text == "49.9（R4）");
  CHECK(no17.actual_fiscal_year == 2022);
  CHECK(no17.check.verdict == Verdict::match);
}

TEST_CASE(
    "the prefecture grid: the planted wrong cap J26 and the previous-year rate J29 are "
    "mismatches",
    "[workbook][grid][prefecture]") {
  for (const char* name : prefecture_files) {
    auto path = fixture(name);
    auto result = read_file(path);
    const auto& sheet = result.sheets.front();
    INFO(path);
    const auto& j26 = fy2023(sheet, 22);  // 進捗割合型（Ⅱ）: −25.0% printed 100%超
    CHECK(j26.published_rate.text == "100%超");
    CHECK(j26.check.verdict == Verdict::mismatch);
    CHECK_THAT(j26.check.explanation, Catch::Contains("-25.0%"));
    const auto& j29 = fy2023(sheet, 25);  // 42.5% = 5,100/12,000 instead of 7,020/12,000
    CHECK(j29.published_rate.text == "42.5%");
    CHECK(j29.check.verdict == Verdict::mismatch);
    CHECK(j29.check.rate_rounded->to_string() == "58.5");
    auto counts = verdict_counts(sheet);
    CHECK(counts["match"] == 21);
    CHECK(counts["consistent"] == 0);
    CHECK(counts["mismatch"] == 5);    // J11, J16, J26, J27, J29
    CHECK(counts["unchecked"] == 26);  // the R4 actuals, which have no printed rate
  }
}

// These three need check to accept only the formula the indicator type prescribes and the
// sheet's own rounding (issue 9): another formula or ROUNDDOWN reproduces each of them.
TEST_CASE("the prefecture grid: J11, ratio printed for a 進捗割合型 row, is a mismatch",
          "[workbook][grid][prefecture]") {
  for (const char* name : prefecture_files) {
    auto result = read_file(fixture(name));
    const auto& j11 = fy2023(result.sheets.front(), 7);  // 47.9/50.0 = 95.8%; progress 61.1%
    INFO(name << ": " << j11.check.explanation);
    CHECK(j11.published_rate.text == "95.8%");
    CHECK(j11.check.verdict == Verdict::mismatch);
    CHECK(j11.check.method == "progress");
  }
}

TEST_CASE("the prefecture grid: J16, the half 73.45% rounded down, is a mismatch",
          "[workbook][grid][prefecture]") {
  for (const char* name : prefecture_files) {
    auto result = read_file(fixture(name));
    const auto& j16 = fy2023(result.sheets.front(), 12);
    INFO(name << ": " << j16.check.explanation);
    CHECK(j16.published_rate.text == "73.4%");
    CHECK(j16.check.rate_rounded->to_string() == "73.5");
    CHECK(j16.check.verdict == Verdict::mismatch);
  }
}

TEST_CASE("the prefecture grid: J27, actual/target for a 現状維持型（Ⅱ） row, is a mismatch",
          "[workbook][grid][prefecture]") {
  for (const char* name : prefecture_files) {
    auto result = read_file(fixture(name));
    const auto& j27 = fy2023(result.sheets.front(), 23);  // 927/900 = 103.0%; 2 − 927/900 = 97.0%
    INFO(name << ": " << j27.check.explanation);
    CHECK(j27.published_rate.text == "103.0%");
    CHECK(j27.check.verdict == Verdict::mismatch);
    CHECK(j27.check.method == "two_minus_ratio");
  }
}

// -- 5. the city grid with other header words -----------------------------------------------

namespace {

struct CityRow {
  const char* name;
  D direction;
  const char* method;
  const char* printed;
};

const CityRow city_rows[] = {
    {"市内の年間商品販売額", D::increase, "ratio", "96.8%"},
    {"空き家バンクの成約件数", D::increase, "ratio", "92.5%"},
    {"市民一人当たりのごみ排出量", D::decrease, "inverse", "97.6%"},
    {"待機児童数", D::decrease, "inverse", "62.5%"},
    {"図書館の年間貸出冊数", D::increase, "ratio", "92.0%"},
    {"公共交通の利用者数", D::increase, "ratio", "85.1%"},
    {"市民の健康診断受診率", D::maintain, "ratio", "101.0%"},
    {"交通事故発生件数", D::decrease, "inverse", "97.1%"},
    {"観光ボランティアガイド登録者数", D::maintain, "ratio", "95.0%"},
    {"企業誘致件数（累計）", D::increase, "ratio", "73.3%"},
};

}  // namespace

TEST_CASE(
    "the city grid with KPI / 現状値 / 目標 / 実績 / 進捗率 headers: 10 KPIs, every rate "
    "matches",
    "[workbook][grid][city]") {
  auto result = read_file(fixture("grid/city-kpi-synonyms.tsv"));
  const auto& sheet = result.sheets.front();
  CHECK(sheet.format == "grid");
  REQUIRE(sheet.parsed.indicators.size() == 10);
  CHECK(sheet.parsed.skipped.empty());
  for (std::size_t i = 0; i < std::size(city_rows); ++i) {
    const auto& ind = sheet.parsed.indicators[i];
    const auto& row = city_rows[i];
    INFO("No." << i + 1);
    CHECK(ind.id == std::to_string(i + 1));
    CHECK(ind.name == row.name);
    CHECK(ind.direction == row.direction);
    CHECK(ind.baseline.fiscal_year == 2018);      // 現状値(H30)
    CHECK(ind.final_target.fiscal_year == 2024);  // 目標(R6)
    REQUIRE(ind.observations.size() == 1);
    const auto& o = ind.observations.front();
    CHECK(o.fiscal_year == 2023);  // 実績(2023年度)
    CHECK(o.published_rate.text == row.printed);
    CHECK(o.check.method == row.method);
    CHECK(o.check.verdict == Verdict::match);
  }
  const auto& no3 = sheet.parsed.indicators[2];
  CHECK(no3.unit == "g/日");
  CHECK(no3.baseline.value.text == "912");
  CHECK(no3.final_target.value.text == "850");
  CHECK(no3.observations.front().actual.text == "871");
  CHECK(sheet.parsed.indicators[4].baseline.value.number->to_string() == "612400");  // 612,400
}

// The header word 方向 alone is not in the grid layout's word table (目指す方向, 方向性 and
// 増減 are): the directions above come from target vs baseline, not from the column.
TEST_CASE("the city grid takes each direction from its 方向 column", "[workbook][grid][city]") {
  auto result = read_file(fixture("grid/city-kpi-synonyms.tsv"));
  const auto& sheet = result.sheets.front();
  REQUIRE(sheet.parsed.indicators.size() == 10);
  const char* words[] = {"増加", "増加", "減少", "減少", "増加",
                         "増加", "維持", "減少", "維持", "増加"};
  for (std::size_t i = 0; i < 10; ++i) {
    const auto& ind = sheet.parsed.indicators[i];
    INFO("No." << i + 1);
    CHECK(ind.direction_source == kpi::model::DirectionSource::label);
    CHECK(ind.direction_text == words[i]);
  }
}
