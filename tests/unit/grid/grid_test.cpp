// The grid model: A1 names, cell access and the TSV rendering of a sheet.
#include <catch2/catch.hpp>

#include "kpi/grid/grid.hpp"

using namespace kpi::grid;

TEST_CASE("cell and column names", "[grid]") {
  CHECK(column_name(0) == "A");
  CHECK(column_name(25) == "Z");
  CHECK(column_name(26) == "AA");
  CHECK(column_name(16383) == "XFD");
  CHECK(cell_name(21, 15) == "P22");
}

TEST_CASE("sheets grow on set and render as Excel's tab-separated text", "[grid]") {
  Sheet sheet;
  sheet.set(0, 0).display = "令和5年度";
  sheet.set(2, 1).display = "一行目\n二行目\tタブ";
  sheet.set(2, 3).display = "91.7%";
  CHECK(sheet.at(2, 3)->display == "91.7%");
  CHECK(sheet.at(1, 0) == nullptr);
  CHECK(sheet.at(2, 2)->empty());
  CHECK(sheet.at(-1, 0) == nullptr);
  CHECK(to_tsv(sheet) == "令和5年度\n\n\t一行目 二行目 タブ\t\t91.7%\n");
}

TEST_CASE("a sheet's kept texts stay valid while a copy of it lives", "[grid]") {
  std::vector<std::string> texts;
  for (int i = 0; i < 5000; ++i) texts.push_back(std::string(1 + i % 300, 'a' + i % 26));
  texts.push_back(std::string(200'000, 'x'));  // a block of its own
  texts.push_back("令和5年度");
  std::vector<std::string_view> views;
  Sheet copy;
  {
    Sheet sheet;
    for (const auto& t : texts) views.push_back(sheet.keep(t));
    CHECK(sheet.keep("").empty());
    Sheet moved = std::move(sheet);
    copy = moved;
  }
  REQUIRE(views.size() == texts.size());
  for (std::size_t i = 0; i < texts.size(); ++i) CHECK(views[i] == texts[i]);
  CHECK(copy.texts->bytes() >= 200'000u);
}

TEST_CASE("a large sheet's TSV written on threads is the one written serially", "[grid][tsv]") {
  Sheet sheet;
  for (int r = 0; r < 20000; ++r) {
    if (r % 97 == 0) continue;  // empty rows stay empty lines
    for (int c = 0; c < 1 + r % 5; ++c) {
      auto& cell = sheet.set(r, c);
      cell.kind = CellKind::text;
      cell.display = sheet.keep(r % 11 == 0 ? "二行\nの\tセル" : std::to_string(r * 10 + c));
    }
    sheet.set(r, 6);  // an empty cell after the last shown one
  }
  std::string serial = to_tsv(sheet);
  CHECK(to_tsv(sheet, 2) == serial);
  CHECK(to_tsv(sheet, 3) == serial);
  CHECK(serial.substr(0, 12) == "\n10\t11\n20\t21");
  CHECK(serial.find("二行 の セル") != std::string::npos);
}
