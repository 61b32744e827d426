// .ods spreadsheets into the grid: content.xml written in the test, and the LibreOffice
// fixture made by tests/fixtures/grid/make.py.
#include <catch2/catch.hpp>

#include "kpi/grid/workbook_reader.hpp"
#include "workbook_files.hpp"

using namespace kpi::grid;

namespace {

const Cell& cell_at(const Sheet& sheet, int row, int col) {
  static const Cell none;
  const Cell* cell = sheet.at(row, col);
  return cell != nullptr ? *cell : none;
}

std::string ods_bytes(const std::string& body, const std::string& styles = "") {
  std::string content =
      R"(<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:calcext="urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0" xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2" office:version="1.3">
<office:automatic-styles>)" +
      styles + "</office:automatic-styles><office:body><office:spreadsheet>" + body +
      "</office:spreadsheet></office:body></office:document-content>";
  return kpi::testing::zip_bytes(
      {{"mimetype", "application/vnd.oasis.opendocument.spreadsheet", true},
       {"content.xml", content}});
}

}  // namespace

TEST_CASE("ods cells: values, displays, formulas, repeats, spans, hidden rows", "[grid]") {
  std::string styles =
      R"(<style:style style:name="ta1" style:family="table"><style:table-properties table:display="true"/></style:style>)"
      R"(<style:style style:name="ta2" style:family="table"><style:table-properties table:display="false"/></style:style>)";
  std::string body =
      R"x(<table:table table:name="KPI進捗" table:style-name="ta1">)x"
      R"x(<table:table-column table:number-columns-repeated="2"/>)x"
      R"x(<table:table-column table:visibility="collapse"/>)x"
      R"x(<table:table-column table:number-columns-repeated="16381"/>)x"
      R"x(<table:table-row><table:table-cell table:number-columns-spanned="3" office:value-type="string"><text:p>令和5年度  KPI</text:p></table:table-cell>)x"
      R"x(<table:covered-table-cell table:number-columns-repeated="2"/></table:table-row>)x"
      R"x(<table:table-row><table:table-cell office:value-type="string"><text:p>重要業績評価指標</text:p><text:p>（KPI）</text:p></table:table-cell>)x"
      R"x(<table:table-cell office:value-type="string"><text:p>実績<text:s text:c="2"/>値<text:line-break/>R5</text:p>)x"
      R"(<office:annotation><text:p>comment</text:p></office:annotation></table:table-cell></table:table-row>)"
      R"x(<table:table-row table:number-rows-repeated="2"><table:table-cell office:value-type="float" office:value="11499"><text:p>11,499</text:p></table:table-cell>)x"
      R"x(<table:table-cell office:value-type="float" office:value="12000"><text:p>12,000</text:p></table:table-cell>)x"
      R"x(<table:table-cell table:formula="of:=ROUND([.A3]/[.B3];3)" office:value-type="percentage" office:value="0.958" calcext:value-type="percentage"><text:p>95.8%</text:p></table:table-cell>)x"
      R"x(<table:table-cell table:number-columns-repeated="16381"/></table:table-row>)x"
      R"x(<table:table-row table:visibility="collapse"><table:table-cell office:value-type="date" office:date-value="2023-04-01"><text:p>令和5年4月1日</text:p></table:table-cell>)x"
      R"x(<table:table-cell office:value-type="boolean" office:boolean-value="true"><text:p>TRUE</text:p></table:table-cell>)x"
      R"x(<table:table-cell table:formula="of:=1/0" office:value-type="float" office:value="0" calcext:value-type="error"><text:p>#DIV/0!</text:p></table:table-cell>)x"
      R"x(<table:table-cell table:formula="of:=SUM([$Sheet2.A1:.B2])"/></table:table-row>)x"
      R"x(<table:table-row table:number-rows-repeated="1048570"><table:table-cell table:number-columns-repeated="16384"/></table:table-row>)x"
      R"(</table:table>)"
      R"x(<table:table table:name="旧版" table:style-name="ta2"><table:table-row><table:table-cell office:value-type="float" office:value="1"><text:p>1</text:p></table:table-cell></table:table-row></table:table>)x";
  std::string bytes = ods_bytes(body, styles);
  REQUIRE(sniff_workbook(bytes) == WorkbookKind::ods);
  auto result = read_workbook(bytes);
  INFO(result.error << " at " << result.error_where);
  REQUIRE(result.book);
  CHECK(result.book->kind == "ods");
  REQUIRE(result.book->sheets.size() == 2);
  const Sheet& sheet = result.book->sheets[0];
  CHECK(sheet.name == "KPI進捗");
  CHECK_FALSE(sheet.hidden);
  CHECK(result.book->sheets[1].hidden);

  CHECK(cell_at(sheet, 0, 0).display == "令和5年度  KPI");
  REQUIRE(sheet.merged.size() == 1);
  CHECK(sheet.merged[0].last_col == 2);
  CHECK(sheet.merged[0].last_row == 0);
  CHECK(cell_at(sheet, 1, 0).display == "重要業績評価指標\n（KPI）");
  CHECK(cell_at(sheet, 1, 1).display == "実績  値\nR5");
  REQUIRE(sheet.rows.size() == 5);
  for (int row : {2, 3}) {
    CHECK(cell_at(sheet, row, 0).value == "11499");
    CHECK(cell_at(sheet, row, 0).display == "11,499");
    CHECK(cell_at(sheet, row, 0).kind == CellKind::number);
    CHECK(cell_at(sheet, row, 2).formula == "=ROUND(A3/B3,3)");
    CHECK(cell_at(sheet, row, 2).display == "95.8%");
    CHECK(cell_at(sheet, row, 2).value == "0.958");
  }
  CHECK(sheet.rows[2].size() == 3);  // the repeated empty cells cost nothing
  CHECK(cell_at(sheet, 4, 0).kind == CellKind::date);
  CHECK(cell_at(sheet, 4, 0).value == "45017");
  CHECK(cell_at(sheet, 4, 1).value == "TRUE");
  CHECK(cell_at(sheet, 4, 2).kind == CellKind::error);
  CHECK(cell_at(sheet, 4, 2).display == "#DIV/0!");
  CHECK(cell_at(sheet, 4, 3).formula == "=SUM(Sheet2!A1:B2)");
  CHECK_FALSE(cell_at(sheet, 4, 3).formula_cached);
  CHECK(sheet.hidden_rows == std::vector<int>{4});
  CHECK(sheet.hidden_cols == std::vector<int>{2});
}

