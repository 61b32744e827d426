// Cell and text budgets of the readers, and the finishing of a read sheet (grid_budget.hpp).
#include "grid_budget.hpp"

#include <algorithm>

#include "cell_ref.hpp"

namespace kpi::grid {

Cell* GridBudget::cell(Sheet& sheet, int row, int col) {
  if (row < 0 || col < 0 || row >= kMaxRows || col >= kMaxCols) {
    error_ = "a cell outside the sheet grid (A1:XFD1048576)";
    return nullptr;
  }
  auto r = static_cast<std::size_t>(row);
  auto c = static_cast<std::size_t>(col);
  std::uint64_t new_rows = r >= sheet.rows.size() ? r + 1 - sheet.rows.size() : 0;
  std::uint64_t row_size = r < sheet.rows.size() ? sheet.rows[r].size() : 0;
  std::uint64_t new_cells = new_rows + (c >= row_size ? c + 1 - row_size : 0);
  if (cells_ + new_cells > limits_.max_cells || over_shared_cells(new_cells)) {
    error_ = "the workbook's grid is larger than " + std::to_string(limits_.max_cells) +
             " cells (cell " + cell_name(row, col) + " of sheet " + sheet.name + ")";
    return nullptr;
  }
  cells_ += new_cells;
  return &sheet.set(row, col);
}

bool GridBudget::charge_text(const Cell& cell) {
  std::uint64_t more = cell.display.size() + cell.value.size() + cell.formula.size();
  text_bytes_ += more;
  if (text_bytes_ <= limits_.max_text_bytes && !over_shared_text(more)) return true;
  error_ = "the workbook holds more than " + std::to_string(limits_.max_text_bytes >> 20) +
           " MiB of cell text";
  return false;
}

bool GridBudget::string_fits(std::size_t current, std::size_t more) {
  if (current + more <= limits_.max_string_bytes) return true;
  error_ = "a text longer than " + std::to_string(limits_.max_string_bytes) + " bytes";
  return false;
}

GridBudget GridBudget::remainder(Shared& shared) const {
  Limits left = limits_;
  left.max_cells -= std::min(cells_, left.max_cells);
  left.max_text_bytes -= std::min(text_bytes_, left.max_text_bytes);
  GridBudget part(left);
  part.shared_ = &shared;
  part.shared_cells_.batch = std::clamp<std::uint64_t>(limits_.max_cells / 64, 1, 4096);
  part.shared_text_.batch = std::clamp<std::uint64_t>(limits_.max_text_bytes / 64, 1, 1u << 20);
  return part;
}

void GridBudget::give_back() {
  if (shared_ != nullptr) {
    shared_->cells -= shared_cells_.charged;
    shared_->text_bytes -= shared_text_.charged;
  }
  cells_ = text_bytes_ = 0;
  shared_cells_ = {shared_cells_.batch};
  shared_text_ = {shared_text_.batch};
}

bool GridBudget::SharedCount::over(std::atomic<std::uint64_t>& tally, std::uint64_t more,
                                   std::uint64_t limit) {
  pending += more;
  if (pending >= batch) {
    seen = tally.fetch_add(pending) + pending;
    charged += pending;
    pending = 0;
  }
  return seen + pending > limit;
}

bool GridBudget::over_shared_cells(std::uint64_t more) {
  return shared_ != nullptr && shared_cells_.over(shared_->cells, more, limits_.max_cells);
}

bool GridBudget::over_shared_text(std::uint64_t more) {
  return shared_ != nullptr && shared_text_.over(shared_->text_bytes, more, limits_.max_text_bytes);
}

bool GridBudget::absorb(std::uint64_t cells, std::uint64_t text_bytes) {
  if (cells_ + cells > limits_.max_cells || text_bytes_ + text_bytes > limits_.max_text_bytes)
    return false;
  cells_ += cells;
  text_bytes_ += text_bytes;
  return true;
}

namespace {

void sort_unique_below(std::vector<int>& indexes, int end) {
  std::sort(indexes.begin(), indexes.end());
  indexes.erase(std::unique(indexes.begin(), indexes.end()), indexes.end());
  indexes.erase(std::lower_bound(indexes.begin(), indexes.end(), end), indexes.end());
}

}  // namespace

void finish_sheet(Sheet& sheet) {
  std::size_t widest = 0;
  for (auto& cells : sheet.rows) {
    while (!cells.empty() && cells.back().empty()) cells.pop_back();
    widest = std::max(widest, cells.size());
  }
  while (!sheet.rows.empty() && sheet.rows.back().empty()) sheet.rows.pop_back();
  sort_unique_below(sheet.hidden_rows, static_cast<int>(sheet.rows.size()));
  sort_unique_below(sheet.hidden_cols, static_cast<int>(widest));
}

}  // namespace kpi::grid
