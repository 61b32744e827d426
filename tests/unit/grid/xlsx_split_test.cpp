// A worksheet read in pieces on threads gives exactly what the serial read gives: joined when
// the pieces can be joined, given back to the serial read when they cannot (a cut inside a
// comment, rows without numbers or out of order, formulas pointing back without a value, an
// error, a limit), and the same either way.
#include <catch2/catch.hpp>

#include <filesystem>
#include <string>

#include "grid/grid_budget.hpp"
#include "grid/xlsx_sheet_split.hpp"
#include "workbook_compare.hpp"
#include "workbook_files.hpp"

using namespace kpi::grid;
using kpi::testing::workbook_difference;
using kpi::testing::worksheet_xml;
using kpi::testing::xlsx_bytes;

namespace {

const std::string kSharedStrings =
    R"(<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">)"
    R"(<si><t>指標</t></si><si><t>目標値</t></si></sst>)";
const std::string kStyles =
    R"(<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts>)"
    R"(<numFmt numFmtId="164" formatCode="#,##0&quot;人&quot;;&quot;▲&quot;#,##0"/></numFmts>)"
    R"(<cellXfs><xf numFmtId="0"/><xf numFmtId="10"/><xf numFmtId="164"/></cellXfs></styleSheet>)";

// Row r (1-based) of a KPI table: a text, numbers under formats, a formula, a formula shared
// from row 1 (its master) with its cached value, every seventh row hidden.
std::string kpi_row(int r, const std::string& p = "") {
  std::string n = std::to_string(r);
  std::string row = "<" + p + "row r=\"" + n + "\"" + (r % 7 == 0 ? " hidden=\"1\"" : "") + ">";
  row += "<" + p + "c r=\"A" + n + "\" t=\"inlineStr\"><" + p + "is><" + p + "t>指標" + n + "</" +
         p + "t></" + p + "is></" + p + "c>";
  row += "<" + p + "c r=\"B" + n + "\" s=\"2\"><" + p + "v>" + std::to_string(r * 1000 - 7) + "</" +
         p + "v></" + p + "c>";
  row += "<" + p + "c r=\"C" + n + "\" s=\"1\"><" + p + "f>B" + n + "/1000</" + p + "f><" + p +
         "v>0." + n + "</" + p + "v></" + p + "c>";
  std::string shared = r == 1
                           ? "<" + p + "f t=\"shared\" ref=\"D1:D999\" si=\"0\">B1+C1</" + p + "f>"
                           : "<" + p + "f t=\"shared\" si=\"0\"/>";
  row +=
      "<" + p + "c r=\"D" + n + "\">" + shared + "<" + p + "v>" + n + "</" + p + "v></" + p + "c>";
  if (r % 5 == 0)
    row += "<" + p + "c r=\"E" + n + "\" t=\"s\"><" + p + "v>1</" + p + "v></" + p + "c>";
  return row + "</" + p + "row>";
}

std::string kpi_rows(int count) {
  std::string rows;
  for (int r = 1; r <= count; ++r) rows += kpi_row(r);
  return rows;
}

std::string kpi_sheet(const std::string& rows) {
  return worksheet_xml(rows, R"(<mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells>)",
                       R"(<cols><col min="3" max="4" width="3" hidden="1"/></cols>)");
}

std::string package(const std::string& sheet_xml) {
  return xlsx_bytes({{"KPI", sheet_xml}, {"メモ", worksheet_xml(kpi_rows(3)), "hidden"}},
                    kSharedStrings, kStyles);
}

// The serial read by expat and reads in pieces of several sizes, on three threads and on the
// calling thread, agree.
void require_same_reads(const std::string& bytes, const Limits& limits = {}) {
  auto serial = read_xlsx(bytes, limits, ReadThreads::expat_only());
  for (std::size_t piece : {1u, 40u, 700u, 5000u}) {
    auto split = read_xlsx(bytes, limits, {3, piece});
    INFO("pieces of " << piece << " bytes");
    REQUIRE(workbook_difference(serial, split) == "");
    REQUIRE(workbook_difference(serial, read_xlsx(bytes, limits, {1, piece})) == "");
  }
  REQUIRE(workbook_difference(serial, read_xlsx(bytes, limits)) == "");  // the default
}

