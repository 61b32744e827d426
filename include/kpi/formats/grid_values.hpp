#pragma once
// A grid cell as a printed value: the number its display text shows (the printed precision),
// plus what a workbook adds: the stored value when it holds more digits than it shows, the
// formula, the cell name, and a rate printed as a cap ("100%超", "0%未満").
#include <optional>
#include <string>

#include "kpi/grid/grid.hpp"
#include "kpi/model/value.hpp"
#include "kpi/text/number.hpp"

namespace kpi::formats {

// The value of `cell` at 0-based (row, col). A missing cell is an empty value.
text::CellValue read_grid_value(const grid::Cell* cell, int row, int col);

// A stored number ("79.2", "0.91666666666666663", "7.92E-2") as a decimal of at most 15
// significant digits (Excel's precision); `percent` multiplies by 100 exactly.
std::optional<model::Decimal> stored_decimal(std::string_view stored, bool percent);

// The display text of a cell with its line breaks turned into spaces, trimmed.
std::string cell_text(const grid::Cell* cell);

}  // namespace kpi::formats
