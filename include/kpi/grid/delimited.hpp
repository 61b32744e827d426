#pragma once
// CSV and tab-separated text as a grid, so that the header-driven layout reads them the same
// way as a workbook sheet. Each cell's display text is the field as written.
#include <string_view>
#include <vector>

#include "kpi/grid/grid.hpp"

namespace kpi::grid {

struct DelimitedGrid {
  Sheet sheet;
  std::vector<int> row_lines;  // 1-based text line where each row starts
  // The line of a quoted field without its closing quote (it ran to the end of the text and
  // took the rows after it into one cell); 0 when every quote is closed.
  int unterminated_line = 0;
};

// The separator a text table uses: '\t' when its first lines hold tabs, else ','.
char delimiter_of(std::string_view text);
// Rows of `text` split at `separator` (',' follows RFC 4180 quoting; '\t' splits plainly).
DelimitedGrid read_delimited(std::string_view text, char separator);

}  // namespace kpi::grid
