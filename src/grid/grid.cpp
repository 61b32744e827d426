#include "kpi/grid/grid.hpp"

namespace kpi::grid {

const Cell* Sheet::at(int row, int col) const {
  if (row < 0 || col < 0 || row >= static_cast<int>(rows.size())) return nullptr;
  const auto& r = rows[static_cast<std::size_t>(row)];
  if (col >= static_cast<int>(r.size())) return nullptr;
  return &r[static_cast<std::size_t>(col)];
}

Cell& Sheet::set(int row, int col) {
  if (row >= static_cast<int>(rows.size())) rows.resize(static_cast<std::size_t>(row) + 1);
  auto& r = rows[static_cast<std::size_t>(row)];
  if (col >= static_cast<int>(r.size())) r.resize(static_cast<std::size_t>(col) + 1);
  return r[static_cast<std::size_t>(col)];
}

std::string column_name(int col) {
  std::string name;
  for (int c = col + 1; c > 0; c = (c - 1) / 26)
    name.insert(name.begin(), static_cast<char>('A' + (c - 1) % 26));
  return name;
}

std::string cell_name(int row, int col) { return column_name(col) + std::to_string(row + 1); }

namespace {

void append_flat(std::string& out, const std::string& text) {
  for (char c : text) out.push_back(c == '\n' || c == '\r' || c == '\t' ? ' ' : c);
}

}  // namespace

std::string to_tsv(const Sheet& sheet) {
  std::string out;
  for (const auto& row : sheet.rows) {
    for (std::size_t c = 0; c < row.size(); ++c) {
      if (c) out.push_back('\t');
      append_flat(out, row[c].display);
    }
    out.push_back('\n');
  }
  return out;
}

}  // namespace kpi::grid