// Whether the first sheet of the package is read in pieces (true) or given back (false);
// when given back, the sheet and the archive's count of bytes read are as before.
bool joins_in_pieces(const std::string& sheet_xml, std::size_t piece_bytes,
                     const Limits& limits = {}) {
  std::string bytes = xlsx_bytes({{"KPI", sheet_xml}});
  ZipArchive archive(bytes, limits);
  GridBudget budget(limits);
  XlsxContext context;
  context.shared_strings = {context.texts->keep("指標"), context.texts->keep("目標値")};
  Sheet sheet;
  sheet.texts = context.texts;
  bool joined = read_worksheet_in_pieces(archive, "xl/worksheets/sheet1.xml", context, budget,
                                         sheet, {3, piece_bytes});
  if (!joined) {
    CHECK(sheet.rows.empty());
    CHECK(sheet.merged.empty());
    CHECK(archive.bytes_read() == 0);
  }
  return joined;
}

std::string inline_rows(int count) {
  std::string rows;
  for (int r = 1; r <= count; ++r) {
    std::string n = std::to_string(r);
    rows += "<row r=\"" + n + "\"><c r=\"A" + n + "\" t=\"inlineStr\"><is><t>行" + n +
            "</t></is></c><c r=\"B" + n + "\"><v>" + n + "</v></c></row>";
  }
  return rows;
}

}  // namespace

TEST_CASE("a KPI sheet read in pieces equals the serial read", "[grid][xlsx][split]") {
  std::string bytes = package(kpi_sheet(kpi_rows(60)));
  require_same_reads(bytes);
  auto split = read_xlsx(bytes, {}, {3, 40});
  REQUIRE(split.book);
  const Sheet& sheet = split.book->sheets[0];
  REQUIRE(sheet.rows.size() == 60);
  // A shared formula moved to a cell far from its master, across many pieces.
  CHECK(sheet.at(59, 3)->formula == "=B60+C60");
  CHECK(sheet.at(59, 1)->display == "59,993人");
  CHECK(sheet.at(44, 4)->value == "目標値");
  CHECK(sheet.hidden_rows == std::vector<int>{6, 13, 20, 27, 34, 41, 48, 55});
  CHECK(sheet.hidden_cols == std::vector<int>{2, 3});
  REQUIRE(sheet.merged.size() == 1);
  CHECK(joins_in_pieces(worksheet_xml(inline_rows(50)), 30));
  CHECK(joins_in_pieces(worksheet_xml(inline_rows(50)), 1));
}

TEST_CASE("rows whose number disagrees with their cells' references are read in pieces",
          "[grid][xlsx][split]") {
  // As a sheet copied block by block may be written: <row r="5"> holding A305.
  std::string rows;
  for (int r = 1; r <= 300; ++r) {
    std::string n = std::to_string(r);
    rows += "<row r=\"" + std::to_string(r % 50 + 1) + "\"><c r=\"A" + n + "\"><v>" + n +
            "</v></c><c r=\"B" + n + "\" t=\"inlineStr\"><is><t>行" + n + "</t></is></c></row>";
  }
  std::string xml = worksheet_xml(rows);
  require_same_reads(package(xml));
  CHECK(joins_in_pieces(xml, 1));
  CHECK(joins_in_pieces(xml, 500));
  auto split = read_xlsx(package(xml), {}, {3, 500});
  REQUIRE(split.book);
  CHECK(split.book->sheets[0].rows.size() == 300);
  CHECK(split.book->sheets[0].at(299, 1)->value == "行300");
}

TEST_CASE("a sheet with prefixed element names is read in pieces", "[grid][xlsx][split]") {
  std::string rows;
  for (int r = 1; r <= 40; ++r) rows += kpi_row(r, "x:");
  std::string xml =
      R"(<?xml version="1.0" encoding="UTF-8"?><x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>)" +
      rows + "</x:sheetData></x:worksheet>";
  require_same_reads(package(xml));
  CHECK(joins_in_pieces(xml, 50));
}

