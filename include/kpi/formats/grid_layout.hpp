#pragma once
// The header-driven grid layout: any KPI table no parser was written for, from CSV, TSV or
// a workbook sheet, read by its header words (docs/formats/grid.md). Columns are mapped by
// grid_headers; each row under the header with a KPI name becomes a KPI, every other
// non-empty row is reported as skipped with the reason.
#include <optional>
#include <string_view>
#include <vector>

#include "kpi/formats/grid_headers.hpp"
#include "kpi/grid/grid.hpp"
#include "kpi/model/sheet.hpp"

namespace kpi::formats::grid_layout {

// CSV or tab-separated text.
// The score sniff gives a grid: below every dedicated layout, the grid is the fallback.
inline constexpr int sniff_score = 3;
int sniff(std::string_view text);
model::ParseOutput parse(std::string_view text, std::string_view path);

// A grid (a workbook sheet). `row_lines` gives the text line of each row for CSV/TSV; empty
// for a workbook, where locations name the row (line = row + 1) and the cell.
// `header`: the sheet's header when the caller has found it already (grid_headers::find_header;
// it is searched otherwise). `threads`: a sheet of many KPIs has their rows' cells read on at
// most that many threads (0: every core); the result is the same.
int sniff_sheet(const grid::Sheet& sheet);
model::ParseOutput parse_sheet(const grid::Sheet& sheet, std::string_view path,
                               const std::vector<int>& row_lines = {},
                               std::optional<grid_headers::HeaderMap> header = std::nullopt,
                               unsigned threads = 0);

// Whether a parse found a KPI table's header and nothing below it: no row read, no KPI and no
// error (a template, or a CSV of its header alone).
bool header_only(const model::ParseOutput& out);

}  // namespace kpi::formats::grid_layout
