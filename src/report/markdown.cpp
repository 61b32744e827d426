// Markdown for a CI step summary or a council memo: the summary first, then one table per
// sheet built from the shared observation rows, in the chosen language. Every cell is
// escaped: < > & as entities (GitHub renders inline HTML), | and \ with a backslash, line
// breaks as <br>.
#include <fmt/format.h>

#include "kpi/report/escape.hpp"
#include "kpi/report/summary_rows.hpp"
#include "kpi/report/writers.hpp"

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

struct MarkdownTable {
  std::vector<std::string> titles;
  std::vector<Align> aligns;
  std::vector<std::vector<std::string>> rows;  // escaped cells
};

void write(std::ostream& out, const MarkdownTable& table) {
  std::vector<bool> used(table.titles.size(), false);
  for (const auto& row : table.rows)
    for (std::size_t i = 0; i < row.size(); ++i) used[i] = used[i] || !row[i].empty();
  used[0] = true;
  std::string header = "|", rule = "|";
  for (std::size_t i = 0; i < table.titles.size(); ++i) {
    if (!used[i]) continue;
    header += " " + escaped(table.titles[i]) + " |";
    rule += table.aligns[i] == Align::right ? "---:|" : "---|";
  }
  out << header << '\n' << rule << '\n';
  for (const auto& row : table.rows) {
    std::string line = "|";
    for (std::size_t i = 0; i < row.size(); ++i)
      if (used[i]) line += " " + row[i] + " |";
    out << line << '\n';
  }
}

MarkdownTable summary_table(const Summary& summary, Lang lang) {
  MarkdownTable table;
  table.titles.emplace_back();
  table.aligns.push_back(Align::left);
  for (const auto& column : summary_columns()) {
    table.titles.emplace_back(term(lang, column.title));
    table.aligns.push_back(column.align);
  }
  for (const auto& row : summary_rows(summary, lang)) {
    auto& cells = table.rows.emplace_back();
    auto label = escaped(row.label);
    cells.push_back(row.depth == 0 ? "**" + label + "**" : row.depth == 2 ? "↳ " + label : label);
    for (const auto& column : summary_columns())
      cells.push_back(escaped(column.text(*row.counts, lang)));
  }
  return table;
}

MarkdownTable observation_table(const model::Sheet& sheet, const ReportOptions& options) {
  MarkdownTable table;
  auto columns = columns_in_view(options.view);
  for (const auto* column : columns) {
    table.titles.emplace_back(term(options.lang, column->title));
    table.aligns.push_back(column->align);
  }
  for (const auto& row : observation_rows(sheet, options.view)) {
    auto& cells = table.rows.emplace_back();
    for (const auto* column : columns) {
      auto text = escaped(cell_text(*column, row, options.lang));
      bool mismatch = column->title == Term::verdict && row.observation &&
                      row.observation->check.verdict == model::Verdict::mismatch;
      cells.push_back(mismatch ? "**" + text + "**" : text);
    }
  }
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
