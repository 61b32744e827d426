// The HTML report: one self-contained page (inline CSS and SVG, no script, no request to
// anywhere) for the council and the public. Summary cards, the status of each basic goal as
// a bar chart, the legend, the findings, each KPI's series against its target path and the
// KPI table of every sheet; in the language and the fiscal year the options ask for.
// Every text of the input is escaped. The sections are in html_*.cpp.
#include <fmt/format.h>

#include "html_parts.hpp"
#include "kpi/report/escape.hpp"

namespace kpi::report {
namespace {

std::string title_of(const ReportContext& context) {
  auto lang = context.options.lang;
  return fmt::format("{} — {}", html::pick(lang, "KPI progress report", "KPI達成状況"),
                     html::view_text(lang, context.options.view));
}

void write_header(std::ostream& out, const ReportContext& context) {
  auto lang = context.options.lang;
  out << "<header><h1>" << escape_markup(title_of(context)) << "</h1>\n<p class=\"sources\">"
      << html::pick(lang, "Sources: ", "対象: ");
  bool first = true;
  for (const auto& sheet : context.result.sheets) {
    if (!first) out << ", ";
    first = false;
    out << "<span class=\"path\">" << escape_markup(sheet.path);
    if (!sheet.sheet_name.empty()) out << ":" << escape_markup(sheet.sheet_name);
    out << "</span>";
  }
  out << "</p></header>\n";
}

}  // namespace

void write_html(std::ostream& out, const ReportContext& context) {
  auto lang = context.options.lang;
  // The policy tells the browser what the page promises: nothing is loaded, nothing runs.
  out << "<!DOCTYPE html>\n<html lang=\"" << (lang == Lang::ja ? "ja" : "en")
      << "\">\n<head>\n<meta charset=\"utf-8\">\n"
         "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
         "style-src 'unsafe-inline'\">\n"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
         "<meta name=\"generator\" content=\"kpi-report " KPI_VERSION "\">\n<title>"
      << escape_markup(title_of(context)) << "</title>\n<style>" << html::style()
      << "</style>\n</head>\n<body>\n";
  write_header(out, context);
  html::write_summary(out, context);
  html::write_goal_charts(out, context);
  html::write_legend(out, lang);
  html::write_findings(out, context);
  html::write_series(out, context);
  html::write_tables(out, context);
  out << "<footer>kpi-report " KPI_VERSION "</footer>\n</body>\n</html>\n";
}

}  // namespace kpi::report
