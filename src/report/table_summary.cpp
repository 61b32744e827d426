// The summary as a text table for the terminal.
#include "kpi/report/summary_rows.hpp"
#include "table_parts.hpp"

namespace kpi::report {
namespace {

// Grades go first, then the pace, then the wrong published rates.
int summary_priority(Term title) {
  switch (title) {
    case Term::grade:
      return 10;
    case Term::pace:
      return 20;
    case Term::wrong_rates:
      return 30;
    default:
      return 90;
  }
}

}  // namespace

TextTable summary_text_table(const Summary& summary, Lang lang) {
  TextTable table;
  table.columns.push_back({"", Align::left, Fit::cut, 100, 20, 40});
  for (const auto& column : summary_columns())
    table.columns.push_back({std::string(term(lang, column.title)), column.align, Fit::whole,
                             summary_priority(column.title), 1, 24});
  for (const auto& row : summary_rows(summary, lang)) {
    auto& cells = table.rows.emplace_back();
    auto indent = std::string(static_cast<std::size_t>(2 * row.depth), ' ');
    cells.push_back({indent + one_line(row.label), "", ""});
    for (const auto& column : summary_columns())
      cells.push_back({column.text(*row.counts, lang), "", ""});
  }
  return table;
}

}  // namespace kpi::report
