// The summary sheet of the xlsx report: the whole plan and each basic goal (KPIs, achieved,
// behind, no data, share achieved, grades, wrong published rates) and a stacked column chart
// of achieved / behind / no data per basic goal.
#include "xlsx_book.hpp"

namespace kpi::report::xlsx {
namespace {

constexpr int table_row = 2;  // the header row of the table

struct Layout {
  std::vector<std::string> grades;  // grade labels over the whole plan
  int grade_col = 7;                // first grade column
  int wrong_col() const { return grade_col + static_cast<int>(grades.size()); }
};

int grade_count(const StatusCounts& c, const std::string& grade) {
  for (const auto& [g, n] : c.grades)
    if (g == grade) return n;
  return 0;
}

void write_header(Book& book, lxw_worksheet* sheet, const Layout& layout, Lang lang) {
  const Term terms[] = {Term::goal,   Term::source,       Term::kpis,          Term::achieved,
                        Term::behind, Term::without_data, Term::share_achieved};
  for (int c = 0; c < 7; ++c) write_text(sheet, table_row, c, term(lang, terms[c]), book.header());
  for (std::size_t i = 0; i < layout.grades.size(); ++i)
    write_text(sheet, table_row, layout.grade_col + static_cast<int>(i),
               std::string(term(lang, Term::grade)) + " " + layout.grades[i], book.header());
  write_text(sheet, table_row, layout.wrong_col(), term(lang, Term::wrong_rates), book.header());
}

void write_counts(Book& book, lxw_worksheet* sheet, int row, const Layout& layout,
                  const StatusCounts& c) {
  auto r = static_cast<lxw_row_t>(row);
  auto integer = book.number_format("0");
  const int values[] = {c.kpis, c.achieved, c.behind, c.no_data};
  for (int i = 0; i < 4; ++i)
    lxw().worksheet_write_number(sheet, r, static_cast<lxw_col_t>(2 + i), values[i], integer);
  if (auto share = c.achieved_percent())
    lxw().worksheet_write_number(sheet, r, 6, *share / 100, book.number_format("0.0%"));
  for (std::size_t i = 0; i < layout.grades.size(); ++i)
    lxw().worksheet_write_number(sheet, r,
                                 static_cast<lxw_col_t>(layout.grade_col + static_cast<int>(i)),
                                 grade_count(c, layout.grades[i]), integer);
  lxw().worksheet_write_number(sheet, r, static_cast<lxw_col_t>(layout.wrong_col()), c.wrong_rates,
                               integer);
}

// Achieved, behind and no data (columns D, E, F) of the goal rows as stacked columns.
void add_chart(Book& book, lxw_worksheet* sheet, std::string_view sheet_name, int first, int last,
               Lang lang) {
  auto* chart = lxw().workbook_add_chart(book.get(), LXW_CHART_COLUMN_STACKED);
  std::string name(sheet_name);
  const std::uint32_t colors[] = {0x70AD47, 0xE15759, 0xA5A5A5};
  for (int i = 0; i < 3; ++i) {
    auto col = static_cast<lxw_col_t>(3 + i);
    auto* series = lxw().chart_add_series(chart, nullptr, nullptr);
    lxw().chart_series_set_categories(series, name.c_str(), static_cast<lxw_row_t>(first), 0,
                                      static_cast<lxw_row_t>(last), 0);
    lxw().chart_series_set_values(series, name.c_str(), static_cast<lxw_row_t>(first), col,
                                  static_cast<lxw_row_t>(last), col);
    lxw().chart_series_set_name_range(series, name.c_str(), table_row, col);
    lxw_chart_fill fill{};
    fill.color = colors[i];
    lxw().chart_series_set_fill(series, &fill);
  }
  std::string title(term(lang, Term::chart_title));
  lxw().chart_title_set_name(chart, title.c_str());
  std::string axis(term(lang, Term::kpis));
  lxw().chart_axis_set_name(chart->y_axis, axis.c_str());
  lxw().chart_legend_set_position(chart, LXW_CHART_LEGEND_BOTTOM);
  lxw_chart_options options{};
  options.x_scale = 1.6;
  options.y_scale = 1.4;
  lxw().worksheet_insert_chart_opt(sheet, static_cast<lxw_row_t>(last + 2), 0, chart, &options);
}

}  // namespace

void write_summary_sheet(Book& book, const ReportContext& context) {
  const auto lang = context.options.lang;
  const auto& summary = context.summary;
  auto name = term(lang, Term::summary);
  auto* sheet = book.add_sheet(name);
  std::string title(name);
  if (summary.view.year) title += " " + fiscal_year_label(lang, *summary.view.year);
  write_text(sheet, 0, 0, title, book.title());
  write_text(sheet, 1, 0,
             summary.view.year ? std::string(term(lang, Term::status_in_year)) + " " +
                                     fiscal_year_label(lang, *summary.view.year)
                               : std::string(term(lang, Term::status_in_latest_year)));

  Layout layout;
  for (const auto& [grade, n] : summary.total.grades) layout.grades.push_back(grade);
  write_header(book, sheet, layout, lang);
  int row = table_row + 1;
  write_text(sheet, row, 0, term(lang, Term::whole_plan), book.header());
  write_counts(book, sheet, row, layout, summary.total);
  int first_goal = row + 1;
  for (const auto& g : summary.goals) {
    ++row;
    write_text(sheet, row, 0, g.label.empty() ? term(lang, Term::no_goal) : g.label);
    write_text(sheet, row, 1, g.sheet);
    write_counts(book, sheet, row, layout, g.counts);
  }
  lxw().worksheet_set_column(sheet, 0, 0, 40, nullptr);
  lxw().worksheet_set_column(sheet, 1, 1, 24, nullptr);
  lxw().worksheet_set_column(sheet, 2, static_cast<lxw_col_t>(layout.wrong_col()), 11, nullptr);
  lxw().worksheet_freeze_panes(sheet, table_row + 1, 0);
  if (row >= first_goal) add_chart(book, sheet, name, first_goal, row, lang);
}

}  // namespace kpi::report::xlsx
