// The HTML report's KPI table per sheet: the shared observation rows and columns
// (kpi/report/rows.hpp), numbers right-aligned and on one line (class "num"; "num long" for a
// long printed text in a number column, which may wrap), ids kept on one line, each row
// classed by its verdict and status (match|consistent|mismatch|unchecked,
// achieved|behind|no_data) for the colours.
#include <fmt/format.h>

#include "html_parts.hpp"
#include "kpi/report/escape.hpp"
#include "kpi/text/strings.hpp"
#include "kpi/util/thread_count.hpp"
#include "row_runs.hpp"

namespace kpi::report::html {
namespace {

constexpr int long_columns = 16;

// The class of a column's cells: "num" for numbers, "id", "vd" (verdict), "st" (status).
std::string_view cell_class(const RowColumn& column) {
  if (column.align == Align::right) return "num";
  switch (column.title) {
    case Term::id:
      return "id";
    case Term::verdict:
      return "vd";
    case Term::status:
      return "st";
    default:
      return "";
  }
}

void open_cell(std::ostream& out, std::string_view tag, std::string_view css) {
  out << '<' << tag;
  if (!css.empty()) out << " class=\"" << css << '"';
  out << '>';
}

void row(std::ostream& out, const ObservationRow& r, Lang lang, const std::string& anchor) {
  auto verdict = r.observation ? r.observation->check.verdict : model::Verdict::unchecked;
  auto status = r.observation ? r.observation->outcome.status : model::Status::no_data;
  out << "<tr";
  if (r.first_of_indicator) out << " id=\"" << anchor << '"';
  out << " class=\"" << model::to_string(verdict) << ' ' << model::to_string(status)
      << (r.first_of_indicator ? " first" : "") << "\">";
  for (const auto& column : observation_columns()) {
    auto text = cell_text(column, r, lang);
    auto css = cell_class(column);
    // A number stays on one line; a long printed text beside it ("▲275(直近5年間…") wraps.
    bool long_text = css == "num" && text::display_width(text) > long_columns;
    open_cell(out, "td", long_text ? "num long" : css);
    out << escape_markup(text) << "</td>";
  }
  out << "</tr>\n";
}

void sheet_heading(std::ostream& out, const model::Sheet& sheet, Lang lang) {
  auto name = model::input_text({sheet.path, 0, sheet.sheet_name, {}});
  auto body = model::sheet_body(sheet);
  out << "<h3>" << escape_markup(name) << "</h3>\n<p class=\"meta\">";
  if (!body.empty())
    out << escape_markup(fmt::format("{} {} · ", term(lang, Term::municipality), body));
  out << escape_markup(fmt::format("{} {} · {} {} · {} {}", pick(lang, "layout", "様式"),
                                   sheet.format, term(lang, Term::kpis),
                                   sheet.parsed.indicators.size(), term(lang, Term::rows_skipped),
                                   sheet.parsed.skipped.size()))
      << "</p>\n";
}

}  // namespace

void write_tables(std::ostream& out, const ReportContext& context) {
  auto lang = context.options.lang;
  const auto& sheets = context.result.sheets;
  out << "<section id=\"kpis\"><h2>"
      << escape_markup(fmt::format("{} — {}", pick(lang, "KPI table", "指標一覧"),
                                   view_text(lang, context.options.view)))
      << "</h2>\n";
  for (std::size_t si = 0; si < sheets.size(); ++si) {
    const auto& sheet = sheets[si];
    sheet_heading(out, sheet, lang);
    out << "<table class=\"kpis\"><thead><tr>";
    for (const auto& column : observation_columns()) {
      open_cell(out, "th", column.align == Align::right ? "num" : "");
      out << escape_markup(term(lang, column.title)) << "</th>";
    }
    out << "</tr></thead>\n<tbody>\n";
    const auto* first = sheet.parsed.indicators.data();
    auto rows = observation_rows(sheet, context.options.view);
    write_rows(out, rows.size(), util::thread_count(context.options.jobs),
               [&](std::ostream& run, std::size_t i) {
                 row(run, rows[i], lang,
                     kpi_anchor(si, static_cast<std::size_t>(rows[i].indicator - first)));
               });
    out << "</tbody></table>\n";
  }
  out << "</section>\n";
}

}  // namespace kpi::report::html
