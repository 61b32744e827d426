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
#include <utility>

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

// The rows of one KPI that name each kind of value (the first row of each), so that a second
// row of a kind is told apart: kinds target, actual and rate; grades are notes.
class KindRows {
 public:
  // The first row naming `kind` before `row`, or nullopt when `row` is the first (it is then
  // remembered). A kind other than target, actual or rate has none.
  std::optional<int> earlier(grid_headers::Role kind, int row);

 private:
  int rows_[3] = {-1, -1, -1};
};

// The label a kind of value is printed with: 目標値, 実績値, 達成率 (評価 for a grade).
std::string_view kind_label(grid_headers::Role kind);

// Whether rows `a` and `b` print the same text in every one of `columns` (each a column and
// its year): a row printed twice.
bool same_values(const grid::Sheet& sheet, int a, int b,
                 std::span<const std::pair<int, int>> columns);

}  // namespace kpi::formats::grid_stacked
