// The observation rows of a sheet as a text table for the terminal.

#include <memory>

#include "kpi/report/number_text.hpp"
#include "kpi/util/thread_count.hpp"
#include "table_parts.hpp"

namespace kpi::report {

std::string one_line(std::string text) {
  for (auto& c : text)
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) c = ' ';
  return text;
}

namespace {

// How each shared column gives way in a narrow terminal. Priority: the lowest goes first.
struct ColumnFit {
  Term term;
  Fit fit;
  int priority;
  int min_width;
  int max_width;
};

constexpr ColumnFit column_fits[] = {
    {Term::id, Fit::whole, 100, 1, 24},
    {Term::kpi, Fit::cut, 90, 20, 40},
    {Term::unit, Fit::cut, 20, 4, 12},
    {Term::direction, Fit::whole, 10, 1, 20},
    {Term::baseline, Fit::noted, 30, 6, 16},
    {Term::fiscal_year, Fit::noted, 95, 1, 12},  // rows of several years need it
    {Term::target, Fit::noted, 60, 6, 18},
    {Term::actual, Fit::noted, 65, 6, 16},
    {Term::published_rate, Fit::noted, 50, 6, 10},
    {Term::recomputed_rate, Fit::noted, 80, 6, 10},
    {Term::verdict, Fit::whole, 70, 1, 16},
    {Term::status, Fit::whole, 85, 1, 12},
    {Term::grade, Fit::whole, 40, 1, 8},
    {Term::change, Fit::noted, 35, 4, 12},
    {Term::pace, Fit::whole, 45, 1, 12},
};

ColumnFit fit_of(Term term) {
  for (const auto& f : column_fits)
    if (f.term == term) return f;
  return {term, Fit::cut, 5, 4, 20};  // a column added later: first to go
}

bool is_rate(Term term) {
  return term == Term::published_rate || term == Term::recomputed_rate;
}

// The parsed number shown when the printed text does not fit ("23,000" for "クラフト市 …
// 23,000"); a final target keeps its mark.
std::string compact_of(const RowColumn& column, const ObservationRow& row, Lang lang) {
  if (column.title == Term::fiscal_year)  // 令和5年度 → R5
    return row.observation && lang == Lang::ja ? fiscal_year_short(row.observation->fiscal_year)
                                               : "";
  if (!column.number) return "";
  auto number = column.number(row);
  if (!number) return "";
  auto text = grouped_number(*number);
  if (is_rate(column.title)) text += "%";
  if (column.title == Term::target && row.target_is_final)
    text += std::string(term(lang, Term::final_target_mark));
  return text;
}

std::string color_of(const RowColumn& column, const ObservationRow& row) {
  if (!row.observation) return "";
  const auto& o = *row.observation;
  bool behind = o.outcome.status == model::Status::behind;
  bool mismatch = o.check.verdict == model::Verdict::mismatch;
  switch (column.title) {
    case Term::id:
    case Term::status:
      if (behind) return "33";
      return o.outcome.status == model::Status::achieved && column.title == Term::status ? "32"
                                                                                         : "";
    case Term::verdict:
    case Term::published_rate:
      return mismatch ? "1;31" : "";
    default:
      return "";
  }
}

}  // namespace

TextTable observation_text_table(const model::Sheet& sheet, const ReportOptions& options) {
  TextTable table;
  auto columns = columns_in_view(options.view);
  for (const auto* column : columns) {
    auto f = fit_of(column->title);
    table.columns.push_back({std::string(term(options.lang, column->title)), column->align, f.fit,
                             f.priority, f.min_width, f.max_width,
                             column->title != Term::fiscal_year});
  }
  // The rows are made when the table is measured and again when it is printed (a national
  // sheet's cells are never all held): only which observation each row shows is kept.
  auto rows = std::make_shared<std::vector<ObservationRow>>(observation_rows(sheet, options.view));
  auto lang = options.lang;
  table.row_count = rows->size();
  table.threads = util::thread_count(options.jobs);
  table.make_row = [rows, columns, lang](std::size_t i, std::vector<TextCell>& cells) {
    const auto& row = (*rows)[i];
    for (const auto* column : columns) {
      if (column->per_kpi && !row.first_of_indicator) {
        cells.emplace_back();
        continue;
      }
      cells.push_back({one_line(column->text(row, lang)), compact_of(*column, row, lang),
                       color_of(*column, row)});
    }
  };
  return table;
}

}  // namespace kpi::report
