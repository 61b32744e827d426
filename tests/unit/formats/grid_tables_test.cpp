// The tables of one sheet, each with its own header (kpi/formats/grid_tables.hpp).
#include <catch2/catch.hpp>

#include "kpi/formats/grid_headers.hpp"
#include "kpi/formats/grid_tables.hpp"
#include "kpi/grid/delimited.hpp"

namespace {

using kpi::formats::grid_headers::Role;

constexpr const char* two_tables =
    "指標名,目標値,実績値,達成率\n"
    "観光客数,100,90,90.0%\n"
    "KPI,目標値,実績値,達成率\n"  // the header again, the KPI column named otherwise
    "移住者数,50,40,80.0%\n"
    "指標名,実績値,目標値,達成率\n"  // a header with its columns in another order
    "空き家数,30,40,75.0%\n";

}  // namespace

TEST_CASE("a later header with its columns in another order starts a table", "[grid][tables]") {
  auto grid = kpi::grid::read_delimited(two_tables, ',');
  kpi::grid::MergedIndex merges(grid.sheet);
  auto best = kpi::formats::grid_headers::find_header(grid.sheet, merges);
  REQUIRE(best);
  auto tables = kpi::formats::grid_tables::tables_of(grid.sheet, merges, *best);
  REQUIRE(tables.size() == 2);
  CHECK(tables[0].header.first_row == 0);
  CHECK(tables[0].end_row == 4);
  CHECK(tables[0].repeated_names == std::vector<std::string>{"KPI"});
  CHECK(tables[1].header.first_row == 4);
  CHECK(tables[1].end_row == 6);
  CHECK(tables[1].header.find(Role::actual)->index == 1);
  CHECK(tables[1].header.find(Role::target)->index == 2);
}

TEST_CASE("a table's rows are copied where they are, the rest left empty", "[grid][tables]") {
  auto grid = kpi::grid::read_delimited(two_tables, ',');
  auto part = kpi::formats::grid_tables::rows_of(grid.sheet, 4, 6);
  REQUIRE(part.rows.size() == 6);
  CHECK(part.rows[1].empty());
  REQUIRE(part.at(5, 0) != nullptr);
  CHECK(part.at(5, 0)->display == "空き家数");
  CHECK(part.at(4, 1)->display == "実績値");
}
