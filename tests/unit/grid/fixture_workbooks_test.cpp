// The same KPI sheet as LibreOffice saves it in .xlsx, .ods and .xls, and as openpyxl writes
// it (formulas without cached values): tests/fixtures/grid/make.py.
#include <catch2/catch.hpp>

#include "kpi/grid/number_format.hpp"
#include "kpi/grid/workbook_reader.hpp"
#include "workbook_files.hpp"

using namespace kpi::grid;

namespace {

const Cell& cell_at(const Sheet& sheet, int row, int col) {
  static const Cell none;
  const Cell* cell = sheet.at(row, col);
  return cell != nullptr ? *cell : none;
}

Workbook fixture(const std::string& name, WorkbookKind kind) {
  std::string bytes =
      kpi::testing::read_binary_file(std::string(KPI_TESTS_DIR) + "/fixtures/grid/" + name);
  REQUIRE(!bytes.empty());
  CHECK(sniff_workbook(bytes) == kind);
  auto result = read_workbook(bytes);
  INFO(name << ": " << result.error << " at " << result.error_where);
  REQUIRE(result.book);
  return std::move(*result.book);
}

// What every reader must agree on: the values and the layout of the sheet.
void check_kpi_values(const Workbook& book) {
  REQUIRE(book.sheets.size() == 2);
  const Sheet& sheet = book.sheets[0];
  CHECK(sheet.name == "KPI進捗");
  CHECK(book.sheets[1].name == "旧版");
  CHECK(cell_at(sheet, 0, 0).display == "令和5年度 KPI進捗");
  CHECK(cell_at(sheet, 1, 1).display == "重要業績評価指標\n（KPI）");
  CHECK(cell_at(sheet, 2, 3).value == "11499");
  CHECK(cell_at(sheet, 3, 3).value == "79.2");
  CHECK(cell_at(sheet, 6, 1).value == "45017");
  CHECK(cell_at(sheet, 6, 1).kind == CellKind::date);
  CHECK(cell_at(sheet, 7, 0).display == "非表示");
}

// Formats, formulas with their results, merges and hidden rows, columns and sheets.
void check_kpi_presentation(const Workbook& book) {
  const Sheet& sheet = book.sheets[0];
  CHECK(cell_at(sheet, 2, 4).value == "0.958");
  CHECK(cell_at(sheet, 3, 4).value == "0.99");
  CHECK(cell_at(sheet, 4, 4).value == "0.143");  // ROUND(0.057/0.4, 3) = 0.1425 → 0.143
  CHECK(book.sheets[1].hidden);
  CHECK(cell_at(sheet, 2, 2).display == "12,000");
  CHECK(cell_at(sheet, 2, 3).display == "11499");
  CHECK(cell_at(sheet, 2, 4).display == "95.8%");
  CHECK(cell_at(sheet, 2, 4).formula == "=ROUND(D3/C3,3)");
  CHECK(cell_at(sheet, 3, 4).formula == "=ROUND(D4/C4,3)");
  CHECK(cell_at(sheet, 4, 4).formula == "=ROUND(D5/C5,3)");
  CHECK(cell_at(sheet, 2, 4).formula_cached);
  CHECK(cell_at(sheet, 3, 3).display == "79");
  CHECK(cell_at(sheet, 4, 3).display == "5.7%");
  CHECK(cell_at(sheet, 4, 4).display == "14.3%");
  CHECK(cell_at(sheet, 6, 1).display == "令和5年4月1日");
  REQUIRE(sheet.merged.size() == 1);
  CHECK(sheet.merged[0].last_col == 4);
  CHECK(sheet.hidden_rows == std::vector<int>{7});
  CHECK(sheet.hidden_cols == std::vector<int>{6});
}

}  // namespace

TEST_CASE("the LibreOffice xlsx fixture", "[grid]") {
  Workbook book = fixture("kpi.xlsx", WorkbookKind::xlsx);
  check_kpi_values(book);
  check_kpi_presentation(book);
  CHECK(book.sheets[0].at(2, 4)->number_format == "0.0%");
}

TEST_CASE("the LibreOffice ods fixture", "[grid]") {
  Workbook book = fixture("kpi.ods", WorkbookKind::ods);
  check_kpi_values(book);
  check_kpi_presentation(book);
  // Number formats from the data styles of styles.xml and content.xml.
  const Sheet& sheet = book.sheets[0];
  CHECK(sheet.at(2, 2)->number_format == "#,##0");
  CHECK(sheet.at(2, 3)->number_format == "0");
  CHECK(sheet.at(2, 4)->number_format == "0.0%");
  CHECK(sheet.at(6, 1)->number_format == "[$-411]ggge\"年\"m\"月\"d\"日\"");
  CHECK(sheet.at(2, 1)->number_format == "General");
  for (int row = 2; row <= 4; ++row)
    for (int col = 2; col <= 4; ++col) {
      const Cell* cell = sheet.at(row, col);
      REQUIRE(cell != nullptr);
      CHECK(format_number(cell->value, cell->number_format) == cell->display);
    }
}

// The BIFF8 records: values, formula results and text, formats, hidden parts, merges.
TEST_CASE("the xls fixture", "[grid]") {
  Workbook book = fixture("kpi.xls", WorkbookKind::xls);
  CHECK(book.kind == "xls");
  check_kpi_values(book);
  check_kpi_presentation(book);
  const Sheet& sheet = book.sheets[0];
  CHECK(cell_at(sheet, 2, 4).number_format == "0.0%");
}

TEST_CASE("formulas written by openpyxl have no cached value", "[grid]") {
  Workbook book = fixture("kpi-openpyxl.xlsx", WorkbookKind::xlsx);
  const Sheet& sheet = book.sheets.at(0);
  const Cell& rate = cell_at(sheet, 2, 4);
  CHECK(rate.formula == "=ROUND(D3/C3,3)");
  CHECK_FALSE(rate.formula_cached);
  CHECK(rate.value.empty());
  CHECK(rate.display.empty());
  CHECK(cell_at(sheet, 3, 3).display == "79");
  CHECK(book.sheets.at(1).hidden);
}

namespace {

// make.py's long_text(i).
std::string long_text(int i) {
  std::string text = "指標" + std::to_string(i) + "：";
  for (int k = 0; k < i % 7 + 1; ++k) text += "地域の魅力を高める取組";
  return text + "（第" + std::to_string(i) + "号）";
}

}  // namespace

TEST_CASE("an xls shared-string table over CONTINUE records keeps every string whole", "[grid]") {
  Workbook book = fixture("many-strings.xls", WorkbookKind::xls);
  REQUIRE(book.sheets.size() == 1);
  const Sheet& sheet = book.sheets[0];
  CHECK(sheet.name == "指標一覧");
  REQUIRE(sheet.rows.size() == 1500);
  int mismatches = 0;
  for (int i = 1; i <= 1500; ++i) {
    if (cell_at(sheet, i - 1, 0).value != long_text(i)) ++mismatches;
    if (mismatches == 1 && cell_at(sheet, i - 1, 0).value != long_text(i))
      CHECK(cell_at(sheet, i - 1, 0).value == long_text(i));
  }
  CHECK(mismatches == 0);
  CHECK(cell_at(sheet, 999, 1).value == "1500");
  CHECK(cell_at(sheet, 0, 1).display == "1.5");
}
