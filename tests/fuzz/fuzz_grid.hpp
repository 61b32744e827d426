#pragma once
// What the workbook reader fuzz targets assert: an error value or a well-formed grid within
// the limits, never both, and the grid's text rendering works.
#include <algorithm>

#include "fuzz_check.hpp"
#include "kpi/grid/workbook_reader.hpp"

namespace kpi::fuzz {

// Limits small enough that a run stays fast and far below libFuzzer's memory limit.
inline grid::Limits fuzz_limits() {
  grid::Limits limits;
  limits.max_entry_bytes = 8u << 20;
  limits.max_total_bytes = 16u << 20;
  limits.max_cells = 200'000;
  limits.max_text_bytes = 8u << 20;
  limits.max_sheets = 64;
  return limits;
}

inline void check_sorted_below(const std::vector<int>& indexes, std::size_t end) {
  for (std::size_t i = 0; i < indexes.size(); ++i) {
    FUZZ_REQUIRE(indexes[i] >= 0 && static_cast<std::size_t>(indexes[i]) < end);
    FUZZ_REQUIRE(i == 0 || indexes[i - 1] < indexes[i]);
  }
}

inline void check_workbook_result(const grid::WorkbookResult& result, const grid::Limits& limits) {
  FUZZ_REQUIRE(result.book.has_value() == result.error.empty());
  if (!result.book) {
    FUZZ_REQUIRE(result.error.find('\n') == std::string::npos);
    return;
  }
  FUZZ_REQUIRE(result.book->sheets.size() <= limits.max_sheets);
  std::uint64_t cells = 0;
  for (const auto& sheet : result.book->sheets) {
    std::size_t widest = 0;
    for (const auto& row : sheet.rows) {
      cells += row.size() + 1;
      widest = std::max(widest, row.size());
      FUZZ_REQUIRE(row.empty() || !row.back().empty());
    }
    FUZZ_REQUIRE(sheet.rows.empty() || !sheet.rows.back().empty());
    check_sorted_below(sheet.hidden_rows, sheet.rows.size());
    check_sorted_below(sheet.hidden_cols, widest);
    for (const auto& range : sheet.merged) {
      FUZZ_REQUIRE(range.first_row >= 0 && range.first_row <= range.last_row);
      FUZZ_REQUIRE(range.first_col >= 0 && range.first_col <= range.last_col);
    }
    auto tsv = grid::to_tsv(sheet);
    FUZZ_REQUIRE(static_cast<std::size_t>(std::count(tsv.begin(), tsv.end(), '\n')) ==
                 sheet.rows.size());
  }
  FUZZ_REQUIRE(cells <= limits.max_cells);
}

}  // namespace kpi::fuzz
