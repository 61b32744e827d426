// The HTML report's summary: one card per count of the whole plan (summarize()'s total).
#include <fmt/format.h>

#include "html_parts.hpp"
#include "kpi/report/escape.hpp"

namespace kpi::report::html {
namespace {

// <div class="card KIND"><div class="n">N</div><div class="t">TITLE</div><div class="d">…
void card(std::ostream& out, std::string_view kind, int n, std::string_view title,
          const std::string& detail = "") {
  out << fmt::format("<div class=\"card {}\"><div class=\"n\">{}</div><div class=\"t\">{}</div>",
                     kind, n, escape_markup(title));
  if (!detail.empty()) out << "<div class=\"d\">" << escape_markup(detail) << "</div>";
  out << "</div>\n";
}

std::string grades_text(const StatusCounts& c) {
  std::string text;
  for (const auto& [grade, n] : c.grades) {
    if (!text.empty()) text += " · ";
    text += fmt::format("{} {}", grade, n);
  }
  return text;
}

}  // namespace

void write_summary(std::ostream& out, const ReportContext& context) {
  auto lang = context.options.lang;
  const auto& c = context.summary.total;
  out << fmt::format("<section id=\"summary\"><h2>{} — {}</h2>\n<div class=\"cards\">\n",
                     escape_markup(term(lang, Term::summary)),
                     escape_markup(term(lang, Term::whole_plan)));
  card(out, "kpis", c.kpis, term(lang, Term::kpis));
  auto share = percent_text(c.achieved_percent());
  card(out, "achieved", c.achieved, label(lang, model::Status::achieved),
       lang == Lang::ja ? fmt::format("データのある指標の{}", share)
                        : fmt::format("{} of those with data", share));
  card(out, "behind", c.behind, label(lang, model::Status::behind));
  card(out, "no_data", c.no_data, term(lang, Term::without_data));
  card(out, "wrong", c.wrong_rates, term(lang, Term::wrong_rates),
       lang == Lang::ja ? fmt::format("公表達成率{}件中", c.rates_checked)
                        : fmt::format("of {} published rates", c.rates_checked));
  if (!context.summary.view.year) {
    auto toward = std::string(pick(lang, "pace toward the final target", "最終目標に向けた進捗"));
    card(out, "on_track", c.on_track, label(lang, model::PaceStatus::on_track), toward);
    card(out, "pace_behind", c.pace_behind, label(lang, model::PaceStatus::behind), toward);
  }
  out << "</div>\n";
  if (!c.grades.empty())
    out << "<p class=\"grades\">" << escape_markup(term(lang, Term::grade)) << ": "
        << escape_markup(grades_text(c)) << "</p>\n";
  out << "</section>\n";
}

}  // namespace kpi::report::html