TEST_CASE("ods rows repeated with content are materialised within the cell budget", "[grid]") {
  std::string body =
      R"x(<table:table table:name="S"><table:table-row table:number-rows-repeated="100000">)x"
      R"x(<table:table-cell table:number-columns-repeated="100" office:value-type="float" office:value="1"><text:p>1</text:p></table:table-cell>)x"
      R"(</table:table-row></table:table>)";
  Limits limits;
  limits.max_cells = 100'000;
  auto result = read_ods(ods_bytes(body), limits);
  REQUIRE_FALSE(result.book);
  CHECK(result.error.find("larger than 100000 cells") != std::string::npos);
  CHECK(result.error_where.rfind("content.xml:", 0) == 0);
}

TEST_CASE("an ods count that is no positive integer fails the read", "[grid][ods]") {
  // number-columns-repeated="0" would read as one cell and shift every cell after it.
  for (const char* count : {"0", "-2", "x"}) {
    INFO(count);
    auto result = read_ods(ods_bytes(
        std::string(
            R"(<table:table table:name="KPI"><table:table-row><table:table-cell table:number-columns-repeated=")") +
        count +
        R"("/><table:table-cell office:value-type="float" office:value="0.95"/></table:table-row></table:table>)"));
    REQUIRE_FALSE(result.book);
    CHECK(result.error.find("is not a positive count") != std::string::npos);
  }
}

TEST_CASE("an ods cell whose text contradicts its value shows the value", "[grid][ods]") {
  // LibreOffice shows office:value on opening: 0.95 is printed 95.0%, whatever the text says.
  auto result = read_ods(ods_bytes(
      R"(<table:table table:name="KPI"><table:table-row>)"
      R"(<table:table-cell office:value-type="percentage" office:value="0.95"><text:p>90.0%</text:p></table:table-cell>)"
      R"(<table:table-cell office:value-type="percentage" office:value="0.9"><text:p>90.0%</text:p></table:table-cell>)"
      R"(</table:table-row></table:table>)"));
  REQUIRE(result.book);
  const auto& sheet = result.book->sheets[0];
  CHECK(sheet.at(0, 0)->display == "95.0%");
  CHECK(sheet.at(0, 1)->display == "90.0%");
}
