// The HTML report's small multiples: per KPI a card with its sparkline (html_sparkline.cpp),
// its status in the year in view, its pace and its projected final value against the final
// target; grouped by sheet and basic goal, each card linked to the KPI's table row.
#include <fmt/format.h>

#include "html_parts.hpp"
#include "kpi/report/escape.hpp"
#include "kpi/report/format.hpp"
#include "kpi/report/summary.hpp"
#include "kpi/util/thread_count.hpp"
#include "row_runs.hpp"

namespace kpi::report::html {
namespace {

// The decimals to print the pace's numbers with: the final target's, else the baseline's.
int decimals_of(const model::Indicator& ind) {
  if (ind.final_target.value.number) return ind.final_target.value.number->scale;
  if (ind.baseline.value.number) return ind.baseline.value.number->scale;
  return 1;
}

std::string pace_text(Lang lang, const model::Indicator& ind) {
  const auto& pace = ind.pace;
  if (pace.status == model::PaceStatus::unknown) return "";
  auto text = fmt::format("{}: {}", pick(lang, "pace", "進捗"), label(lang, pace.status));
  if (pace.as_of)
    text += lang == Lang::ja ? fmt::format("（{}時点）", fiscal_year_label(lang, pace.as_of))
                             : fmt::format(" ({})", fiscal_year_label(lang, pace.as_of));
  return text;
}

std::string projection_text(Lang lang, const model::Indicator& ind) {
  const auto& pace = ind.pace;
  if (!pace.projected_final || !ind.final_target.value.number) return "";
  int decimals = decimals_of(ind);
  return fmt::format("{} {} / {} {}", pick(lang, "projected", "見込み"),
                     number_text(*pace.projected_final, decimals), pick(lang, "target", "目標"),
                     number_text(ind.final_target.value.number->to_double(), decimals));
}

void card(std::ostream& out, const ReportContext& context, const model::Indicator& ind,
          const std::string& anchor) {
  auto lang = context.options.lang;
  const auto* o = current_observation(ind, context.options.view.year);
  auto status = o ? o->outcome.status : model::Status::no_data;
  out << fmt::format(
      "<div class=\"kpi {}\"><a class=\"id\" href=\"#{}\">{}</a> <span class=\"st\">{}</span>"
      "<span class=\"nm\" title=\"{}\">{}</span>",
      model::to_string(status), anchor, escape_markup(display_id(ind)),
      escape_markup(label(lang, status)), escape_markup(ind.name), escape_markup(ind.name));
  auto svg = sparkline(ind, context.options.view);
  if (svg.empty())
    out << "<span class=\"nosvg\">" << escape_markup(term(lang, Term::without_data)) << "</span>";
  else
    out << svg;
  for (const auto& line : {pace_text(lang, ind), projection_text(lang, ind)})
    if (!line.empty()) out << "<span class=\"p\">" << escape_markup(line) << "</span>";
  out << "</div>\n";
}

}  // namespace

void write_series(std::ostream& out, const ReportContext& context) {
  auto lang = context.options.lang;
  const auto& sheets = context.result.sheets;
  out << "<section id=\"series\"><h2>"
      << escape_markup(pick(lang, "Each KPI against its target path",
                            "指標ごとの実績と計画線（基準値→最終目標値）"))
      << "</h2>\n";
  for (std::size_t si = 0; si < sheets.size(); ++si) {
    const auto& indicators = sheets[si].parsed.indicators;
    if (sheets.size() > 1) out << "<h3>" << escape_markup(sheets[si].path) << "</h3>\n";
    write_rows(out, indicators.size(), util::thread_count(context.options.jobs),
               [&](std::ostream& run, std::size_t k) {
                 // A KPI whose basic goal is not the one before it opens the goal's group.
                 auto g = goal_label(indicators[k]);
                 if (k == 0 || g != goal_label(indicators[k - 1])) {
                   if (k > 0) run << "</div>\n";
                   run << "<h4>" << escape_markup(goal_text(lang, g))
                       << "</h4>\n<div class=\"multiples\">\n";
                 }
                 card(run, context, indicators[k], kpi_anchor(si, k));
               });
    if (!indicators.empty()) out << "</div>\n";
  }
  out << "</section>\n";
}

}  // namespace kpi::report::html
