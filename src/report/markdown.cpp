// Markdown: one table per sheet, one row per observation.
#include <fmt/format.h>

#include "kpi/report/format.hpp"
#include "kpi/report/writers.hpp"

namespace kpi::report {
namespace {

std::string cell(std::string s) {
  std::string out;
  for (char c : s) {
    if (c == '|')
      out += "\\|";
    else if (c == '\n')
      out += ' ';
    else
      out += c;
  }
  return out;
}

}  // namespace

void write_markdown(std::ostream& out, const ReportContext& context) {
  const auto& result = context.result;
  for (const auto& sheet : result.sheets) {
    out << fmt::format("## {}\n\nformat `{}`, {} KPIs, {} rows skipped\n\n", cell(sheet.path),
                       sheet.format, sheet.parsed.indicators.size(), sheet.parsed.skipped.size());
    out << "| ID | KPI | unit | direction | baseline | FY | target | actual | published | "
           "recomputed | verdict |\n";
    out << "|---|---|---|---|---:|---:|---:|---:|---:|---:|---|\n";
    for (const auto& ind : sheet.parsed.indicators) {
      auto lead =
          fmt::format("| {} | {} | {} | {} | {} ", cell(display_id(ind)), cell(ind.name),
                      cell(ind.unit), direction_label(ind), cell(shown(ind.baseline.value)));
      if (ind.observations.empty())
        out << lead << fmt::format("| | {} | | | | |\n", cell(shown(ind.final_target.value)));
      for (const auto& o : ind.observations)
        out << lead
            << fmt::format("| {} | {} | {} | {} | {} | {} |\n", o.fiscal_year,
                           cell(shown_target(ind, o)), cell(shown(o.actual)),
                           cell(shown(o.published_rate)), recomputed_text(o),
                           model::to_string(o.check.verdict));
    }
    out << '\n';
  }
}

}  // namespace kpi::report
