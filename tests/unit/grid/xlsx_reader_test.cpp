// .xlsx workbooks into the grid: written with libxlsxwriter, or as package XML where a
// feature (shared formulas, formulas without cached values, phonetic runs) needs it.
#include <xlsxwriter.h>
#include <catch2/catch.hpp>

#include <cstdio>

#include "kpi/grid/workbook_reader.hpp"
#include "workbook_files.hpp"

using namespace kpi::grid;
using kpi::testing::worksheet_xml;
using kpi::testing::xlsx_bytes;

namespace {

const Cell& cell_at(const Sheet& sheet, int row, int col) {
  static const Cell none;
  const Cell* cell = sheet.at(row, col);
  return cell != nullptr ? *cell : none;
}

// A KPI sheet as an office keeps it, written by libxlsxwriter, and a hidden second sheet.
std::string kpi_workbook() {
  std::string path = kpi::testing::temp_file_path(".xlsx");
  lxw_workbook* book = workbook_new(path.c_str());
  lxw_worksheet* sheet = workbook_add_worksheet(book, "KPI進捗");
  lxw_worksheet* notes = workbook_add_worksheet(book, "メモ");
  lxw_format* percent = workbook_add_format(book);
  format_set_num_format(percent, "0.0%");
  lxw_format* grouped = workbook_add_format(book);
  format_set_num_format(grouped, "#,##0");
  lxw_format* whole = workbook_add_format(book);
  format_set_num_format(whole, "0");
  lxw_format* era_date = workbook_add_format(book);
  format_set_num_format(era_date, "[$-ja-JP]ggge\"年\"m\"月\"d\"日\"");
  lxw_format* people = workbook_add_format(book);
  format_set_num_format(people, "#,##0\"人\";\"▲\"#,##0\"人\"");

  worksheet_merge_range(sheet, 0, 0, 0, 3, "令和5年度 KPI進捗", nullptr);
  worksheet_write_string(sheet, 1, 0, "重要業績評価指標\n（KPI）", nullptr);
  worksheet_write_string(sheet, 1, 1, "目標値", nullptr);
  worksheet_write_string(sheet, 1, 2, "実績値", nullptr);
  worksheet_write_string(sheet, 1, 3, "達成率", nullptr);
  worksheet_write_string(sheet, 2, 0, "移住者数", nullptr);
  worksheet_write_number(sheet, 2, 1, 12000, grouped);
  worksheet_write_number(sheet, 2, 2, 11499, grouped);
  worksheet_write_formula_num(sheet, 2, 3, "=ROUND(C3/B3,3)", percent, 0.958);
  worksheet_write_string(sheet, 3, 0, "満足度", nullptr);
  worksheet_write_number(sheet, 3, 1, 80, whole);
  worksheet_write_number(sheet, 3, 2, 79.2, whole);
  worksheet_write_number(sheet, 3, 3, 0.1425, percent);
  worksheet_write_number(sheet, 4, 0, 45017, era_date);
  worksheet_write_number(sheet, 4, 1, -35, people);
  worksheet_write_boolean(sheet, 4, 2, 1, nullptr);
  lxw_row_col_options hidden{};
  hidden.hidden = 1;
  worksheet_set_row_opt(sheet, 5, LXW_DEF_ROW_HEIGHT, nullptr, &hidden);
  worksheet_write_string(sheet, 5, 0, "非表示の行", nullptr);
  worksheet_set_column_opt(sheet, 5, 6, LXW_DEF_COL_WIDTH, nullptr, &hidden);
  worksheet_write_string(sheet, 6, 5, "非表示の列", nullptr);
  worksheet_write_string(notes, 0, 0, "note", nullptr);
  worksheet_hide(notes);
  REQUIRE(workbook_close(book) == LXW_NO_ERROR);
  std::string bytes = kpi::testing::read_binary_file(path);
  std::remove(path.c_str());
  return bytes;
}

}  // namespace

