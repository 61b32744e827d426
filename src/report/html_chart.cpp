// The HTML report's chart: per basic goal, one stacked bar of its KPIs by status (achieved,
// behind, no data) and, when the profile grades, one by grade; a table of the same counts;
// and the legend of the page's colours.
#include <algorithm>

#include <fmt/format.h>

#include "html_parts.hpp"
#include "kpi/report/escape.hpp"

namespace kpi::report::html {
namespace {

constexpr int chart_width = 760;
constexpr int bar_width = 520;
constexpr int bar_height = 20;
constexpr int row_height = 52;  // label, bar, gap
constexpr int label_columns = 112;

struct Segment {
  std::string_view css;  // class of the rect: the status, or g0…g4 for grades
  std::string title;
  int n;
};

// One bar: the segments side by side over the bar's width, each count written inside it when
// it fits.
void bar(std::ostream& out, const std::vector<Segment>& segments, int total, int y) {
  double x = 0;
  for (const auto& s : segments) {
    if (s.n == 0) continue;
    double w = total > 0 ? static_cast<double>(bar_width) * s.n / total : 0;
    out << fmt::format(
        "<rect class=\"{}\" x=\"{:.1f}\" y=\"{}\" width=\"{:.1f}\" height=\"{}\"><title>{}: {}"
        "</title></rect>",
        s.css, x, y, w, bar_height, escape_markup(s.title), s.n);
    if (w >= 22)
      out << fmt::format("<text class=\"c\" x=\"{:.1f}\" y=\"{}\">{}</text>", x + w / 2, y + 15,
                         s.n);
    x += w;
  }
}

std::vector<Segment> status_segments(Lang lang, const StatusCounts& c) {
  return {{"achieved", std::string(label(lang, model::Status::achieved)), c.achieved},
          {"behind", std::string(label(lang, model::Status::behind)), c.behind},
          {"no_data", std::string(label(lang, model::Status::no_data)), c.no_data}};
}

// Grades A, B, C … as g0, g1, g2 … (at most five colours; later grades share the last), then
// the KPIs without a grade.
std::vector<Segment> grade_segments(const StatusCounts& c, const StatusCounts& total,
                                    std::string no_grade) {
  std::vector<Segment> segments;
  int graded = 0;
  for (std::size_t i = 0; i < total.grades.size(); ++i) {
    int n = 0;
    for (const auto& [grade, count] : c.grades)
      if (grade == total.grades[i].first) n = count;
    static constexpr std::string_view css[] = {"g0", "g1", "g2", "g3", "g4"};
    segments.push_back({css[std::min<std::size_t>(i, 4)], total.grades[i].first, n});
    graded += n;
  }
  segments.push_back({"no_data", no_grade, c.kpis - graded});
  return segments;
}

// The chart's title and its colours: "Status ■ achieved ■ behind ■ no data".
void caption(std::ostream& out, std::string_view title, const std::vector<Segment>& segments) {
  out << "<p class=\"cap\">" << escape_markup(title);
  for (const auto& s : segments)
    out << "<span class=\"sw " << s.css << "\"></span>" << escape_markup(s.title);
  out << "</p>\n";
}

using Goals = std::vector<const GroupSummary*>;

// The SVG of `goals`: each a <g class="goal"> with its label, its bar and its numbers.
void chart(std::ostream& out, const ReportContext& context, const Goals& goals, bool grades) {
  auto lang = context.options.lang;
  int height = static_cast<int>(goals.size()) * row_height + 4;
  out << fmt::format(
      "<svg class=\"chart {}\" viewBox=\"0 0 {} {}\" width=\"{}\" height=\"{}\" role=\"img\" "
      "aria-label=\"{}\">\n",
      grades ? "grades" : "status", chart_width, height, chart_width, height,
      escape_markup(grades ? term(lang, Term::grade) : term(lang, Term::status)));
  int y = 0;
  for (const auto* g : goals) {
    const auto& c = g->counts;
    auto name = goal_text(lang, g->label);
    out << fmt::format("<g class=\"goal\" transform=\"translate(0,{})\"><title>{}</title>", y,
                       escape_markup(name));
    out << "<text class=\"gl\" x=\"0\" y=\"14\">" << escape_markup(shorten(name, label_columns))
        << "</text>";
    if (grades)
      bar(out,
          grade_segments(c, context.summary.total,
                         std::string(label(lang, model::Status::no_data))),
          c.kpis, 20);
    else
      bar(out, status_segments(lang, c), c.kpis, 20);
    if (!grades)
      out << fmt::format("<text class=\"n\" x=\"{}\" y=\"35\">{}/{} · {}</text>", bar_width + 10,
                         c.achieved, c.kpis, percent_text(c.achieved_percent()));
    out << "</g>\n";
    y += row_height;
  }
  out << "</svg>\n";
}

void goal_table(std::ostream& out, Lang lang, const Goals& goals) {
  out << "<table class=\"goals\"><thead><tr><th>" << escape_markup(term(lang, Term::goal))
      << "</th>";
  for (auto t : {term(lang, Term::kpis), label(lang, model::Status::achieved),
                 label(lang, model::Status::behind), term(lang, Term::without_data),
                 pick(lang, "% achieved", "達成の割合"), term(lang, Term::wrong_rates),
                 term(lang, Term::grade)})
    out << "<th class=\"num\">" << escape_markup(t) << "</th>";
  out << "</tr></thead><tbody>\n";
  for (const auto* g : goals) {
    const auto& c = g->counts;
    std::string grades;
    for (const auto& [grade, n] : c.grades)
      grades += fmt::format("{}{} {}", grades.empty() ? "" : " · ", grade, n);
    out << fmt::format(
        "<tr><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}"
        "</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td>"
        "<td class=\"num\">{}</td></tr>\n",
        escape_markup(goal_text(lang, g->label)), c.kpis, c.achieved, c.behind, c.no_data,
        percent_text(c.achieved_percent()), c.wrong_rates, escape_markup(grades));
  }
  out << "</tbody></table>\n";
}

}  // namespace

void write_goal_charts(std::ostream& out, const ReportContext& context) {
  auto lang = context.options.lang;
  const auto& summary = context.summary;
  out << "<section id=\"goals\"><h2>" << escape_markup(term(lang, Term::per_goal)) << " — "
      << escape_markup(view_text(lang, summary.view)) << "</h2>\n";
  bool several = summary.sheets.size() > 1;
  for (std::size_t i = 0; i < summary.goals.size();) {
    Goals goals;
    const auto& sheet = summary.goals[i].sheet;
    for (; i < summary.goals.size() && summary.goals[i].sheet == sheet; ++i)
      goals.push_back(&summary.goals[i]);
    if (several) out << "<h3>" << escape_markup(sheet) << "</h3>\n";
    caption(out, term(lang, Term::status), status_segments(lang, summary.total));
    chart(out, context, goals, false);
    bool graded = std::any_of(goals.begin(), goals.end(),
                              [](const GroupSummary* g) { return !g->counts.grades.empty(); });
    if (graded) {
      caption(out, term(lang, Term::grade),
              grade_segments(summary.total, summary.total,
                             std::string(label(lang, model::Status::no_data))));
      chart(out, context, goals, true);
    }
    goal_table(out, lang, goals);
  }
  out << "</section>\n";
}

void write_legend(std::ostream& out, Lang lang) {
  auto item = [&](std::string_view css, std::string_view text) {
    out << "<li><span class=\"sw " << css << "\"></span>" << escape_markup(text) << "</li>";
  };
  out << "<section id=\"legend\"><h2>" << escape_markup(term(lang, Term::legend))
      << "</h2>\n<ul class=\"legend\">";
  item("achieved", label(lang, model::Status::achieved));
  item("behind", label(lang, model::Status::behind));
  item("no_data", label(lang, model::Status::no_data));
  item("mismatch", pick(lang, "row: published rate wrong (mismatch)", "行: 公表達成率が不一致"));
  item("consistent", pick(lang, "row: consistent within the printed digits", "行: 表示桁内で一致"));
  item("line-actual", pick(lang, "actuals from the baseline", "基準値からの実績"));
  item("line-path", pick(lang, "straight line from the baseline to the final target",
                         "基準値から最終目標値への直線（計画線）"));
  item("line-year", pick(lang, "fiscal year in view", "表示中の年度"));
  out << "</ul>\n<p class=\"note\">"
      << escape_markup(
             pick(lang,
                  "Achieved: the year's rate (recomputed by the sheet's own formula, else the "
                  "published one) is 100% or more. Pace: the latest actual against the straight "
                  "line from the baseline to the final target.",
                  "達成: その年度の達成率（シートの算式で再計算、できなければ公表値）が100%以上。"
                  "進捗ペース: 最新の実績を、基準値から最終目標値への直線と比べたもの。"))
      << "</p></section>\n";
}

}  // namespace kpi::report::html
