#pragma once
// A grid cell as a printed value: the number its display text shows (the printed precision),
// plus what a workbook adds: the stored value when it holds more digits than it shows, the
// formula, the cell name, and a rate printed as a cap ("100%超", "0%未満").
#include <optional>
#include <string>
#include <string_view>

#include "kpi/grid/grid.hpp"
#include "kpi/model/value.hpp"
#include "kpi/text/number.hpp"

namespace kpi::formats {

// The value of `cell` at 0-based (row, col). A missing cell is an empty value.
text::CellValue read_grid_value(const grid::Cell* cell, int row, int col);

// The same for a published rate: a cell that is no number but prints one percentage among
// words or a grade ("B（91.4%）", "未達成(75.0%)", "[75.0%]") is that percentage; the text stays
// the cell's whole text.
text::CellValue read_grid_rate(const grid::Cell* cell, int row, int col);

// The one percentage a normalised text prints among other words ("91.4%" in "B(91.4%)"), or ""
// when it prints none or more than one.
std::string_view lone_percentage(std::string_view normalized);

// The display text of a cell with its line breaks turned into spaces, trimmed.
std::string cell_text(const grid::Cell* cell);
// The same as a view: of the cell's own text when it needs no change, else of `scratch`.
std::string_view cell_text_view(const grid::Cell* cell, std::string& scratch);

}  // namespace kpi::formats
