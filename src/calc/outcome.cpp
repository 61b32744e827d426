#include "kpi/calc/outcome.hpp"

namespace kpi::calc {

model::Outcome outcome_of(const model::Observation& observation, const Profile& profile) {
  model::Outcome out;
  if (observation.check.rate_rounded) {
    out.rate = observation.check.rate_rounded;
    out.rate_source = "recomputed";
  } else if (observation.published_rate.number) {
    out.rate = observation.published_rate.number;
    out.rate_source = "published";
  }
  if (!out.rate) return out;
  double percent = out.rate->to_double();
  out.status = percent >= 100.0 ? model::Status::achieved : model::Status::behind;
  out.grade = grade_of(profile, percent);
  return out;
}

void assess(model::Indicator& indicator, const Profile& profile) {
  for (auto& o : indicator.observations) o.outcome = outcome_of(o, profile);
  indicator.pace = pace_of(indicator);
}

}  // namespace kpi::calc
