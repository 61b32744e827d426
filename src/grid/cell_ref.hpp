#pragma once
// A1-style references (private to src/grid/): parsing "P22" and "A1:C3" in 0-based grid
// coordinates (read by kpi/model/cell_ref.hpp's match_a1), and moving the relative references
// of a shared formula to the cell that shares it.
#include <optional>
#include <string>
#include <string_view>

#include "kpi/grid/formula_refs.hpp"
#include "kpi/grid/grid.hpp"
#include "kpi/model/cell_ref.hpp"

namespace kpi::grid {

// Excel's grid: rows 1..1048576, columns A..XFD.
constexpr int kMaxRows = static_cast<int>(model::excel_last_cell.row);
constexpr int kMaxCols = static_cast<int>(model::excel_last_cell.column);

struct CellRef {
  int row = 0, col = 0;  // 0-based
};

// "P22" → {21, 15}; "$P$22" too; nullopt outside Excel's grid or when not a reference.
std::optional<CellRef> parse_cell_ref(std::string_view text);
// "A1:C3" (or a single "B2") → the 0-based range.
std::optional<Range> parse_range(std::string_view text);

// Index past the quoted run starting at s[i] ("text" or 'sheet name'), doubled quotes
// included, or s.size() when it is not closed.
std::size_t skip_quoted(std::string_view s, std::size_t i);

// The formula text (with or without "=") with every relative row/column reference moved
// by the offsets, as Excel does for the cells sharing a formula: "ROUND(O5/K5,3)" moved by
// 2 rows → "ROUND(O7/K7,3)"; $-anchored parts, strings and sheet names stay.
std::string shift_formula(std::string_view formula, int row_offset, int col_offset);
// The same appended to `out` (a sheet's shared formulas, one a cell: nothing allocated).
void append_shifted_formula(std::string& out, std::string_view formula, int row_offset,
                            int col_offset);

}  // namespace kpi::grid
