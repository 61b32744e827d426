// Standalone HTML page: one table per sheet; mismatches highlighted.
#include <fmt/format.h>

#include "kpi/report/escape.hpp"
#include "kpi/report/format.hpp"
#include "kpi/report/writers.hpp"

namespace kpi::report {
namespace {

void td(std::ostream& out, const std::string& s) {
  out << "<td>" << escape_markup(s) << "</td>";
}

void observation_row(std::ostream& out, const model::Indicator& ind, const model::Observation* o) {
  const char* verdict = o ? model::to_string(o->check.verdict) : "unchecked";
  out << "<tr class=\"" << verdict << "\">";
  for (const auto& s :
       {display_id(ind), ind.name, ind.unit, direction_label(ind), shown(ind.baseline.value)})
    td(out, s);
  if (o) {
    for (const auto& s : {std::to_string(o->fiscal_year), shown_target(ind, *o), shown(o->actual),
                          shown(o->published_rate), recomputed_text(*o), std::string(verdict)})
      td(out, s);
  } else {
    for (const auto& s : {std::string(), shown(ind.final_target.value), std::string(),
                          std::string(), std::string(), std::string("no actuals")})
      td(out, s);
  }
  out << "</tr>\n";
}

}  // namespace

void write_html(std::ostream& out, const ReportContext& context) {
  const auto& result = context.result;
  out << "<!DOCTYPE html>\n<html lang=\"ja\"><head><meta charset=\"utf-8\">"
         "<title>kpi-report</title><style>body{font-family:sans-serif}"
         "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:2px 6px}"
         "tr.mismatch{background:#fdd}tr.consistent{background:#ffd}</style></head><body>\n";
  for (const auto& sheet : result.sheets) {
    out << fmt::format("<h2>{}</h2>\n<p>format {}, {} KPIs, {} rows skipped</p>\n",
                       escape_markup(sheet.path), escape_markup(sheet.format),
                       sheet.parsed.indicators.size(), sheet.parsed.skipped.size());
    out << "<table><tr><th>ID</th><th>KPI</th><th>unit</th><th>direction</th><th>baseline</th>"
           "<th>FY</th><th>target</th><th>actual</th><th>published</th><th>recomputed</th>"
           "<th>verdict</th></tr>\n";
    for (const auto& ind : sheet.parsed.indicators) {
      if (ind.observations.empty()) observation_row(out, ind, nullptr);
      for (const auto& o : ind.observations) observation_row(out, ind, &o);
    }
    out << "</table>\n";
  }
  out << "</body></html>\n";
}

}  // namespace kpi::report
