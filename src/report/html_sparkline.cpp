// A KPI's series as a tiny inline SVG: the line through the baseline and the actuals (each
// actual a dot coloured by its status), the straight line from the baseline to the final
// target dashed, the final target a ring, the fiscal year in view a vertical line and its
// actual a larger dot.
#include <algorithm>
#include <cmath>
#include <vector>

#include <fmt/format.h>

#include "html_parts.hpp"
#include "kpi/model/measured_year.hpp"

namespace kpi::report::html {
namespace {

constexpr double width = 150, height = 40, pad = 4;

struct Point {
  double year;
  double value;
  const char* css;  // the dot's class
};

struct Scale {
  double x0, x1, y0, y1;
  double x(double year) const { return pad + (year - x0) / (x1 - x0) * (width - 2 * pad); }
  double y(double value) const {
    return height - pad - (value - y0) / (y1 - y0) * (height - 2 * pad);
  }
};

Scale scale_of(const std::vector<Point>& points) {
  Scale s{points.front().year, points.front().year, points.front().value, points.front().value};
  for (const auto& p : points) {
    s.x0 = std::min(s.x0, p.year), s.x1 = std::max(s.x1, p.year);
    s.y0 = std::min(s.y0, p.value), s.y1 = std::max(s.y1, p.value);
  }
  if (s.x1 == s.x0) s.x0 -= 1, s.x1 += 1;
  if (s.y1 == s.y0) {
    double d = s.y0 == 0 ? 1 : std::abs(s.y0) * 0.1;
    s.y0 -= d, s.y1 += d;
  }
  return s;
}

}  // namespace

std::string sparkline(const model::Indicator& ind, const ReportView& view) {
  std::optional<Point> base, final_target;
  if (ind.baseline.value.number && ind.baseline.fiscal_year)
    base = Point{static_cast<double>(*ind.baseline.fiscal_year),
                 ind.baseline.value.number->to_double(), "b"};
  if (ind.final_target.value.number && ind.final_target.fiscal_year)
    final_target = Point{static_cast<double>(*ind.final_target.fiscal_year),
                         ind.final_target.value.number->to_double(), "ft"};
  std::vector<Point> actuals;
  for (const auto& o : ind.observations)
    if (o.actual.number)
      actuals.push_back({static_cast<double>(model::measured_year(o)), o.actual.number->to_double(),
                         model::to_string(o.outcome.status)});
  std::vector<Point> all = actuals;
  if (base) all.push_back(*base);
  if (final_target) all.push_back(*final_target);
  all.erase(std::remove_if(
                all.begin(), all.end(),
                [](const Point& p) { return !std::isfinite(p.value) || !std::isfinite(p.year); }),
            all.end());
  if (actuals.empty() && !(base && final_target)) return "";
  if (all.empty()) return "";
  auto s = scale_of(all);

  std::string svg = fmt::format(
      "<svg class=\"spark\" viewBox=\"0 0 {0} {1}\" width=\"{0}\" height=\"{1}\" "
      "aria-hidden=\"true\">",
      width, height);
  if (view.year && *view.year >= s.x0 && *view.year <= s.x1) {
    double x = s.x(*view.year);
    svg += fmt::format("<line class=\"vy\" x1=\"{0:.1f}\" x2=\"{0:.1f}\" y1=\"0\" y2=\"{1}\"/>", x,
                       height);
  }
  if (base && final_target)
    svg += fmt::format(
        "<line class=\"tp\" x1=\"{:.0f}\" y1=\"{:.0f}\" x2=\"{:.0f}\" y2=\"{:.0f}\"/>",
        s.x(base->year), s.y(base->value), s.x(final_target->year), s.y(final_target->value));
  std::vector<Point> line;
  if (base) line.push_back(*base);
  line.insert(line.end(), actuals.begin(), actuals.end());
  std::erase_if(line, [](const Point& p) { return !std::isfinite(p.value); });
  if (line.size() > 1) {
    svg += "<polyline class=\"al\" points=\"";
    for (std::size_t i = 0; i < line.size(); ++i)
      svg += fmt::format("{}{:.0f},{:.0f}", i ? " " : "", s.x(line[i].year), s.y(line[i].value));
    svg += "\"/>";
  }
  if (final_target && std::isfinite(final_target->value))
    svg += fmt::format("<circle class=\"ft\" cx=\"{:.0f}\" cy=\"{:.0f}\" r=\"3\"/>",
                       s.x(final_target->year), s.y(final_target->value));
  for (const auto& p : line) {
    bool in_view = view.year && p.year == *view.year && p.css != std::string_view("b");
    svg += fmt::format("<circle class=\"{}\" cx=\"{:.0f}\" cy=\"{:.0f}\" r=\"{}\"/>", p.css,
                       s.x(p.year), s.y(p.value), in_view ? "3.5" : "2.5");
  }
  return svg + "</svg>";
}

}  // namespace kpi::report::html
