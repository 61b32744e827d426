// Hostile workbooks end in an error value, fast and in bounded memory: truncated and corrupt
// ZIPs, ZIP bombs (declared and lying sizes), XML entities, encrypted packages, files that
// are no workbook, grids beyond the cell budget.
#include <catch2/catch.hpp>

#include <chrono>
#include <cstdint>

#include "kpi/grid/workbook_reader.hpp"
#include "workbook_files.hpp"

using namespace kpi::grid;
using kpi::testing::worksheet_xml;
using kpi::testing::xlsx_bytes;

namespace {

std::string small_xlsx() {
  std::string rows;
  for (int r = 1; r <= 200; ++r)
    rows += "<row r=\"" + std::to_string(r) + "\"><c r=\"A" + std::to_string(r) + "\"><v>" +
            std::to_string(r * 7919 % 1000) + "</v></c><c t=\"inlineStr\"><is><t>指標" +
            std::to_string(r) + "</t></is></c></row>";
  return xlsx_bytes({{"KPI", worksheet_xml(rows)}});
}

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

void put_u32(std::string& bytes, std::size_t at, std::uint32_t value) {
  for (int i = 0; i < 4; ++i)
    bytes[at + static_cast<std::size_t>(i)] = static_cast<char>(value >> (8 * i));
}

// Every local and central header of the archive claims `size` uncompressed bytes.
void lie_about_sizes(std::string& zip, std::uint32_t size) {
  for (std::size_t at = zip.find("PK\x03\x04"); at != std::string::npos;
       at = zip.find("PK\x03\x04", at + 4))
    put_u32(zip, at + 22, size);
  for (std::size_t at = zip.find("PK\x01\x02"); at != std::string::npos;
       at = zip.find("PK\x01\x02", at + 4))
    put_u32(zip, at + 24, size);
}

}  // namespace

TEST_CASE("a truncated xlsx is a corrupt ZIP archive", "[grid]") {
  std::string bytes = small_xlsx();
  REQUIRE(read_workbook(bytes).book);
  auto result = read_workbook(bytes.substr(0, bytes.size() / 2));
  REQUIRE_FALSE(result.book);
  CHECK(contains(result.error, "corrupt or truncated ZIP archive"));
  CHECK(contains(result.error, "save the workbook again"));
}

TEST_CASE("a corrupt xlsx ends in an error, wherever the damage is", "[grid]") {
  std::string bytes = small_xlsx();
  for (std::size_t at = 40; at < bytes.size(); at += bytes.size() / 37) {
    std::string damaged = bytes;
    for (std::size_t k = at; k < at + 8 && k < damaged.size(); ++k)
      damaged[k] = static_cast<char>(damaged[k] ^ 0x5A);
    auto result = read_workbook(damaged);
    if (!result.book) CHECK_FALSE(result.error.empty());
  }
}

TEST_CASE("a ZIP bomb is refused by its declared size and by the bytes inflated", "[grid]") {
  std::string zeros(32u << 20, '\0');
  std::string bomb = kpi::testing::zip_bytes(
      {{"xl/workbook.xml", "<workbook/>"}, {"xl/worksheets/sheet1.xml", zeros}});
  CHECK(bomb.size() < 200'000);
  Limits limits;
  limits.max_entry_bytes = 1u << 20;
  auto start = std::chrono::steady_clock::now();
  auto declared = read_xlsx(xlsx_bytes({{"KPI", zeros}}), limits);
  REQUIRE_FALSE(declared.book);
  CHECK(contains(declared.error, "larger than 1 MiB uncompressed"));
  CHECK(declared.error_where == "xl/worksheets/sheet1.xml");

  std::string lying = xlsx_bytes({{"KPI", worksheet_xml("") + std::string(16u << 20, ' ')}});
  lie_about_sizes(lying, 100);
  auto counted = read_xlsx(lying, limits);
  REQUIRE_FALSE(counted.book);
  CHECK_FALSE(counted.error.empty());
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(10));

  Limits total;
  total.max_total_bytes = 4u << 20;
  auto over_total = read_xlsx(xlsx_bytes({{"A", worksheet_xml("") + std::string(3u << 20, ' ')},
                                          {"B", worksheet_xml("") + std::string(3u << 20, ' ')}}),
                              total);
  REQUIRE_FALSE(over_total.book);
  CHECK(contains(over_total.error, "in total"));
}

