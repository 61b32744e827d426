// The HTML report's findings: the published rates that are wrong (in the year in view), each
// with its location and the verifier's explanation, then the cross-row findings and, folded,
// the notes on the input.
#include <fmt/format.h>

#include "html_parts.hpp"
#include "kpi/report/escape.hpp"
#include "kpi/report/format.hpp"

namespace kpi::report::html {
namespace {

void td(std::ostream& out, const std::string& text, std::string_view css = "") {
  if (css.empty())
    out << "<td>";
  else
    out << "<td class=\"" << css << "\">";
  out << escape_markup(text) << "</td>";
}

int write_mismatches(std::ostream& out, const ReportContext& context) {
  auto lang = context.options.lang;
  const auto& view = context.options.view;
  int n = 0;
  for (const auto& sheet : context.result.sheets) {
    for (const auto& ind : sheet.parsed.indicators) {
      for (const auto& o : ind.observations) {
        if (view.year && o.fiscal_year != *view.year) continue;
        if (o.check.verdict != model::Verdict::mismatch || !o.published_rate.number) continue;
        if (n++ == 0) {
          out << "<table class=\"mismatches\"><thead><tr>";
          for (auto t : {pick(lang, "location", "場所"), term(lang, Term::id),
                         term(lang, Term::kpi), term(lang, Term::fiscal_year)})
            out << "<th>" << escape_markup(t) << "</th>";
          for (auto t : {term(lang, Term::published_rate), term(lang, Term::recomputed_rate)})
            out << "<th class=\"num\">" << escape_markup(t) << "</th>";
          out << "<th>" << escape_markup(pick(lang, "explanation", "説明")) << "</th>"
              << "</tr></thead><tbody>\n";
        }
        out << "<tr class=\"mismatch\">";
        td(out, model::location_text(o.source.path.empty() ? ind.source : o.source), "loc");
        td(out, display_id(ind), "id");
        td(out, ind.name);
        td(out, fiscal_year_label(lang, o.fiscal_year), "num");
        td(out, shown(o.published_rate), "num");
        td(out, recomputed_text(o), "num");
        td(out, o.check.explanation);
        out << "</tr>\n";
      }
    }
  }
  if (n > 0) out << "</tbody></table>\n";
  return n;
}

std::string locations(const model::Finding& f) {
  std::string text;
  for (const auto& row : f.rows) {
    if (!text.empty()) text += ", ";
    text += model::location_text(row);
  }
  return text;
}

void write_cross_row(std::ostream& out, const std::vector<model::Finding>& findings) {
  out << "<ul class=\"findings\">\n";
  for (const auto& f : findings) {
    std::string ids;
    for (const auto& id : f.ids) ids += (ids.empty() ? "" : ", ") + id;
    out << fmt::format(
        "<li class=\"{}\"><span class=\"kind\">{}</span> <span class=\"loc\">{}</span> "
        "<span class=\"id\">{}</span><br>{}</li>\n",
        model::to_string(f.severity), escape_markup(f.kind), escape_markup(locations(f)),
        escape_markup(ids), escape_markup(f.message));
  }
  out << "</ul>\n";
}

// The diagnostics of the input (also printed on stderr): folded, they are many on a large run.
void write_diagnostics(std::ostream& out, Lang lang, const model::DiagnosticList& diagnostics) {
  if (diagnostics.empty()) return;
  out << "<details class=\"diagnostics\"><summary>"
      << escape_markup(fmt::format(
             "{} ({})", pick(lang, "Notes on the input", "入力についての注記"), diagnostics.size()))
      << "</summary>\n<ul class=\"findings\">\n";
  for (const auto& d : diagnostics)
    out << fmt::format(
        "<li class=\"{}\"><span class=\"kind\">{}</span> <span class=\"loc\">{}</span><br>{}"
        "</li>\n",
        model::to_string(d.severity), escape_markup(d.code),
        escape_markup(model::location_text(d.location)), escape_markup(d.message));
  out << "</ul></details>\n";
}

}  // namespace

void write_findings(std::ostream& out, const ReportContext& context) {
  auto lang = context.options.lang;
  const auto& findings = context.result.findings;
  out << "<section id=\"findings\"><h2>" << escape_markup(term(lang, Term::findings))
      << "</h2>\n<h3>"
      << escape_markup(fmt::format("{} ({})", term(lang, Term::wrong_rates),
                                   context.summary.total.wrong_rates))
      << "</h3>\n";
  if (write_mismatches(out, context) == 0)
    out << "<p class=\"none\">" << escape_markup(pick(lang, "none", "なし")) << "</p>\n";
  out << "<h3>"
      << escape_markup(fmt::format("{} ({})",
                                   pick(lang, "rows that contradict each other", "行どうしの矛盾"),
                                   findings.size()))
      << "</h3>\n";
  if (findings.empty())
    out << "<p class=\"none\">" << escape_markup(pick(lang, "none", "なし")) << "</p>\n";
  else
    write_cross_row(out, findings);
  write_diagnostics(out, lang, context.result.diagnostics);
  out << "</section>\n";
}

}  // namespace kpi::report::html
