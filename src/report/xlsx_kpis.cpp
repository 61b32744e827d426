// The KPIs sheet of the xlsx report: the analysis columns (as the CSV report), numbers as
// numbers in their formats, the header frozen and filtered, status and verdict coloured.
#include <string>

#include "xlsx_book.hpp"

namespace kpi::report::xlsx {
namespace {

double width_of(std::string_view key) {
  if (key == "name") return 40;
  if (key == "goal" || key == "location" || key == "source") return 24;
  if (key.ends_with("_printed")) return 18;
  if (key == "municipality" || key == "municipality_name" || key == "id" ||
      key == "direction_source")
    return 12;
  return 11;
}

int column_of(std::string_view key) {
  const auto& columns = analysis_columns();
  for (std::size_t i = 0; i < columns.size(); ++i)
    if (columns[i].key == key) return static_cast<int>(i);
  return -1;
}

// Cells of `col` (rows 1..last) equal to the word `value` get `format`.
void colour_when(lxw_worksheet* sheet, int col, int last, std::string_view value,
                 lxw_format* format) {
  if (col < 0 || last < 1) return;
  std::string quoted = "\"" + std::string(value) + "\"";
  lxw_conditional_format rule{};
  rule.type = LXW_CONDITIONAL_TYPE_CELL;
  rule.criteria = LXW_CONDITIONAL_CRITERIA_EQUAL_TO;
  rule.value_string = quoted.data();
  rule.format = format;
  lxw().worksheet_conditional_format_range(sheet, 1, static_cast<lxw_col_t>(col),
                                           static_cast<lxw_row_t>(last),
                                           static_cast<lxw_col_t>(col), &rule);
}

// The status and verdict words of `lang` as the analysis writes them.
std::string word(Lang lang, const char* key, std::string_view ja) {
  return lang == Lang::ja ? std::string(ja) : std::string(key);
}

}  // namespace

void write_kpi_sheet(Book& book, const ReportContext& context) {
  const auto lang = context.options.lang;
  auto* sheet = book.add_sheet(term(lang, Term::kpi_sheet));
  const auto& columns = analysis_columns();
  for (std::size_t c = 0; c < columns.size(); ++c) {
    auto col = static_cast<lxw_col_t>(c);
    write_text(sheet, 0, static_cast<int>(c), analysis_header(columns[c], lang), book.header());
    lxw().worksheet_set_column(sheet, col, col, width_of(columns[c].key), nullptr);
  }
  int row = 0;
  for (const auto& r : analysis_rows(context.result, context.options.view)) {
    ++row;
    for (std::size_t c = 0; c < columns.size(); ++c)
      write_cell(book, sheet, row, static_cast<int>(c), columns[c].cell(r, lang));
  }
  lxw().worksheet_freeze_panes(sheet, 1, 0);
  auto last_col = static_cast<lxw_col_t>(columns.size() - 1);
  lxw().worksheet_autofilter(sheet, 0, 0, static_cast<lxw_row_t>(row), last_col);

  using model::Status, model::Verdict;
  colour_when(sheet, column_of("status"), row,
              word(lang, model::to_string(Status::achieved), label(lang, Status::achieved)),
              book.fill(achieved_fill));
  colour_when(sheet, column_of("status"), row,
              word(lang, model::to_string(Status::behind), label(lang, Status::behind)),
              book.fill(behind_fill));
  colour_when(sheet, column_of("verdict"), row,
              word(lang, model::to_string(Verdict::mismatch), label(lang, Verdict::mismatch)),
              book.fill(mismatch_fill));
}

}  // namespace kpi::report::xlsx
