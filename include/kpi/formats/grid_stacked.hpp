#pragma once
// Stacked value rows in a grid (formats/grid.md): years across the columns (R2, R3 … headed
// by the year alone) and each KPI on a few rows, one row a kind of value, told by a column of
// labels (区分: 目標値 / 実績値 / 達成率):
//
//   No │ 指標名       │ 単位 │ 区分   │ R2  │ R3  │ R4
//   1  │ 観光入込客数 │ 万人 │ 目標値 │ 310 │ 320 │ 330
//      │              │      │ 実績値 │ 250 │ 280 │ 300
//
// Pure: reads the grid's cells only.
#include <optional>
#include <span>
#include <string_view>

#include "kpi/formats/grid_headers.hpp"
#include "kpi/grid/grid.hpp"

namespace kpi::formats::grid_stacked {

// The kind of value a label cell names: target (目標, 目標値, 計画), actual (実績, 実績値,
// 現況値), rate (達成率, 進捗率, 達成度) or grade (評価); none for anything else.
grid_headers::Role kind_of(std::string_view label);

// The column of kind labels below the header (rows first_row on): the first of `candidates`
// most of whose filled cells (at least two, one of them an actual) are kind labels; nullopt
// when none is.
std::optional<int> kind_column(const grid::Sheet& sheet, int first_row,
                               std::span<const int> candidates);

}  // namespace kpi::formats::grid_stacked
