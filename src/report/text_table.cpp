// Rendering a text table: header (titles on up to two lines), a rule, the rows, and under a
// row the whole text of each cell that had to be shown shortened.
#include "kpi/report/text_table.hpp"

#include <algorithm>
#include <ostream>

#include "kpi/text/display_width.hpp"
#include "kpi/text/fit_width.hpp"
#include "row_runs.hpp"
#include "text_table_layout.hpp"

namespace kpi::report {
namespace {

// `content`, `used` columns wide, padded to `width`.
std::string padded(const std::string& content, int used, int width, Align align,
                   const std::string& color, const TextStyle& style) {
  std::string pad(static_cast<std::size_t>(std::max(0, width - used)), ' ');
  auto painted = style.color && !color.empty() && !content.empty()
                     ? "\x1b[" + color + "m" + content + "\x1b[0m"
                     : content;
  return align == Align::right ? pad + painted : painted + pad;
}

std::string joined(const std::vector<std::string>& cells, int separator) {
  std::string line;
  for (std::size_t i = 0; i < cells.size(); ++i) {
    if (i) line.append(static_cast<std::size_t>(separator), ' ');
    line += cells[i];
  }
  while (!line.empty() && line.back() == ' ') line.pop_back();
  return line;
}

// Where rendered lines go: collected, or written out one by one.
using LineSink = std::function<void(std::string)>;

void add_header(const TextTable& table, const Layout& layout, const TextStyle& style,
                const LineSink& line_out) {
  std::vector<std::vector<std::string>> titles;
  std::size_t height = 1;
  for (std::size_t i = 0; i < layout.shown.size(); ++i) {
    titles.push_back(
        title_lines(table.columns[layout.shown[i]].title, layout.widths[i], style.ambiguous_width));
    height = std::max(height, titles.back().size());
  }
  for (std::size_t line = 0; line < height; ++line) {
    std::vector<std::string> cells;
    for (std::size_t i = 0; i < layout.shown.size(); ++i) {
      auto offset = height - titles[i].size();  // titles sit on the rule
      auto title = line >= offset ? titles[i][line - offset] : "";
      cells.push_back(padded(title, text::display_width(title, style.ambiguous_width),
                             layout.widths[i], table.columns[layout.shown[i]].align, "", style));
    }
    line_out(joined(cells, layout.separator));
  }
  std::vector<std::string> rule;
  for (int w : layout.widths) rule.emplace_back(static_cast<std::size_t>(w), '-');
  line_out(joined(rule, layout.separator));
}

// A cell as it fits its column: the text shown, its width, and whether the whole text needs
// a note.
struct FittedCell {
  std::string text;
  int used = 0;
  bool shortened = false;
};

FittedCell fitted_cell(const TextCell& cell, const TextColumn& column, int width,
                       const TextStyle& style) {
  int whole = text::display_width(cell.text, style.ambiguous_width);
  if (whole <= width) return {cell.text, whole, false};
  bool shortened = column.fit != Fit::cut && column.notes;
  if (column.fit == Fit::noted && !cell.compact.empty()) {
    int compact = text::display_width(cell.compact, style.ambiguous_width);
    if (compact <= width) return {cell.compact, compact, shortened};
  }
  auto cut = text::cut_to_width(cell.text, width, style.ambiguous_width);
  int used = text::display_width(cut, style.ambiguous_width);
  return {std::move(cut), used, shortened};
}

void add_row(const TextTable& table, const Layout& layout, const std::vector<TextCell>& row,
             const TextStyle& style, const LineSink& line_out) {
  std::vector<std::string> cells, notes;
  for (std::size_t i = 0; i < layout.shown.size(); ++i) {
    const auto& column = table.columns[layout.shown[i]];
    const auto& cell = row[layout.shown[i]];
    auto fitted = fitted_cell(cell, column, layout.widths[i], style);
    cells.push_back(
        padded(fitted.text, fitted.used, layout.widths[i], column.align, cell.color, style));
    if (fitted.shortened && style.note) notes.push_back(style.note(column.title, cell.text));
  }
  line_out(joined(cells, layout.separator));
  for (const auto& note : notes)
    for (auto& line : wrap_for("    " + note, style, 6)) line_out(std::move(line));
}

// The rows' lines to `line_out` in order: a large table's rendered in runs on its threads.
void add_rows(const TextTable& table, const Layout& layout, const TextStyle& style,
              const LineSink& line_out) {
  in_row_runs(
      row_total(table), table.make_row ? table.threads : 1,
      [&](std::size_t begin, std::size_t end) {
        std::vector<std::string> lines;
        LineSink keep = [&](std::string line) { lines.push_back(std::move(line)); };
        for_each_row_in(table, begin, end, [&](const std::vector<TextCell>& row) {
          add_row(table, layout, row, style, keep);
        });
        return lines;
      },
      [&](std::vector<std::string> lines) {
        for (auto& line : lines) line_out(std::move(line));
      });
}

// The table's lines to `line_out` in order; the titles of the columns left out.
std::vector<std::string> render(const TextTable& table, const TextStyle& style,
                                const LineSink& line_out) {
  auto layout = choose_layout(table, style);
  std::vector<std::string> dropped;
  for (auto c : layout.dropped) dropped.push_back(table.columns[c].title);
  if (layout.shown.empty()) return dropped;
  add_header(table, layout, style, line_out);
  add_rows(table, layout, style, line_out);
  return dropped;
}

}  // namespace

RenderedTable render_text_table(const TextTable& table, const TextStyle& style) {
  RenderedTable out;
  out.dropped =
      render(table, style, [&](std::string line) { out.lines.push_back(std::move(line)); });
  return out;
}

std::vector<std::string> write_text_table(std::ostream& out, const TextTable& table,
                                          const TextStyle& style) {
  return render(table, style, [&](const std::string& line) { out << line << '\n'; });
}

std::vector<std::string> wrap_for(const std::string& text, const TextStyle& style, int indent) {
  if (style.width <= 0) return {text};
  if (style.width - indent < 8) indent = 0;
  auto lines = text::wrap_to_width(text, style.width, style.ambiguous_width, style.width - indent);
  for (std::size_t i = 1; i < lines.size(); ++i)
    lines[i] = std::string(static_cast<std::size_t>(indent), ' ') + lines[i];
  return lines;
}

}  // namespace kpi::report
