// Fitting a text table to a width: columns at their natural width; when too wide, the few
// long numbers shown compact (with a note), then names cut, then years shortened (R5), then
// one space between columns, then the least important column left out, until it fits.
#include <algorithm>
#include <numeric>

#include "kpi/text/display_width.hpp"
#include "kpi/text/fit_width.hpp"
#include "kpi/util/parallel_runs.hpp"
#include "row_runs.hpp"
#include "text_table_layout.hpp"

namespace kpi::report {
namespace {

struct Measure {
  int natural = 0;  // the width it takes unhindered (within max_width)
  int floor = 0;    // the narrowest it may become (before the last resort)
};

// What the layout needs of a column's cells, found in one pass over the rows (which are not
// held): the widest text and compact form, and for a noted column each cell's two widths,
// to try narrower widths on.
struct ColumnCells {
  int text = 0;      // the widest text
  int compact = 0;   // the widest compact form
  int shortest = 0;  // the widest cell in its shortest form
  bool has_text = false;
  struct Widths {
    int text = 0;
    int compact = -1;  // -1: no compact form
  };
  std::vector<Widths> cells;  // noted: every row's
};

// The columns' cells of the rows [begin, end).
std::vector<ColumnCells> column_cells_of(const TextTable& table, std::size_t begin, std::size_t end,
                                         int ambiguous_width) {
  std::vector<ColumnCells> columns(table.columns.size());
  for_each_row_in(table, begin, end, [&](const std::vector<TextCell>& row) {
    for (std::size_t c = 0; c < columns.size(); ++c) {
      auto& column = columns[c];
      const auto& cell = row[c];
      int w = text::display_width(cell.text, ambiguous_width);
      int cw = cell.compact.empty() ? -1 : text::display_width(cell.compact, ambiguous_width);
      column.has_text = column.has_text || !cell.text.empty();
      column.text = std::max(column.text, w);
      column.compact = std::max(column.compact, cw);
      column.shortest = std::max(column.shortest, cw < 0 ? w : cw);
      if (table.columns[c].fit == Fit::noted) column.cells.push_back({w, cw});
    }
  });
  return columns;
}

// The cells of the rows after those of `into`, added to them.
void add_after(std::vector<ColumnCells>& into, std::vector<ColumnCells>&& after) {
  for (std::size_t c = 0; c < into.size(); ++c) {
    auto& column = into[c];
    auto& more = after[c];
    column.text = std::max(column.text, more.text);
    column.compact = std::max(column.compact, more.compact);
    column.shortest = std::max(column.shortest, more.shortest);
    column.has_text = column.has_text || more.has_text;
    column.cells.insert(column.cells.end(), more.cells.begin(), more.cells.end());
  }
}

// Every row's cells measured: a large table's in runs on its threads, added up in order.
std::vector<ColumnCells> column_cells(const TextTable& table, int ambiguous_width) {
  auto rows = row_total(table);
  unsigned runs = table.make_row ? row_workers(rows, table.threads) : 1;
  std::vector<std::vector<ColumnCells>> parts(runs);
  util::for_each_run(rows, runs, [&](std::size_t begin, std::size_t end) {
    // Run r begins at rows * r / runs (rounded down): r is begin * runs / rows rounded up.
    parts[(begin * runs + rows - 1) / rows] = column_cells_of(table, begin, end, ambiguous_width);
  });
  if (rows == 0) return std::vector<ColumnCells>(table.columns.size());
  auto columns = std::move(parts.front());
  for (std::size_t r = 1; r < parts.size(); ++r) add_after(columns, std::move(parts[r]));
  return columns;
}

int widest_word(const std::string& title, int ambiguous_width) {
  int widest = 0;
  for (const auto& w : title_words(title))
    widest = std::max(widest, text::display_width(w.text, ambiguous_width));
  return widest;
}

// The width that shows most cells whole (four in five of those with text): narrower, a noted
// column would put more notes than rows on the screen; the table leaves a column out instead.
int most_cells_width(const std::vector<ColumnCells::Widths>& cells) {
  std::vector<int> widths;
  for (auto c : cells)
    if (c.text > 0) widths.push_back(c.text);
  if (widths.empty()) return 0;
  auto at = widths.begin() + static_cast<std::ptrdiff_t>((widths.size() - 1) * 4 / 5);
  std::nth_element(widths.begin(), at, widths.end());
  return *at;
}

Measure measure(const TextColumn& column, const ColumnCells& cells, int ambiguous_width) {
  int compact = std::max(cells.compact, 0), shortest = cells.shortest;
  int title = widest_word(column.title, ambiguous_width);
  Measure m;
  m.natural = std::max(title, std::min(cells.text, column.max_width));
  switch (column.fit) {
    case Fit::cut:
      m.floor = std::max(title, column.min_width);
      break;
    case Fit::noted:
      m.floor = std::max({title, column.min_width, compact});
      // Without notes nothing may be cut: a cell without a compact form stays whole.
      m.floor = std::max(m.floor, column.notes ? most_cells_width(cells.cells) : shortest);
      break;
    case Fit::whole:
      m.floor = m.natural;
      break;
  }
  m.natural = std::max(m.natural, m.floor);
  m.floor = std::min(m.floor, m.natural);
  return m;
}

int total(const std::vector<int>& widths, int separator) {
  if (widths.empty()) return 0;
  return std::accumulate(widths.begin(), widths.end(), 0) +
         separator * static_cast<int>(widths.size() - 1);
}

// The order columns give way in: long numbers shown compact with a note (few cells), then
// names cut, then cells shortened without a note (令和5年度 → R5: every row).
int narrowing_phase(const TextColumn& column) {
  if (column.fit == Fit::noted) return column.notes ? 0 : 2;
  return column.fit == Fit::cut ? 1 : -1;
}

// Narrows the columns of `phase` toward their floor, the widest slack first, until the table
// fits `limit`.
void narrow(const TextTable& table, const std::vector<std::size_t>& shown,
            const std::vector<Measure>& measures, int phase, std::vector<int>& widths,
            int separator, int limit) {
  while (total(widths, separator) > limit) {
    std::size_t best = shown.size();
    int best_slack = 0;
    for (std::size_t i = 0; i < shown.size(); ++i) {
      if (narrowing_phase(table.columns[shown[i]]) != phase) continue;
      int slack = widths[i] - measures[shown[i]].floor;
      if (slack > best_slack) best = i, best_slack = slack;
    }
    if (best == shown.size()) return;
    --widths[best];
  }
}

// The widths that fit `limit` with these columns and separator, or empty when none do.
std::vector<int> fitted(const TextTable& table, const std::vector<std::size_t>& shown,
                        const std::vector<Measure>& measures, int separator, int limit) {
  std::vector<int> widths;
  for (auto c : shown) widths.push_back(measures[c].natural);
  for (int phase : {0, 1, 2}) narrow(table, shown, measures, phase, widths, separator, limit);
  if (total(widths, separator) > limit) return {};
  return widths;
}

// Spare columns go to titles that had to break: a column whose whole title fits the
// spare width gets it, the most important first (all of them without a width limit).
void widen_for_titles(const TextTable& table, Layout& layout, const TextStyle& style) {
  int spare = style.width > 0 ? style.width - total(layout.widths, layout.separator) : -1;
  std::vector<std::size_t> order(layout.shown.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](auto a, auto b) {
    return table.columns[layout.shown[a]].priority > table.columns[layout.shown[b]].priority;
  });
  for (auto i : order) {
    int title = text::display_width(table.columns[layout.shown[i]].title, style.ambiguous_width);
    int need = title - layout.widths[i];
    if (need <= 0 || (spare >= 0 && need > spare)) continue;
    layout.widths[i] += need;
    if (spare >= 0) spare -= need;
  }
}

// The columns a shortened column really fills at `width`: when every long cell shows its
// compact form, the rest of the width is padding.
int filled_width(const TextColumn& column, const ColumnCells& cells, int width,
                 int ambiguous_width) {
  int filled = widest_word(column.title, ambiguous_width);
  for (auto [text, compact] : cells.cells) {
    int shown = text <= width ? text : compact >= 0 && compact <= width ? compact : width;
    filled = std::max(filled, shown);
    if (filled >= width) return width;
  }
  return filled;
}

// Narrowed columns down to what they fill; the columns gained go back to cut names.
void tighten(const TextTable& table, const std::vector<ColumnCells>& cells,
             const std::vector<std::size_t>& shown, const std::vector<Measure>& measures,
             std::vector<int>& widths, int separator, int limit, int ambiguous_width) {
  for (std::size_t i = 0; i < shown.size(); ++i)
    if (table.columns[shown[i]].fit == Fit::noted && widths[i] < measures[shown[i]].natural)
      widths[i] =
          filled_width(table.columns[shown[i]], cells[shown[i]], widths[i], ambiguous_width);
  int spare = limit - total(widths, separator);
  for (std::size_t i = 0; i < shown.size() && spare > 0; ++i) {
    if (table.columns[shown[i]].fit != Fit::cut) continue;
    int more = std::min(spare, measures[shown[i]].natural - widths[i]);
    if (more <= 0) continue;
    widths[i] += more;
    spare -= more;
  }
}

std::size_t least_important(const TextTable& table, const std::vector<std::size_t>& shown) {
  std::size_t least = 0;
  for (std::size_t i = 1; i < shown.size(); ++i)
    if (table.columns[shown[i]].priority <= table.columns[shown[least]].priority) least = i;
  return least;
}

}  // namespace