TEST_CASE("a large sheet in many pieces on three threads", "[grid][xlsx][split]") {
  std::string bytes = package(kpi_sheet(kpi_rows(3000)));
  auto serial = read_xlsx(bytes, {}, ReadThreads::expat_only());
  auto split = read_xlsx(bytes, {}, {3, 4096});
  REQUIRE(workbook_difference(serial, split) == "");
  REQUIRE(split.book->sheets[0].rows.size() == 3000);
  CHECK(split.book->sheets[0].at(2999, 0)->value == "指標3000");
}

TEST_CASE("what pieces cannot join is given back to the serial read, with the same result",
          "[grid][xlsx][split]") {
  SECTION("rows without their number") {
    std::string rows = "<row r=\"1\"><c><v>1</v></c></row>";
    for (int r = 2; r <= 30; ++r) rows += "<row><c><v>" + std::to_string(r) + "</v></c></row>";
    require_same_reads(package(worksheet_xml(rows)));
    CHECK_FALSE(joins_in_pieces(worksheet_xml(rows), 20));
  }
  SECTION("a cut inside a comment, a CDATA section or a processing instruction") {
    for (std::string odd : {"<!-- <row r=\"99\"><c><v>9</v></c></row> -->",
                            "<row r=\"98\"><c t=\"inlineStr\"><is><t><![CDATA[<row r=\"7\">]]>"
                            "</t></is></c></row>",
                            "<?keep <row r=\"97\"> ?>"}) {
      std::string xml =
          worksheet_xml(inline_rows(20) + odd + "<row r=\"200\"><c><v>1</v></c></row>");
      INFO(odd);
      require_same_reads(package(xml));
      CHECK_FALSE(joins_in_pieces(xml, 1));
    }
  }
  SECTION("the end of the rows written inside a comment") {
    std::string xml = worksheet_xml(inline_rows(20) + "<!-- </sheetData> -->" + inline_rows(3));
    require_same_reads(package(xml));
    CHECK_FALSE(joins_in_pieces(xml, 1));
  }
  SECTION("rows out of order across pieces") {
    std::string xml =
        worksheet_xml(inline_rows(20) + "<row r=\"5\"><c r=\"C5\"><v>1</v></c></row>");
    require_same_reads(package(xml));
    CHECK_FALSE(joins_in_pieces(xml, 1));
  }
  SECTION("a shared formula without a cached value, its master in an earlier piece") {
    std::string rows =
        R"(<row r="1"><c r="A1"><f t="shared" ref="A1:A9" si="3">B1*2</f><v>2</v></c></row>)";
    for (int r = 2; r <= 9; ++r)
      rows += "<row r=\"" + std::to_string(r) + "\"><c r=\"A" + std::to_string(r) +
              "\"><f t=\"shared\" si=\"3\"/></c></row>";
    require_same_reads(package(worksheet_xml(rows)));
    CHECK_FALSE(joins_in_pieces(worksheet_xml(rows), 1));
    CHECK(joins_in_pieces(worksheet_xml(rows), 1u << 20));
  }
  SECTION("a cell outside <sheetData>") {
    std::string xml = worksheet_xml(inline_rows(20), "<c r=\"Z9\"><v>1</v></c>");
    require_same_reads(package(xml));
    CHECK_FALSE(joins_in_pieces(xml, 1));
  }
  SECTION("a <sheetData> with attributes or none at all") {
    std::string xml = kpi::testing::worksheet_xml("");
    require_same_reads(package(xml));
    std::string with_attribute = worksheet_xml(inline_rows(9));
    with_attribute.replace(with_attribute.find("<sheetData>"), 11, "<sheetData a=\"1\">");
    require_same_reads(package(with_attribute));
    CHECK_FALSE(joins_in_pieces(with_attribute, 1));
  }
}