TEST_CASE("an xlsx written by libxlsxwriter: values, displays, formulas, layout", "[grid]") {
  std::string bytes = kpi_workbook();
  REQUIRE(sniff_workbook(bytes) == WorkbookKind::xlsx);
  auto result = read_workbook(bytes);
  INFO(result.error << " at " << result.error_where);
  REQUIRE(result.book);
  const Workbook& book = *result.book;
  CHECK(book.kind == "xlsx");
  REQUIRE(book.sheets.size() == 2);
  const Sheet& sheet = book.sheets[0];
  CHECK(sheet.name == "KPI進捗");
  CHECK_FALSE(sheet.hidden);
  CHECK(book.sheets[1].name == "メモ");
  CHECK(book.sheets[1].hidden);

  CHECK(cell_at(sheet, 0, 0).display == "令和5年度 KPI進捗");
  REQUIRE(sheet.merged.size() == 1);
  CHECK(sheet.merged[0].first_row == 0);
  CHECK(sheet.merged[0].last_col == 3);
  CHECK(cell_at(sheet, 1, 0).display == "重要業績評価指標\n（KPI）");
  CHECK(cell_at(sheet, 1, 0).kind == CellKind::text);

  const Cell& actual = cell_at(sheet, 2, 2);
  CHECK(actual.kind == CellKind::number);
  CHECK(actual.value == "11499");
  CHECK(actual.display == "11,499");
  CHECK(actual.number_format == "#,##0");
  const Cell& rate = cell_at(sheet, 2, 3);
  CHECK(rate.formula == "=ROUND(C3/B3,3)");
  CHECK(rate.formula_cached);
  CHECK(rate.value == "0.958");
  CHECK(rate.display == "95.8%");
  CHECK(cell_at(sheet, 3, 2).value == "79.2");
  CHECK(cell_at(sheet, 3, 2).display == "79");
  CHECK(cell_at(sheet, 3, 3).display == "14.3%");

  const Cell& date = cell_at(sheet, 4, 0);
  CHECK(date.kind == CellKind::date);
  CHECK(date.value == "45017");
  CHECK(date.display == "令和5年4月1日");
  CHECK(cell_at(sheet, 4, 1).display == "▲35人");
  CHECK(cell_at(sheet, 4, 2).kind == CellKind::boolean);
  CHECK(cell_at(sheet, 4, 2).display == "TRUE");

  CHECK(sheet.hidden_rows == std::vector<int>{5});
  CHECK(sheet.hidden_cols == std::vector<int>{5});  // column G holds nothing: trimmed
  CHECK(cell_name(2, 3) == "D3");

  std::string tsv = to_tsv(sheet);
  CHECK(tsv.rfind("令和5年度 KPI進捗\n重要業績評価指標 （KPI）\t目標値\t実績値\t達成率\n", 0) == 0);
  CHECK(tsv.find("移住者数\t12,000\t11,499\t95.8%\n") != std::string::npos);
}

