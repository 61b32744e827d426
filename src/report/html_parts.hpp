#pragma once
// The sections of the HTML report (write_html in html.cpp puts them together), one file each:
// html_summary.cpp (cards), html_chart.cpp (SVG bars per basic goal, legend),
// html_findings.cpp, html_series.cpp with html_sparkline.cpp (each KPI against its target
// path), html_table.cpp (the KPI table per sheet), html_style.cpp (the inline CSS).
#include <cstddef>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>

#include "kpi/report/writers.hpp"

namespace kpi::report::html {

// The words only the HTML report uses, in the language of the report.
inline std::string_view pick(Lang lang, std::string_view en, std::string_view ja) {
  return lang == Lang::ja ? ja : en;
}

// The inline style sheet.
std::string_view style();

// The fiscal year in view for people: "FY2023" / "令和5年度（2023）", or the latest actual.
std::string view_text(Lang lang, const ReportView& view);
// "40.6%"; "—" without a value.
std::string percent_text(std::optional<double> percent);
// `value` with `decimals` decimals and thousands separators: 23,000 / 35.1.
std::string number_text(double value, int decimals);
// The id of a KPI's first table row, the target of its card's link.
std::string kpi_anchor(std::size_t sheet, std::size_t kpi);
// `text` cut to `columns` display columns (wide characters count two), "…" marking a cut.
std::string shorten(std::string_view text, int columns);
// "(no basic goal)" for a KPI whose sheet has none.
std::string goal_text(Lang lang, const std::string& goal);

void write_summary(std::ostream& out, const ReportContext& context);
void write_goal_charts(std::ostream& out, const ReportContext& context);
void write_legend(std::ostream& out, Lang lang);
void write_findings(std::ostream& out, const ReportContext& context);
void write_series(std::ostream& out, const ReportContext& context);
void write_tables(std::ostream& out, const ReportContext& context);

// A tiny inline SVG of the KPI's actuals (a line through the baseline and the actuals, dots
// coloured by status) against the straight line from the baseline to the final target, the
// year in view marked; "" when the KPI has no number to draw.
std::string sparkline(const model::Indicator& ind, const ReportView& view);

}  // namespace kpi::report::html