TEST_CASE("XML with a DTD or entities is refused", "[grid]") {
  std::string laughs =
      "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 "
      "\"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">]>\n"
      "<worksheet><sheetData><row><c "
      "t=\"inlineStr\"><is><t>&lol2;</t></is></c></row></sheetData></worksheet>";
  auto result = read_xlsx(xlsx_bytes({{"KPI", laughs}}));
  REQUIRE_FALSE(result.book);
  CHECK(contains(result.error, "document type declaration"));
  CHECK(result.error_where == "xl/worksheets/sheet1.xml:2");
}

TEST_CASE("an encrypted (password-protected) workbook says to save it without a password",
          "[grid]") {
  std::string ole = "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1" + std::string(504, '\0');
  for (char c : std::string("EncryptionInfo")) ole += std::string{c, '\0'};
  ole += std::string(1024, '\0');
  CHECK(sniff_workbook(ole) == WorkbookKind::encrypted);
  auto result = read_workbook(ole);
  REQUIRE_FALSE(result.book);
  CHECK(result.error == "encrypted workbook (password-protected): save it without a password");
}

TEST_CASE("bytes that are no workbook say so", "[grid]") {
  CHECK(sniff_workbook("No\tKPI\n1\t移住者数\n") == WorkbookKind::none);
  CHECK(contains(read_workbook("No\tKPI\n").error, "not a workbook"));
  std::string docx = kpi::testing::zip_bytes({{"word/document.xml", "<w:document/>"}});
  CHECK(sniff_workbook(docx) == WorkbookKind::none);
  CHECK(contains(read_workbook(docx).error, "neither an .xlsx nor an .ods"));
  std::string ole = "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1" + std::string(2048, '\0');
  CHECK(contains(read_workbook(ole).error, "OLE compound file"));
  CHECK(contains(read_workbook("").error, "not a workbook"));
  CHECK_FALSE(read_xls("not an xls at all").book);
  CHECK_FALSE(read_ods("PK\x03\x04 broken").book);
}

TEST_CASE("a grid beyond the cell budget is refused before it is allocated", "[grid]") {
  Limits limits;
  limits.max_cells = 100'000;
  std::string far = "<row r=\"1048576\"><c r=\"XFD1048576\"><v>1</v></c></row>";
  auto result = read_xlsx(xlsx_bytes({{"KPI", worksheet_xml(far)}}), limits);
  REQUIRE_FALSE(result.book);
  CHECK(contains(result.error, "larger than 100000 cells"));
  CHECK(contains(result.error, "XFD1048576"));

  std::string beyond = "<row r=\"1048577\"><c><v>1</v></c></row>";
  CHECK(contains(read_xlsx(xlsx_bytes({{"KPI", worksheet_xml(beyond)}})).error,
                 "outside the sheet grid"));

  std::string wide = "<row r=\"1\"><c r=\"XFD1\"><v>1</v></c></row>";
  auto one_far_cell = read_xlsx(xlsx_bytes({{"KPI", worksheet_xml(wide)}}), limits);
  REQUIRE(one_far_cell.book);
  CHECK(one_far_cell.book->sheets[0].rows[0].size() == 16384);
}

TEST_CASE("a password-protected xls (FILEPASS record) is an encrypted workbook", "[grid]") {
  std::string xls =
      kpi::testing::read_binary_file(std::string(KPI_TESTS_DIR) + "/fixtures/grid/kpi.xls");
  REQUIRE(sniff_workbook(xls) == WorkbookKind::xls);
  // The globals' BOF record (BIFF8, 16 bytes), then the record after it turned into FILEPASS.
  std::size_t bof = xls.find(std::string("\x09\x08\x10\x00\x00\x06", 6));
  REQUIRE(bof != std::string::npos);
  xls[bof + 20] = 0x2F;
  xls[bof + 21] = 0x00;
  CHECK(sniff_workbook(xls) == WorkbookKind::encrypted);
  auto result = read_workbook(xls);
  REQUIRE_FALSE(result.book);
  CHECK(result.error == "encrypted workbook (password-protected): save it without a password");
  CHECK(read_xls(xls).error == result.error);
}
