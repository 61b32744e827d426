#pragma once
// Whether two reads of a workbook gave the same result: the same error, or sheets equal in
// every cell's kind, texts and formula, merged ranges and hidden rows, columns and sheets.
// "" when they agree, else where they first differ (for a test's or a fuzzer's message).
#include <string>

#include "kpi/grid/workbook_reader.hpp"

namespace kpi::testing {

inline std::string cell_difference(const grid::Cell& a, const grid::Cell& b) {
  if (a.kind != b.kind) return "kind";
  if (a.display != b.display)
    return "display '" + std::string(a.display) + "' vs '" + std::string(b.display) + "'";
  if (a.value != b.value) return "value";
  if (a.formula != b.formula)
    return "formula '" + std::string(a.formula) + "' vs '" + std::string(b.formula) + "'";
  if (a.number_format != b.number_format) return "number format";
  if (a.formula_cached != b.formula_cached) return "formula_cached";
  return "";
}

inline std::string sheet_difference(const grid::Sheet& a, const grid::Sheet& b) {
  if (a.name != b.name || a.hidden != b.hidden) return "name or visibility";
  if (a.rows.size() != b.rows.size())
    return "rows " + std::to_string(a.rows.size()) + " vs " + std::to_string(b.rows.size());
  for (std::size_t r = 0; r < a.rows.size(); ++r) {
    if (a.rows[r].size() != b.rows[r].size()) return "width of row " + std::to_string(r + 1);
    for (std::size_t c = 0; c < a.rows[r].size(); ++c)
      if (auto d = cell_difference(a.rows[r][c], b.rows[r][c]); !d.empty())
        return grid::cell_name(static_cast<int>(r), static_cast<int>(c)) + ": " + d;
  }
  if (a.merged.size() != b.merged.size()) return "merged ranges";
  for (std::size_t i = 0; i < a.merged.size(); ++i)
    if (a.merged[i].first_row != b.merged[i].first_row ||
        a.merged[i].first_col != b.merged[i].first_col ||
        a.merged[i].last_row != b.merged[i].last_row ||
        a.merged[i].last_col != b.merged[i].last_col)
      return "merged range " + std::to_string(i);
  if (a.hidden_rows != b.hidden_rows) return "hidden rows";
  if (a.hidden_cols != b.hidden_cols) return "hidden columns";
  return "";
}

inline std::string workbook_difference(const grid::WorkbookResult& a,
                                       const grid::WorkbookResult& b) {
  if (a.error != b.error) return "error '" + a.error + "' vs '" + b.error + "'";
  if (a.error_where != b.error_where)
    return "error place '" + a.error_where + "' vs '" + b.error_where + "'";
  if (a.book.has_value() != b.book.has_value()) return "book read vs not";
  if (!a.book) return "";
  if (a.book->kind != b.book->kind) return "kind";
  if (a.book->sheets.size() != b.book->sheets.size()) return "sheet count";
  for (std::size_t s = 0; s < a.book->sheets.size(); ++s)
    if (auto d = sheet_difference(a.book->sheets[s], b.book->sheets[s]); !d.empty())
      return a.book->sheets[s].name + "!" + d;
  return "";
}

}  // namespace kpi::testing
