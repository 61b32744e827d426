// Fitting a text table to a width: columns at their natural width; when too wide, the few
// long numbers shown compact (with a note), then names cut, then years shortened (R5), then
// one space between columns, then the least important column left out, until it fits.
#include <algorithm>
#include <numeric>

#include "kpi/text/display_width.hpp"
#include "kpi/text/fit_width.hpp"
#include "text_table_layout.hpp"

namespace kpi::report {
namespace {

struct Measure {
  int natural = 0;  // the width it takes unhindered (within max_width)
  int floor = 0;    // the narrowest it may become (before the last resort)
};

int widest_word(const std::string& title, int ambiguous_width) {
  int widest = 0;
  for (const auto& w : title_words(title))
    widest = std::max(widest, text::display_width(w.text, ambiguous_width));
  return widest;
}

// The width that shows most cells whole (four in five): narrower, a noted column would put
// more notes than rows on the screen; the table leaves a column out instead.
int most_cells_width(std::vector<int> widths) {
  if (widths.empty()) return 0;
  std::sort(widths.begin(), widths.end());
  return widths[(widths.size() - 1) * 4 / 5];
}

Measure measure(const TextTable& table, std::size_t c, int ambiguous_width) {
  const auto& column = table.columns[c];
  int text = 0, compact = 0, shortest = 0;  // shortest: each cell in its shortest form
  std::vector<int> widths;
  for (const auto& row : table.rows) {
    int w = text::display_width(row[c].text, ambiguous_width);
    int cw = text::display_width(row[c].compact, ambiguous_width);
    if (w > 0) widths.push_back(w);
    text = std::max(text, w);
    compact = std::max(compact, cw);
    shortest = std::max(shortest, row[c].compact.empty() ? w : cw);
  }
  int title = widest_word(column.title, ambiguous_width);
  Measure m;
  m.natural = std::max(title, std::min(text, column.max_width));
  switch (column.fit) {
    case Fit::cut:
      m.floor = std::max(title, column.min_width);
      break;
    case Fit::noted:
      m.floor = std::max({title, column.min_width, compact});
      // Without notes nothing may be cut: a cell without a compact form stays whole.
      m.floor = std::max(m.floor, column.notes ? most_cells_width(widths) : shortest);
      break;
    case Fit::whole:
      m.floor = m.natural;
      break;
  }
  m.natural = std::max(m.natural, m.floor);
  m.floor = std::min(m.floor, m.natural);
  return m;
}

bool has_text(const TextTable& table, std::size_t c) {
  return std::any_of(table.rows.begin(), table.rows.end(),
                     [c](const auto& row) { return !row[c].text.empty(); });
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
int filled_width(const TextTable& table, std::size_t c, int width, int ambiguous_width) {
  int filled = widest_word(table.columns[c].title, ambiguous_width);
  for (const auto& row : table.rows) {
    int text = text::display_width(row[c].text, ambiguous_width);
    int compact = text::display_width(row[c].compact, ambiguous_width);
    int shown = text <= width                                 ? text
                : !row[c].compact.empty() && compact <= width ? compact
                                                              : width;
    filled = std::max(filled, shown);
    if (filled >= width) return width;
  }
  return filled;
}

// Narrowed columns down to what they fill; the columns gained go back to cut names.
void tighten(const TextTable& table, const std::vector<std::size_t>& shown,
             const std::vector<Measure>& measures, std::vector<int>& widths, int separator,
             int limit, int ambiguous_width) {
  for (std::size_t i = 0; i < shown.size(); ++i)
    if (table.columns[shown[i]].fit == Fit::noted && widths[i] < measures[shown[i]].natural)
      widths[i] = filled_width(table, shown[i], widths[i], ambiguous_width);
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
  std::vector<Measure> measures;
  for (std::size_t c = 0; c < table.columns.size(); ++c) {
    measures.push_back(measure(table, c, style.ambiguous_width));
    if (has_text(table, c)) layout.shown.push_back(c);
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
        tighten(table, layout.shown, measures, widths, separator, style.width,
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
