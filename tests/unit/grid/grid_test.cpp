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
