#pragma once
// The tables of one grid sheet (formats/grid.md, "Several tables in one sheet"): the best
// header's table, a table above it whose header names its own columns, and one at each later
// row that heads the rows below it anew. Each is then read by the grid layout from a copy of
// its own rows. Pure: reads the grid's cells only.
#include <string>
#include <vector>

#include "kpi/formats/grid_headers.hpp"
#include "kpi/grid/grid.hpp"

namespace kpi::formats::grid_tables {

// Tables read apart in one sheet at most (each is read from a copy of its rows): past them a
// header row is read as a row of the last table.
inline constexpr std::size_t max_tables = 64;

// One table of a sheet: its header and the row where the next table's header starts.
struct Table {
  grid_headers::HeaderMap header;
  int end_row = 0;
  // The KPI column's text in the rows that repeat the header within the table ("KPI" where
  // the header says 指標名): skipped as repeated header rows, not read as KPIs.
  std::vector<std::string> repeated_names{};
};

// The tables of a sheet in row order, `best` (the sheet's best header) among them. A later
// row repeating the header word for word stays a repeated header row of its table.
std::vector<Table> tables_of(const grid::Sheet& sheet, const grid::MergedIndex& merges,
                             const grid_headers::HeaderMap& best);

// A copy of the sheet holding only the rows [first, end) (a table among others), each where it
// is: its cells name the same rows and columns.
grid::Sheet rows_of(const grid::Sheet& sheet, int first, int end);

}  // namespace kpi::formats::grid_tables
