#pragma once
// A table of text for a terminal: columns chosen and sized to fit a width, every line within
// it, every row aligned. Knows nothing of KPIs (table.cpp and table_summary.cpp fill it).
#include <cstddef>
#include <functional>
#include <iosfwd>
#include <string>
#include <vector>

#include "kpi/report/rows.hpp"

namespace kpi::report {

// How a column gives way when the table is wider than the terminal.
enum class Fit {
  cut,    // text cut with "…" down to min_width (names); nothing more is said
  noted,  // numbers: a cell too wide shows its compact form (the parsed number), or is cut
          // with "…" down to min_width; either way its whole text goes on a note line
  whole,  // never narrower than its widest cell (ids, verdicts); only past max_width noted
};

struct TextColumn {
  std::string title;  // breaks onto two header lines at a space or before "（"
  Align align = Align::left;
  Fit fit = Fit::whole;
  int priority = 0;    // when columns must go, the lowest goes first (ties: the rightmost)
  int min_width = 1;   // cut, noted: the narrowest it becomes
  int max_width = 40;  // the widest it grows to, also without a width limit
  bool notes = true;   // noted: a shortened cell gets a note line (false: the compact form
                       // says it all, as R5 for 令和5年度)
};

struct TextCell {
  std::string text;
  std::string compact;  // noted columns: shown when `text` does not fit ("" = none)
  std::string color;    // ANSI SGR parameters ("33", "1;31") when colour is on; "" = none
};

// A table's rows are held (`rows`, a small table), or made when they are needed: `make_row`
// fills the cells of row i < row_count. A table is measured, then printed, each a pass over
// its rows, so a made row is made twice and no more than one is held at a time (a national
// sheet has hundreds of thousands).
struct TextTable {
  std::vector<TextColumn> columns;
  std::vector<std::vector<TextCell>> rows;  // one cell per column
  std::size_t row_count = 0;                // rows made by make_row (when it is set)
  std::function<void(std::size_t, std::vector<TextCell>&)> make_row;
  // make_row's rows measured and rendered in runs on this many threads (make_row is then called
  // from several at once), written in order.
  unsigned threads = 1;
};

// The number of rows, held or made.
inline std::size_t row_total(const TextTable& table) {
  return table.make_row ? table.row_count : table.rows.size();
}

// fn(cells) for the rows [begin, end) of `table` in order: its held rows, or each made in turn
// into one reused list of cells.
template <typename Fn>
void for_each_row_in(const TextTable& table, std::size_t begin, std::size_t end, Fn fn) {
  if (!table.make_row) {
    for (auto i = begin; i < end; ++i) fn(table.rows[i]);
    return;
  }
  std::vector<TextCell> cells;
  for (auto i = begin; i < end; ++i) {
    cells.clear();
    table.make_row(i, cells);
    fn(cells);
  }
}

// fn(cells) for every row of `table` in order.
template <typename Fn>
void for_each_row(const TextTable& table, Fn fn) {
  for_each_row_in(table, 0, row_total(table), fn);
}

struct TextStyle {
  int width = 0;  // terminal columns; 0 = no limit
  int ambiguous_width = 1;
  bool color = false;
  // The note line under a row for a cell shown shortened: (column title, whole text) → line.
  std::function<std::string(const std::string&, const std::string&)> note;
};

struct RenderedTable {
  std::vector<std::string> lines;    // header, rule, rows with their notes; no newlines
  std::vector<std::string> dropped;  // titles of the columns left out to fit the width
};

// Columns whose cells are all empty are left out (not counted as dropped).
RenderedTable render_text_table(const TextTable& table, const TextStyle& style);
// The same lines written to `out` as they are made, each with a newline (a table of any size
// in the memory of one row); returns the titles of the columns left out.
std::vector<std::string> write_text_table(std::ostream& out, const TextTable& table,
                                          const TextStyle& style);

// Every line of `text` wrapped to the style's width (unchanged without a limit), the lines
// after the first indented by `indent` spaces.
std::vector<std::string> wrap_for(const std::string& text, const TextStyle& style, int indent = 2);

}  // namespace kpi::report
