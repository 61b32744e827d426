// The grid model: cell access, A1 names and the tab-separated rendering of a sheet.
#include "kpi/grid/grid.hpp"

#include <algorithm>
#include <cstring>
#include <iterator>

#include "kpi/model/cell_ref.hpp"

namespace kpi::grid {

namespace {

constexpr std::size_t kBlockBytes = 256 * 1024;

}  // namespace

std::string_view TextStore::keep(std::string_view text) {
  if (text.empty()) return {};
  if (text.size() > room_) {
    // A long text gets a block of its own; the current block stays open for short ones.
    std::size_t size = text.size() > kBlockBytes / 4 ? text.size() : kBlockBytes;
    blocks_.push_back(std::make_unique_for_overwrite<char[]>(size));
    bytes_ += size;
    if (size != kBlockBytes) {
      std::memcpy(blocks_.back().get(), text.data(), text.size());
      return {blocks_.back().get(), text.size()};
    }
    next_ = blocks_.back().get();
    room_ = size;
  }
  char* at = next_;
  std::memcpy(at, text.data(), text.size());
  next_ += text.size();
  room_ -= text.size();
  return {at, text.size()};
}

void TextStore::adopt(TextStore&& other) {
  // Where short texts go next (next_, room_) stays as it was.
  blocks_.insert(blocks_.end(), std::make_move_iterator(other.blocks_.begin()),
                 std::make_move_iterator(other.blocks_.end()));
  bytes_ += other.bytes_;
  other.blocks_.clear();
  other.next_ = nullptr;
  other.room_ = other.bytes_ = 0;
}

const Cell* Sheet::at(int row, int col) const {
  if (row < 0 || col < 0 || row >= static_cast<int>(rows.size())) return nullptr;
  const auto& cells = rows[static_cast<std::size_t>(row)];
  if (col >= static_cast<int>(cells.size())) return nullptr;
  return &cells[static_cast<std::size_t>(col)];
}

Cell& Sheet::set(int row, int col) {
  auto r = static_cast<std::size_t>(row);
  auto c = static_cast<std::size_t>(col);
  if (rows.size() <= r) rows.resize(r + 1);
  auto& cells = rows[r];
  if (cells.size() <= c) cells.resize(c + 1);
  return cells[c];
}

MergedIndex::MergedIndex(const Sheet& sheet, std::size_t budget)
    : sheet_(&sheet), by_row_(sheet.rows.size()) {
  int rows = static_cast<int>(sheet.rows.size());
  for (std::size_t i = 0; i < sheet.merged.size() && budget > 0; ++i) {
    const auto& m = sheet.merged[i];
    for (int r = std::max(0, m.first_row); r <= m.last_row && r < rows && budget > 0; ++r, --budget)
      by_row_[static_cast<std::size_t>(r)].push_back(static_cast<std::uint32_t>(i));
  }
}

const Range* MergedIndex::at(int row, int col) const {
  if (row < 0 || row >= static_cast<int>(by_row_.size())) return nullptr;
  for (auto i : by_row_[static_cast<std::size_t>(row)]) {
    const auto& m = sheet_->merged[i];
    if (col >= m.first_col && col <= m.last_col) return &m;
  }
  return nullptr;
}

std::string column_name(int col) {
  std::string name;
  if (col >= 0) model::append_column_name(name, static_cast<std::uint32_t>(col) + 1);
  return name;
}

std::string cell_name(int row, int col) {
  return model::CellRef::at(row, col).text();
}

namespace {

// A cell's display text on one TSV field: line breaks, tabs and CRs become spaces.
void append_field(std::string& out, std::string_view display) {
  std::size_t start = out.size();
  out.append(display);
  for (std::size_t i = start; i < out.size(); ++i)
    if (out[i] == '\n' || out[i] == '\r' || out[i] == '\t') out[i] = ' ';
}

}  // namespace

std::string to_tsv(const Sheet& sheet) {
  std::size_t size = 0;
  for (const auto& cells : sheet.rows) {
    size += cells.size() + 1;
    for (const auto& cell : cells) size += cell.display.size();
  }
  std::string out;
  out.reserve(size);
  for (const auto& cells : sheet.rows) {
    std::size_t used = cells.size();
    while (used > 0 && cells[used - 1].display.empty()) --used;
    for (std::size_t c = 0; c < used; ++c) {
      if (c > 0) out.push_back('\t');
      append_field(out, cells[c].display);
    }
    out.push_back('\n');
  }
  return out;
}

}  // namespace kpi::grid