std::vector<TitleWord> title_words(const std::string& title) {
  std::vector<TitleWord> words;
  bool after_space = false;
  for (std::size_t i = 0; i < title.size();) {
    if (title[i] == ' ') {
      after_space = true;
      ++i;
      continue;
    }
    bool opens = title.compare(i, 3, "（") == 0 || title[i] == '(';
    if (words.empty() || after_space || opens) words.push_back({"", after_space});
    auto length = title.compare(i, 3, "（") == 0 ? 3 : 1;
    words.back().text += title.substr(i, static_cast<std::size_t>(length));
    after_space = false;
    i += static_cast<std::size_t>(length);
  }
  return words;
}

std::vector<std::string> title_lines(const std::string& title, int width, int ambiguous_width) {
  std::vector<std::string> lines;
  for (const auto& word : title_words(title)) {
    if (!lines.empty()) {
      auto joined = lines.back() + (word.after_space ? " " : "") + word.text;
      if (text::display_width(joined, ambiguous_width) <= width) {
        lines.back() = joined;
        continue;
      }
    }
    lines.push_back(text::cut_to_width(word.text, width, ambiguous_width));
  }
  if (lines.empty()) lines.emplace_back();
  return lines;
}

Layout choose_layout(const TextTable& table, const TextStyle& style) {
  Layout layout;
  auto cells = column_cells(table, style.ambiguous_width);
  std::vector<Measure> measures;
  for (std::size_t c = 0; c < table.columns.size(); ++c) {
    measures.push_back(measure(table.columns[c], cells[c], style.ambiguous_width));
    if (cells[c].has_text) layout.shown.push_back(c);
  }
  if (style.width <= 0) {
    for (auto c : layout.shown) layout.widths.push_back(measures[c].natural);
    widen_for_titles(table, layout, style);
    return layout;
  }
  while (!layout.shown.empty()) {
    for (int separator : {2, 1}) {
      auto widths = fitted(table, layout.shown, measures, separator, style.width);
      if (!widths.empty()) {
        tighten(table, cells, layout.shown, measures, widths, separator, style.width,
                style.ambiguous_width);
        layout.widths = widths;
        layout.separator = separator;
        widen_for_titles(table, layout, style);
        std::sort(layout.dropped.begin(), layout.dropped.end());
        return layout;
      }
    }
    if (layout.shown.size() == 1) break;
    auto least = least_important(table, layout.shown);
    layout.dropped.push_back(layout.shown[least]);
    layout.shown.erase(layout.shown.begin() + static_cast<std::ptrdiff_t>(least));
  }
  // The last resort: one column, cut to the width.
  layout.widths.assign(layout.shown.size(), style.width);
  std::sort(layout.dropped.begin(), layout.dropped.end());
  return layout;
}

}  // namespace kpi::report
