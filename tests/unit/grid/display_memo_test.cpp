// Displays remembered per number format: a value met again shows as before, under its own
// format only, and a collision forgets rather than confuses.
#include <catch2/catch.hpp>

#include <string>

#include "grid/display_memo.hpp"
#include "kpi/grid/workbook_reader.hpp"
#include "workbook_files.hpp"

using kpi::grid::DisplayMemo;

TEST_CASE("a display memo finds what it remembered, and nothing else", "[grid][memo]") {
  DisplayMemo memo;
  CHECK(memo.find("280") == nullptr);
  memo.remember({"280", "280人"});
  REQUIRE(memo.find("280") != nullptr);
  CHECK(memo.find("280")->display == "280人");
  CHECK(memo.find("28") == nullptr);
  CHECK(memo.find("") == nullptr);
  // The memo keeps views: the texts live as long as it, as a sheet's store does.
  std::vector<std::string> values, displays;
  for (int i = 0; i < 5000; ++i) {
    values.push_back(std::to_string(i * 7));
    displays.push_back(values.back() + "!");
  }
  for (std::size_t i = 0; i < values.size(); ++i) memo.remember({values[i], displays[i]});
  int found = 0;
  for (const auto& v : values)
    if (const auto* shown = memo.find(v)) {
      CHECK(shown->display == v + "!");
      ++found;
    }
  CHECK(found > 0);
  CHECK(found <= 5000);
}

TEST_CASE("repeated values in a sheet show under each cell's own format", "[grid][memo][xlsx]") {
  const std::string styles =
      R"(<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts>)"
      R"(<numFmt numFmtId="164" formatCode="#,##0&quot;人&quot;"/></numFmts>)"
      R"(<cellXfs><xf numFmtId="0"/><xf numFmtId="10"/><xf numFmtId="164"/></cellXfs></styleSheet>)";
  std::string rows;
  for (int r = 1; r <= 200; ++r) {
    std::string n = std::to_string(r);
    std::string value = r % 3 == 0 ? "1234.5" : "0.25";
    rows += "<row r=\"" + n + "\"><c r=\"A" + n + "\" s=\"2\"><v>" + value + "</v></c><c r=\"B" +
            n + "\" s=\"1\"><v>" + value + "</v></c><c r=\"C" + n + "\"><v>" + value +
            "</v></c></row>";
  }
  auto bytes = kpi::testing::xlsx_bytes({{"KPI", kpi::testing::worksheet_xml(rows)}}, "", styles);
  for (unsigned threads : {1u, 2u}) {
    auto read = kpi::grid::read_xlsx(bytes, {}, {threads, 64});
    REQUIRE(read.book);
    const auto& sheet = read.book->sheets[0];
    for (int r = 0; r < 200; ++r) {
      bool big = (r + 1) % 3 == 0;
      INFO("row " << r + 1 << ", " << threads << " threads");
      CHECK(sheet.at(r, 0)->display == (big ? "1,235人" : "0人"));
      CHECK(sheet.at(r, 1)->display == (big ? "123450.00%" : "25.00%"));
      CHECK(sheet.at(r, 2)->display == (big ? "1234.5" : "0.25"));
      CHECK(sheet.at(r, 2)->value == (big ? "1234.5" : "0.25"));
    }
  }
}
