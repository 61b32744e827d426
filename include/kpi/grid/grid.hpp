#pragma once
// One grid model for every tabular input: a workbook sheet (.xlsx/.xlsm, .xls, .ods) or a
// CSV/TSV text. The grid layer is the one place that knows cells; layouts read KPIs from
// it (src/formats/grid_layout.cpp) or from its text rendering (to_tsv) when they were
// written for tab-separated exports (Toyama, Joetsu).
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace kpi::grid {

enum class CellKind : std::uint8_t { empty, text, number, boolean, date, error };

// The bytes cells' texts point into: appended in blocks that never move, released with the
// last sheet holding the store. One store serves a whole workbook (its shared strings and
// number formats are viewed by every sheet), so a text repeated in many cells is kept once.
class TextStore {
 public:
  // A view of a copy of `text` that lives as long as the store; "" costs nothing.
  std::string_view keep(std::string_view text);
  // The same ended by a NUL, for a FormatCode; "" costs nothing.
  const char* keep_terminated(std::string_view text);
  std::size_t bytes() const { return bytes_; }  // held in blocks
  // Takes over the other store's blocks: views into them stay valid, now as long as this one.
  void adopt(TextStore&& other);

 private:
  std::vector<std::unique_ptr<char[]>> blocks_;
  char* next_ = nullptr;
  std::size_t room_ = 0;
  std::size_t bytes_ = 0;
};

// A number format code ended by a NUL: kept by a TextStore (keep_terminated) or a literal.
// One pointer, not a view, so that a cell is 64 bytes: a row of 18 cells fits an allocator's
// size class of 1,280 bytes, where 72-byte cells took one of 1,536 (docs/performance.md).
class FormatCode {
 public:
  constexpr FormatCode() = default;
  constexpr FormatCode(const char* code) : code_(code) {}  // NOLINT: a literal or a kept text
  std::string_view view() const { return code_; }
  operator std::string_view() const { return code_; }  // NOLINT: passes where a code is read
  bool empty() const { return *code_ == '\0'; }
  friend bool operator==(FormatCode a, FormatCode b) { return a.view() == b.view(); }
  friend bool operator==(FormatCode a, std::string_view b) { return a.view() == b; }
  friend bool operator==(FormatCode a, const char* b) { return a.view() == b; }

 private:
  const char* code_ = "";
};

// A cell's texts are views: into the sheet's TextStore (Sheet::keep), or string literals.
struct Cell {
  CellKind kind = CellKind::empty;
  bool formula_cached = true;  // false: a formula cell stored without its computed value
  // What the application shows under the cell's number format ("79", "143.3%", "11,499",
  // "令和5年4月1日"); a line break typed in the cell (Alt+Enter) stays "\n".
  std::string_view display;
  // The stored value: for numbers the decimal text as stored in the file ("79.2",
  // "0.91666666666666663"), for text the string, for booleans "TRUE"/"FALSE", for dates the
  // serial number as stored, for errors "#DIV/0!". Empty for empty cells.
  std::string_view value;
  std::string_view formula;  // "=ROUND(I5/H5,3)", empty when the cell holds no formula
  FormatCode number_format;  // "0.0%", "#,##0", "General", "" when unknown (.xls, CSV)

  bool empty() const { return kind == CellKind::empty && formula.empty(); }
};

// A rectangle of merged cells, 0-based inclusive; the value lives in its top-left cell.
struct Range {
  int first_row = 0, first_col = 0, last_row = 0, last_col = 0;
};

struct Sheet {
  std::string name;     // sheet tab name ("KPI進捗"); "" for CSV/TSV
  bool hidden = false;  // a hidden (or very hidden) sheet
  // rows[r][c]: 0-based; rows and row vectors end at their last non-empty cell.
  std::vector<std::vector<Cell>> rows;
  std::vector<Range> merged;
  std::vector<int> hidden_rows;  // 0-based, ascending
  std::vector<int> hidden_cols;  // 0-based, ascending
  // What the cells' texts point into; shared by the sheets of a workbook (and by copies).
  std::shared_ptr<TextStore> texts = std::make_shared<TextStore>();

  // A view of a copy of `text` kept as long as the sheet (for a cell's texts).
  std::string_view keep(std::string_view text) { return texts->keep(text); }
  const char* keep_terminated(std::string_view text) { return texts->keep_terminated(text); }
  const Cell* at(int row, int col) const;  // nullptr outside the stored cells
  Cell& set(int row, int col);             // grows rows as needed
};

struct Workbook {
  std::string kind;           // "xlsx", "xls", "ods", "csv", "tsv"
  std::vector<Sheet> sheets;  // in workbook order, hidden ones included
};

// The merged ranges of a sheet by row: which range holds a cell, in time proportional to the
// ranges on its row (a sheet may hold millions of merges). Ranges are clipped to the stored
// rows; past `budget` row entries the rest are not indexed (a hostile file, not a table).
class MergedIndex {
 public:
  explicit MergedIndex(const Sheet& sheet, std::size_t budget = 8'000'000);
  const Range* at(int row, int col) const;  // nullptr when (row, col) is in no merged range

 private:
  const Sheet* sheet_;
  std::vector<std::vector<std::uint32_t>> by_row_;
};

// "A1"-style name of a 0-based cell: cell_name(21, 15) == "P22".
std::string cell_name(int row, int col);
// "P" for column 15; "AA" for 26.
std::string column_name(int col);

// Tab-separated text of a sheet as Excel's "save as text" writes it: one line per row
// (line n = row n, 1-based, empty rows kept as empty lines), cells' display text, line
// breaks, tabs and carriage returns inside a cell turned into spaces, merged ranges holding
// their text in the top-left cell only.
std::string to_tsv(const Sheet& sheet, unsigned threads = 1);  // a large sheet on `threads`

}  // namespace kpi::grid