TEST_CASE("errors and limits met in a piece are the serial read's", "[grid][xlsx][split]") {
  SECTION("a shared string index out of range, an A1 reference that is none, broken XML") {
    for (std::string bad : {"<row r=\"40\"><c r=\"A40\" t=\"s\"><v>9</v></c></row>",
                            "<row r=\"40\"><c r=\"4A\"><v>9</v></c></row>",
                            "<row r=\"40\"><c r=\"A40\"><v>9</c></row>"}) {
      INFO(bad);
      auto bytes = package(kpi_sheet(kpi_rows(30) + bad + kpi_row(50)));
      auto serial = read_xlsx(bytes, {}, ReadThreads::expat_only());
      CHECK_FALSE(serial.book);
      require_same_reads(bytes);
    }
  }
  SECTION("the workbook's cell and text budgets") {
    auto bytes = package(kpi_sheet(kpi_rows(80)));
    Limits few_cells;
    few_cells.max_cells = 300;
    require_same_reads(bytes, few_cells);
    CHECK_FALSE(read_xlsx(bytes, few_cells, {3, 1}).book);
    Limits little_text;
    little_text.max_text_bytes = 1500;
    require_same_reads(bytes, little_text);
    CHECK_FALSE(read_xlsx(bytes, little_text, {3, 1}).book);
  }
  SECTION("a sheet given back is not counted twice against the bytes a workbook may inflate") {
    std::string rows = "<row r=\"1\"><c><v>1</v></c></row>";
    for (int r = 2; r <= 400; ++r) rows += "<row><c><v>" + std::to_string(r) + "</v></c></row>";
    std::string xml = worksheet_xml(rows);
    auto bytes = xlsx_bytes({{"KPI", xml}});
    Limits once;
    once.max_total_bytes = xml.size() + 4096;
    REQUIRE(xml.size() > 4096);
    auto serial = read_xlsx(bytes, once, ReadThreads::expat_only());
    REQUIRE(serial.book);
    REQUIRE(workbook_difference(serial, read_xlsx(bytes, once, {3, 1})) == "");
  }
}

TEST_CASE("the fixture workbooks read in pieces equal their serial reads", "[grid][xlsx][split]") {
  int files = 0;
  for (std::string dir : {"/fixtures/workbooks", "/fixtures/grid"}) {
    for (const auto& entry :
         std::filesystem::directory_iterator(std::string(KPI_TESTS_DIR) + dir)) {
      if (entry.path().extension() != ".xlsx") continue;
      INFO(entry.path().string());
      require_same_reads(kpi::testing::read_binary_file(entry.path().string()));
      ++files;
    }
  }
  CHECK(files >= 6);
}

TEST_CASE("a piece read again by expat is counted once against the limits", "[grid][xlsx][split]") {
  // Every row ends with a comment, so every piece goes to expat after the plain reader has
  // stored its cells.
  std::string rows;
  for (int r = 1; r <= 100; ++r) {
    std::string n = std::to_string(r);
    rows += "<row r=\"" + n + "\"><c r=\"A" + n + "\"><v>" + n + "</v></c><c r=\"B" + n +
            "\"><v>1</v></c><!-- row " + n + " --></row>";
  }
  std::string xml = worksheet_xml(rows);
  Limits limits;
  limits.max_cells = 400;  // 100 rows of 2 cells: 300 counted once, 600 twice
  CHECK(joins_in_pieces(xml, 1, limits));
  require_same_reads(xlsx_bytes({{"KPI", xml}}), limits);
}

TEST_CASE("the parts of a sheet read apart share the workbook's limits", "[grid][xlsx][split]") {
  Limits limits;
  limits.max_cells = 300;
  limits.max_text_bytes = 1000;
  GridBudget workbook(limits);
  GridBudget::Shared shared;
  GridBudget first = workbook.remainder(shared);
  GridBudget second = workbook.remainder(shared);
  Sheet a, b;
  // Each part alone stays within the limit: row 1 of 100 cells (100 + 1 row) each.
  REQUIRE(first.cell(a, 0, 99) != nullptr);
  REQUIRE(second.cell(b, 0, 99) != nullptr);
  // Together a third row of 100 goes over 300.
  REQUIRE(first.cell(a, 1, 99) == nullptr);
  CHECK(first.error().find("larger than 300 cells") != std::string::npos);
  Cell text;
  std::string long_text(600, 'x');
  text.value = long_text;
  CHECK(first.charge_text(text));
  CHECK_FALSE(second.charge_text(text));  // 1,200 bytes in all
}
