// Pace toward the final target: the straight line from the baseline to the final target, and
// the actuals' least-squares trend extended to the final year.
#include <algorithm>
#include <cmath>
#include <vector>

#include "kpi/calc/outcome.hpp"
#include "kpi/model/measured_year.hpp"

namespace kpi::calc {
namespace {

struct Point {
  double year;
  double value;
};

// +1 when higher is better, -1 when lower is better, 0 when the sheet does not say and the
// final target does not either (target equal to the baseline).
int better_sign(const model::Indicator& ind, double baseline, double final_target) {
  switch (ind.direction) {
    case model::Direction::increase:
      return 1;
    case model::Direction::decrease:
      return -1;
    case model::Direction::maintain:
      return 0;
    case model::Direction::unknown:
      break;
  }
  return final_target > baseline ? 1 : final_target < baseline ? -1 : 0;
}

std::vector<Point> actual_points(const model::Indicator& ind) {
  std::vector<Point> points;
  for (const auto& o : ind.observations)
    if (o.actual.number)
      points.push_back(
          {static_cast<double>(model::measured_year(o)), o.actual.number->to_double()});
  return points;
}

// Least squares through `points`, evaluated at `year`; nullopt for fewer than two years.
std::optional<double> trend_at(const std::vector<Point>& points, double year) {
  if (points.size() < 2) return std::nullopt;
  double n = static_cast<double>(points.size()), sx = 0, sy = 0;
  for (const auto& p : points) sx += p.year, sy += p.value;
  double mx = sx / n, my = sy / n, sxx = 0, sxy = 0;
  for (const auto& p : points) {
    sxx += (p.year - mx) * (p.year - mx);
    sxy += (p.year - mx) * (p.value - my);
  }
  if (sxx == 0) return std::nullopt;
  return my + sxy / sxx * (year - mx);
}

bool reached(double value, double target, int sign) {
  return sign > 0 ? value >= target : value <= target;
}

model::Pace unknown(std::string reason) {
  model::Pace pace;
  pace.reason = std::move(reason);
  return pace;
}

// A maintained value: on track while the latest year is achieved.
model::Pace maintained(const model::Indicator& ind, model::Pace pace) {
  for (auto it = ind.observations.rbegin(); it != ind.observations.rend(); ++it) {
    if (!it->actual.number) continue;
    if (it->outcome.status == model::Status::no_data) break;
    pace.status = it->outcome.status == model::Status::achieved ? model::PaceStatus::on_track
                                                                : model::PaceStatus::behind;
    return pace;
  }
  pace.reason = "no rate for the latest actual";
  return pace;
}

}  // namespace

model::Pace pace_of(const model::Indicator& ind) {
  const auto& base = ind.baseline;
  const auto& fin = ind.final_target;
  if (!base.value.number || !base.fiscal_year) return unknown("no baseline value and year");
  if (!fin.value.number || !fin.fiscal_year) return unknown("no final target value and year");
  if (*fin.fiscal_year <= *base.fiscal_year) return unknown("final year not after the baseline");
  auto points = actual_points(ind);
  if (points.empty()) return unknown("no actual yet");

  double b = base.value.number->to_double(), t = fin.value.number->to_double();
  double yb = *base.fiscal_year, yf = *fin.fiscal_year;
  model::Pace pace;
  pace.as_of = static_cast<int>(points.back().year);
  pace.actual = points.back().value;
  double y = std::clamp(points.back().year, yb, yf);
  pace.expected = b + (t - b) * (y - yb) / (yf - yb);
  std::vector<Point> trend = {{yb, b}};
  trend.insert(trend.end(), points.begin(), points.end());
  pace.projected_final = trend_at(trend, yf);

  int sign = better_sign(ind, b, t);
  if (ind.direction == model::Direction::maintain) return maintained(ind, pace);
  if (sign == 0) {
    pace.reason = "no direction: the final target equals the baseline";
    return pace;
  }
  if (*pace.expected != b) pace.progress_percent = (*pace.actual - b) / (*pace.expected - b) * 100;
  if (pace.projected_final) pace.projected_to_achieve = reached(*pace.projected_final, t, sign);
  if (reached(*pace.actual, t, sign))
    pace.status = model::PaceStatus::achieved;
  else
    pace.status = reached(*pace.actual, *pace.expected, sign) ? model::PaceStatus::on_track
                                                              : model::PaceStatus::behind;
  return pace;
}

}  // namespace kpi::calc
