// Markdown for a CI step summary or a council memo: the summary first, then one table per
// sheet built from the shared observation rows, in the chosen language. Every cell is
// escaped: < > & as entities (GitHub renders inline HTML), | and \ with a backslash, line
// breaks as <br>.
#include <functional>
#include <memory>

#include <fmt/format.h>

#include "kpi/report/escape.hpp"
#include "kpi/report/summary_rows.hpp"
#include "kpi/report/writers.hpp"
#include "kpi/util/thread_count.hpp"
#include "row_runs.hpp"

namespace kpi::report {
namespace {

// A line break (LF, CRLF or a lone CR) as <br>; | and \ with a backslash; the rest as in
// HTML (escape_markup: & < > " ' as entities, other control characters as spaces).
std::string escaped(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  std::size_t plain = 0;
  auto flush = [&](std::size_t end) { out += escape_markup(s.substr(plain, end - plain)); };
  for (std::size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c != '|' && c != '\\' && c != '\r' && c != '\n') continue;
    flush(i);
    plain = i + 1;
    if (c == '|' || c == '\\') out += {'\\', c};
    if (c == '\n' || (c == '\r' && (i + 1 == s.size() || s[i + 1] != '\n'))) out += "<br>";
  }
  flush(s.size());
  return out;
}

// A table's titles, and its rows' escaped cells made on demand (a national sheet's cells are
// never all held): made once to find the columns with text, once to be written.
struct MarkdownTable {
  std::vector<std::string> titles;
  std::vector<Align> aligns;
  std::size_t row_count = 0;
  std::function<void(std::size_t, std::vector<std::string>&)> make_row;
  unsigned threads = 1;  // rows made in runs on this many (make_row called from each)
};

// Calls fn(cells) for each row of [begin, end).
template <class Fn>
void for_each_row_in(const MarkdownTable& table, std::size_t begin, std::size_t end, Fn fn) {
  std::vector<std::string> cells;
  for (auto i = begin; i < end; ++i) {
    cells.clear();
    table.make_row(i, cells);
    fn(cells);
  }
}

// Which columns have text in some row (the first always shown).
std::vector<bool> used_columns(const MarkdownTable& table) {
  std::vector<bool> used(table.titles.size(), false);
  in_row_runs(
      table.row_count, table.threads,
      [&](std::size_t begin, std::size_t end) {
        std::vector<bool> run(table.titles.size(), false);
        for_each_row_in(table, begin, end, [&](const std::vector<std::string>& row) {
          for (std::size_t i = 0; i < row.size(); ++i) run[i] = run[i] || !row[i].empty();
        });
        return run;
      },
      [&](const std::vector<bool>& run) {
        for (std::size_t i = 0; i < used.size(); ++i) used[i] = used[i] || run[i];
      });
  used[0] = true;
  return used;
}

void write(std::ostream& out, const MarkdownTable& table) {
  auto used = used_columns(table);
  std::string header = "|", rule = "|";
  for (std::size_t i = 0; i < table.titles.size(); ++i) {
    if (!used[i]) continue;
    header += " " + escaped(table.titles[i]) + " |";
    rule += table.aligns[i] == Align::right ? "---:|" : "---|";
  }
  out << header << '\n' << rule << '\n';
  in_row_runs(
      table.row_count, table.threads,
      [&](std::size_t begin, std::size_t end) {
        std::string lines;
        for_each_row_in(table, begin, end, [&](const std::vector<std::string>& row) {
          lines += '|';
          for (std::size_t i = 0; i < row.size(); ++i)
            if (used[i]) lines.append(" ").append(row[i]).append(" |");
          lines += '\n';
        });
        return lines;
      },
      [&](const std::string& lines) { out << lines; });
}

MarkdownTable summary_table(const Summary& summary, Lang lang) {
  MarkdownTable table;
  table.titles.emplace_back();
  table.aligns.push_back(Align::left);
  for (const auto& column : summary_columns()) {
    table.titles.emplace_back(term(lang, column.title));
    table.aligns.push_back(column.align);
  }
  auto rows = std::make_shared<std::vector<std::vector<std::string>>>();
  for (const auto& row : summary_rows(summary, lang)) {
    auto& cells = rows->emplace_back();
    auto label = escaped(row.label);
    cells.push_back(row.depth == 0 ? "**" + label + "**" : row.depth == 2 ? "↳ " + label : label);
    for (const auto& column : summary_columns())
      cells.push_back(escaped(column.text(*row.counts, lang)));
  }
  table.row_count = rows->size();
  table.make_row = [rows](std::size_t i, std::vector<std::string>& cells) { cells = (*rows)[i]; };
  return table;
}

MarkdownTable observation_table(const model::Sheet& sheet, const ReportOptions& options) {
  MarkdownTable table;
  auto columns = columns_in_view(options.view);
  for (const auto* column : columns) {
    table.titles.emplace_back(term(options.lang, column->title));
    table.aligns.push_back(column->align);
  }
  auto rows = std::make_shared<std::vector<ObservationRow>>(observation_rows(sheet, options.view));
  auto lang = options.lang;
  table.row_count = rows->size();
  table.threads = util::thread_count(options.jobs);
  table.make_row = [rows, columns, lang](std::size_t i, std::vector<std::string>& cells) {
    const auto& row = (*rows)[i];
    for (const auto* column : columns) {
      auto text = escaped(cell_text(*column, row, lang));
      bool mismatch = column->title == Term::verdict && row.observation &&
                      row.observation->check.verdict == model::Verdict::mismatch;
      cells.push_back(mismatch ? "**" + text + "**" : text);
    }
  };
  return table;
}

}  // namespace

void write_markdown(std::ostream& out, const ReportContext& context) {
  const auto& options = context.options;
  auto lang = options.lang;
  out << "## " << escaped(summary_title(lang, options.view)) << "\n\n";
  write(out, summary_table(context.summary, lang));
  for (const auto& sheet : context.result.sheets) {
    out << "\n## " << escaped(sheet_title(lang, sheet)) << "\n\n";
    if (!sheet.parsed.indicators.empty()) write(out, observation_table(sheet, options));
  }
}

}  // namespace kpi::report