TEST_CASE("xlsx shared formulas are rebuilt for every cell that shares them", "[grid]") {
  std::string rows =
      R"(<row r="5"><c r="H5"><v>12</v></c><c r="I5"><v>11</v></c>)"
      R"(<c r="P5" s="1"><f t="shared" ref="P5:P7" si="0">ROUND(I5/H5,3)</f><v>0.917</v></c></row>)"
      R"(<row r="6"><c r="H6"><v>4</v></c><c r="I6"><v>3</v></c>)"
      R"(<c r="P6" s="1"><f t="shared" si="0"/><v>0.75</v></c></row>)"
      R"(<row r="7"><c r="P7" s="1"><f t="shared" si="0"/><v>0</v></c>)"
      R"(<c r="Q7"><f>SUM($H$5:H7)+'R5年度'!A1&amp;"I5"</f></c></row>)";
  std::string styles =
      R"(<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">)"
      R"(<numFmts count="1"><numFmt numFmtId="164" formatCode="0.0%"/></numFmts>)"
      R"(<cellStyleXfs><xf numFmtId="0"/></cellStyleXfs>)"
      R"(<cellXfs><xf numFmtId="0"/><xf numFmtId="164" applyNumberFormat="1"/></cellXfs></styleSheet>)";
  auto result = read_xlsx(xlsx_bytes({{"KPI", worksheet_xml(rows)}}, "", styles));
  INFO(result.error);
  REQUIRE(result.book);
  const Sheet& sheet = result.book->sheets.at(0);
  CHECK(cell_at(sheet, 4, 15).formula == "=ROUND(I5/H5,3)");
  CHECK(cell_at(sheet, 4, 15).display == "91.7%");
  CHECK(cell_at(sheet, 5, 15).formula == "=ROUND(I6/H6,3)");
  CHECK(cell_at(sheet, 5, 15).display == "75.0%");
  CHECK(cell_at(sheet, 6, 15).formula == "=ROUND(I7/H7,3)");
  const Cell& uncached = cell_at(sheet, 6, 16);
  CHECK(uncached.formula == "=SUM($H$5:H7)+'R5年度'!A1&\"I5\"");
  CHECK_FALSE(uncached.formula_cached);
  CHECK(uncached.kind == CellKind::empty);
  CHECK_FALSE(uncached.empty());
}

TEST_CASE("xlsx strings: rich text, phonetic runs, inline, formula results, errors, dates",
          "[grid]") {
  std::string strings =
      R"(<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="2">)"
      R"(<si><r><rPr><b/></rPr><t>移住</t></r><r><t xml:space="preserve">者数 </t></r>)"
      R"(<rPh sb="0" eb="2"><t>イジュウ</t></rPh></si>)"
      R"(<si><t>一行目_x000D_
二行目</t></si></sst>)";
  std::string rows =
      R"(<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>)"
      R"(<row r="2"><c t="inlineStr"><is><t>インライン</t></is></c>)"
      R"(<c t="str"><f>A1&amp;"!"</f><v>移住者数 !</v></c>)"
      R"(<c t="e"><f>1/0</f><v>#DIV/0!</v></c><c t="d"><v>2023-04-01T00:00:00</v></c>)"
      R"(<c t="b"><v>0</v></c></row>)"
      R"(<row r="4" hidden="1"><c r="A4"><v>1</v></c></row>)";
  std::string after = R"(<mergeCells count="1"><mergeCell ref="A1:A2"/></mergeCells>)";
  std::string before = R"(<cols><col min="2" max="3" hidden="1" width="0"/></cols>)";
  auto result = read_xlsx(xlsx_bytes(
      {{"KPI", worksheet_xml(rows, after, before)}, {"隠し", worksheet_xml(""), "veryHidden"}},
      strings));
  INFO(result.error);
  REQUIRE(result.book);
  const Sheet& sheet = result.book->sheets.at(0);
  CHECK(cell_at(sheet, 0, 0).value == "移住者数 ");
  CHECK(cell_at(sheet, 0, 1).display == "一行目\n二行目");
  CHECK(cell_at(sheet, 1, 0).display == "インライン");
  CHECK(cell_at(sheet, 1, 1).display == "移住者数 !");
  CHECK(cell_at(sheet, 1, 1).formula == "=A1&\"!\"");
  CHECK(cell_at(sheet, 1, 2).kind == CellKind::error);
  CHECK(cell_at(sheet, 1, 2).value == "#DIV/0!");
  CHECK(cell_at(sheet, 1, 3).kind == CellKind::date);
  CHECK(cell_at(sheet, 1, 3).value == "45017");
  CHECK(cell_at(sheet, 1, 3).display == "2023/4/1");
  CHECK(cell_at(sheet, 1, 4).display == "FALSE");
  CHECK(sheet.hidden_rows == std::vector<int>{3});
  CHECK(sheet.hidden_cols == std::vector<int>{1, 2});
  REQUIRE(sheet.merged.size() == 1);
  CHECK(sheet.merged[0].last_row == 1);
  CHECK(result.book->sheets.at(1).hidden);
  CHECK(result.book->sheets.at(1).rows.empty());
}

