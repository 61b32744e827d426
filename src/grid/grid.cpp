// The grid model: cell access, A1 names and the tab-separated rendering of a sheet.
#include "kpi/grid/grid.hpp"

#include <algorithm>
#include <cstring>
#include <iterator>

#include "kpi/model/cell_ref.hpp"
#include "kpi/util/parallel_runs.hpp"
#include "kpi/util/thread_count.hpp"

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

const char* TextStore::keep_terminated(std::string_view text) {
  if (text.empty()) return "";
  std::string ended;
  ended.reserve(text.size() + 1);
  ended.append(text).push_back('\0');
  return keep(ended).data();
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

// A cell's display text as one TSV field at `out`: line breaks, tabs and CRs become spaces.
char* put_field(char* out, std::string_view display) {
  for (char c : display) *out++ = c == '\n' || c == '\r' || c == '\t' ? ' ' : c;
  return out;
}

// The cells of a row that go into its line: up to its last one that shows something.
std::size_t shown_cells(const std::vector<Cell>& cells) {
  std::size_t used = cells.size();
  while (used > 0 && cells[used - 1].display.empty()) --used;
  return used;
}

std::size_t line_length(const std::vector<Cell>& cells) {
  std::size_t used = shown_cells(cells);
  std::size_t length = used > 0 ? used : 1;  // tabs between the fields, and the line break
  for (std::size_t c = 0; c < used; ++c) length += cells[c].display.size();
  return length;
}

// From this many rows on, the lines are written in runs on several threads.
constexpr std::size_t parallel_lines_from = 8192;

}  // namespace

std::string to_tsv(const Sheet& sheet, unsigned threads) {
  // Each line's place is known from the lengths, so that runs of rows are written apart.
  std::vector<std::size_t> starts(sheet.rows.size() + 1, 0);
  for (std::size_t r = 0; r < sheet.rows.size(); ++r)
    starts[r + 1] = starts[r] + line_length(sheet.rows[r]);
  std::string out(starts.back(), '\0');
  threads = util::threads_for(sheet.rows.size(), parallel_lines_from, threads);
  util::for_each_run(sheet.rows.size(), threads, [&](std::size_t begin, std::size_t end) {
    for (std::size_t r = begin; r < end; ++r) {
      const auto& cells = sheet.rows[r];
      char* at = out.data() + starts[r];
      for (std::size_t c = 0, used = shown_cells(cells); c < used; ++c) {
        if (c > 0) *at++ = '\t';
        at = put_field(at, cells[c].display);
      }
      *at = '\n';
    }
  });
  return out;
}

}  // namespace kpi::grid
