// The tables of one grid sheet (grid_tables.hpp).
#include "kpi/formats/grid_tables.hpp"

#include <string_view>
#include <utility>

#include "kpi/formats/grid_values.hpp"
#include "kpi/text/number.hpp"
#include "kpi/text/strings.hpp"

namespace kpi::formats::grid_tables {

using grid_headers::HeaderMap;
using grid_headers::Role;

namespace {

// Which role each column has: two headers alike in this head the same rows alike.
std::vector<std::pair<int, Role>> roles_of(const HeaderMap& header) {
  std::vector<std::pair<int, Role>> roles;
  for (const auto& c : header.columns) roles.emplace_back(c.index, c.role);
  return roles;
}

bool is_number_cell(std::string_view text) {
  return text::parse_cell(text, text).value.number.has_value();
}

// Whether the row might be another header: two or more of the table's value cells hold text
// that is no number, the first of them a header word (目標値, 実績値). Data rows fail at their
// first number or word, at a few steps a row.
bool may_be_header(const grid::Sheet& sheet, const HeaderMap& header, int row) {
  int words = 0;
  std::string first;
  for (const auto& c : header.columns) {
    if (c.role != Role::target && c.role != Role::actual && c.role != Role::rate) continue;
    auto cell = cell_text(sheet.at(row, c.index));
    auto text = text::trim(cell);
    if (text.empty() || text::is_no_value(text)) continue;
    if (is_number_cell(text)) return false;
    if (words++ == 0) first = text;
  }
  if (words < 2) return false;
  auto role = grid_headers::read_header(first).role;
  return role == Role::target || role == Role::actual || role == Role::rate ||
         role == Role::final_target || role == Role::baseline;
}

bool holds_a_number(const grid::Sheet& sheet, int first, int end) {
  for (int r = first; r < end && r < static_cast<int>(sheet.rows.size()); ++r)
    for (const auto& c : sheet.rows[static_cast<std::size_t>(r)])
      if (is_number_cell(text::trim(c.display))) return true;
  return false;
}

}  // namespace

// The best header's table, a table above it whose header names its own columns (two tables,
// the second with more columns), and one at each later row that heads the rows below it anew
// (its columns in another order, or the KPI column named otherwise).
std::vector<Table> tables_of(const grid::Sheet& sheet, const grid::MergedIndex& merges,
                             const HeaderMap& best) {
  std::vector<Table> tables;
  for (int r = 0; r < best.first_row; ++r) {
    auto above = grid_headers::header_at(sheet, merges, r);
    if (!above || above->last_row >= best.first_row) continue;
    if (!tables.empty()) tables.back().end_row = above->first_row;
    r = above->last_row;
    tables.push_back({std::move(*above), best.first_row});
  }
  std::erase_if(tables, [&](const Table& t) {
    return !holds_a_number(sheet, t.header.last_row + 1, t.end_row);
  });
  auto rows = static_cast<int>(sheet.rows.size());
  tables.push_back({best, rows});
  if (tables.size() > max_tables) tables.erase(tables.begin(), tables.end() - max_tables);
  const HeaderMap* current = &best;
  auto roles = roles_of(best);
  for (int r = best.last_row + 1; r < rows; ++r) {
    if (!may_be_header(sheet, *current, r)) continue;
    auto next = grid_headers::header_at(sheet, merges, r);
    if (!next || next->first_row <= tables.back().header.last_row) continue;
    if (roles_of(*next) == roles) {  // the same columns again: a repeated header row
      if (const auto* name = next->find(Role::name))
        tables.back().repeated_names.push_back(std::string(cell_text(sheet.at(r, name->index))));
      continue;
    }
    if (tables.size() >= max_tables) break;  // a hostile sheet: the rest is the last table's
    r = next->last_row;
    tables.back().end_row = next->first_row;
    roles = roles_of(*next);
    tables.push_back({std::move(*next), rows});
    current = &tables.back().header;
  }
  return tables;
}

grid::Sheet rows_of(const grid::Sheet& sheet, int first, int end) {
  grid::Sheet part;
  part.name = sheet.name;
  part.hidden = sheet.hidden;
  part.texts = sheet.texts;
  part.merged = sheet.merged;
  part.hidden_rows = sheet.hidden_rows;
  part.hidden_cols = sheet.hidden_cols;
  part.rows.resize(static_cast<std::size_t>(end));
  for (int r = first; r < end; ++r)
    part.rows[static_cast<std::size_t>(r)] = sheet.rows[static_cast<std::size_t>(r)];
  return part;
}

}  // namespace kpi::formats::grid_tables