TEST_CASE("an xlsx sheet that is not well-formed XML names the entry and line", "[grid]") {
  std::string broken = "<?xml version=\"1.0\"?>\n<worksheet>\n<sheetData>\n<row><c><v>1</v></row>";
  auto result = read_xlsx(xlsx_bytes({{"KPI", broken}}));
  REQUIRE_FALSE(result.book);
  CHECK(result.error.find("XML not well-formed") != std::string::npos);
  CHECK(result.error_where == "xl/worksheets/sheet1.xml:4");
}

TEST_CASE("an xlsx number with whitespace around it in <v> is the number", "[grid][xlsx]") {
  for (ReadThreads threads : {ReadThreads{}, ReadThreads::expat_only()}) {
    auto result = read_xlsx(
        xlsx_bytes(
            {{"KPI", worksheet_xml("<row r=\"1\"><c r=\"A1\"><v>\n 0.95 \n</v></c></row>")}}),
        {}, threads);
    REQUIRE(result.book);
    const auto* cell = result.book->sheets[0].at(0, 0);
    REQUIRE(cell);
    CHECK(cell->kind == CellKind::number);
    CHECK(cell->value == "0.95");
    CHECK(cell->display == "0.95");
  }
}

TEST_CASE("an xlsx cell written twice fails the read, naming the cell and its sheet",
          "[grid][xlsx]") {
  // The second G5 would silently replace the first: which one the sheet means is not told.
  auto twice = [](const std::string& rows) {
    return read_xlsx(xlsx_bytes({{"KPI進捗", worksheet_xml(rows)}}), {}, {1, 2u << 20, false});
  };
  auto cell = twice(R"(<row r="5"><c r="G5"><v>0.95</v></c><c r="G5"><v>0.9</v></c></row>)");
  REQUIRE_FALSE(cell.book);
  CHECK(cell.error.find("cell G5 written twice") != std::string::npos);
  CHECK(cell.error_sheet == "KPI進捗");
  auto row =
      twice(R"(<row r="5"><c r="A5"><v>1</v></c></row><row r="5"><c r="A5"><v>2</v></c></row>)");
  REQUIRE_FALSE(row.book);
  CHECK(row.error.find("cell A5 written twice") != std::string::npos);
  // A row's cells that name another row are read where they say, as before.
  auto elsewhere =
      twice(R"(<row r="5"><c r="A6"><v>1</v></c></row><row r="6"><c r="B6"><v>2</v></c></row>)");
  REQUIRE(elsewhere.book);
  CHECK(elsewhere.book->sheets[0].at(5, 0)->value == "1");
}

TEST_CASE("an xlsb says to save as xlsx, and dxf number formats do not replace cell formats",
          "[grid]") {
  std::string rels =
      R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
      R"(<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.bin"/></Relationships>)";
  std::string xlsb =
      kpi::testing::zip_bytes({{"_rels/.rels", rels}, {"xl/workbook.bin", "\x83\x01"}});
  CHECK(sniff_workbook(xlsb) == WorkbookKind::xlsx);
  CHECK(read_workbook(xlsb).error ==
        "an Excel binary workbook (.xlsb) is not supported: save it as .xlsx");

  std::string styles =
      R"(<styleSheet><numFmts><numFmt numFmtId="164" formatCode="0.0%"/></numFmts>)"
      R"(<cellXfs><xf numFmtId="0"/><xf numFmtId="164"/></cellXfs>)"
      R"(<dxfs><dxf><numFmt numFmtId="164" formatCode="0.000"/></dxf></dxfs></styleSheet>)";
  std::string rows = R"(<row r="1"><c r="A1" s="1"><v>0.25</v></c></row>)";
  auto result = read_xlsx(xlsx_bytes({{"S", worksheet_xml(rows)}}, "", styles));
  REQUIRE(result.book);
  CHECK(cell_at(result.book->sheets[0], 0, 0).display == "25.0%");
}
