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
