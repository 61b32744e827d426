// The findings sheet of the xlsx report: what `check` would flag, located: wrong published
// rates (in the year in view), cross-row findings and input problems.
#include "kpi/verify/check_items.hpp"
#include "xlsx_book.hpp"

namespace kpi::report::xlsx {
namespace {

// Input problems, findings and mismatched rates (of the year shown, if one is).
bool may_be_listed(const verify::CheckItem& item) {
  return !item.is_rate || item.verdict == model::Verdict::mismatch;
}

bool of_the_year(const verify::CheckItem& item, const ReportView& view) {
  return !item.is_rate || !view.year || !item.rate || item.rate->fiscal_year == *view.year;
}

}  // namespace

void write_findings_sheet(Book& book, const ReportContext& context) {
  const auto lang = context.options.lang;
  auto* sheet = book.add_sheet(term(lang, Term::findings));
  const Term headers[] = {Term::severity, Term::rule, Term::location, Term::kpi, Term::message};
  const double widths[] = {10, 24, 36, 18, 100};
  for (int c = 0; c < 5; ++c) {
    write_text(sheet, 0, c, term(lang, headers[c]), book.header());
    lxw().worksheet_set_column(sheet, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c),
                               widths[c], nullptr);
  }
  int row = 0;
  verify::CheckItems items(context.result, verify::FailPolicy{});
  items.for_each(
      [&](const verify::CheckItem& item) {
        if (!of_the_year(item, context.options.view)) return;
        ++row;
        write_text(sheet, row, 0, model::to_string(item.severity));
        write_text(sheet, row, 1, item.rule);
        write_text(sheet, row, 2, model::location_text(item.location));
        if (item.title != item.rule) write_text(sheet, row, 3, item.title);
        write_text(sheet, row, 4, item.message);
      },
      may_be_listed);
  lxw().worksheet_freeze_panes(sheet, 1, 0);
  if (row > 0) lxw().worksheet_autofilter(sheet, 0, 0, static_cast<lxw_row_t>(row), 4);
}

}  // namespace kpi::report::xlsx
