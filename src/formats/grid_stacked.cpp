#include "kpi/formats/grid_stacked.hpp"

#include <algorithm>

#include "kpi/formats/grid_values.hpp"
#include "kpi/text/normalize.hpp"
#include "kpi/text/strings.hpp"

namespace kpi::formats::grid_stacked {

using grid_headers::Role;

namespace {

// Rows looked at to find the label column: a table shows its pattern at once.
constexpr int rows_sampled = 200;

}  // namespace

Role kind_of(std::string_view label) {
  auto t = text::normalize(text::trim(label));
  if (t.empty() || t.size() > 18) return Role::none;  // a label is a word, not a note
  if (text::contains(t, "計画")) return Role::target;
  auto role = grid_headers::read_normalized_header(t).role;
  switch (role) {
    case Role::target:
    case Role::final_target:
      return Role::target;
    case Role::actual:
    case Role::rate:
    case Role::grade:
      return role;
    default:
      return Role::none;
  }
}

std::optional<int> kind_column(const grid::Sheet& sheet, int first_row,
                               std::span<const int> candidates) {
  int end = std::min(static_cast<int>(sheet.rows.size()), first_row + rows_sampled);
  for (int col : candidates) {
    int filled = 0, kinds = 0, actuals = 0;
    for (int r = first_row; r < end; ++r) {
      auto text = cell_text(sheet.at(r, col));
      if (text.empty()) continue;
      ++filled;
      auto kind = kind_of(text);
      kinds += kind != Role::none;
      actuals += kind == Role::actual;
    }
    if (kinds >= 2 && actuals >= 1 && 2 * kinds > filled) return col;
  }
  return std::nullopt;
}

std::optional<int> KindRows::earlier(Role kind, int row) {
  int slot = kind == Role::target ? 0 : kind == Role::actual ? 1 : kind == Role::rate ? 2 : -1;
  if (slot < 0) return std::nullopt;
  int& first = rows_[slot];
  if (first < 0) {
    first = row;
    return std::nullopt;
  }
  return first;
}

std::string_view kind_label(Role kind) {
  switch (kind) {
    case Role::target:
      return "目標値";
    case Role::actual:
      return "実績値";
    case Role::rate:
      return "達成率";
    default:
      return "評価";
  }
}

bool same_values(const grid::Sheet& sheet, int a, int b,
                 std::span<const std::pair<int, int>> columns) {
  for (auto [col, year] : columns)
    if (cell_text(sheet.at(a, col)) != cell_text(sheet.at(b, col))) return false;
  return true;
}

}  // namespace kpi::formats::grid_stacked
