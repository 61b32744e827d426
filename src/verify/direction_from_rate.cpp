#include "kpi/verify/direction_from_rate.hpp"

#include <fmt/format.h>

#include "kpi/calc/rational.hpp"

namespace kpi::verify {
namespace {

using calc::Rational;

struct Reproduced {
  int published = 0;  // observations with a published rate and the numbers to compute it
  int ratio = 0;      // of those, reproduced by actual / target
  int inverse = 0;    // of those, reproduced by target / actual
  std::string example;
};

const model::Value& target_for(const model::Indicator& ind, const model::Observation& o,
                               const calc::Profile& profile) {
  bool final_first = profile.rate_basis == calc::RateBasis::final_target || !o.target.number;
  return final_first ? ind.final_target.value : o.target;
}

bool reproduces(const std::optional<Rational>& quotient, const model::Decimal& published) {
  if (!quotient) return false;
  auto percent = *quotient * Rational::integer(100);
  return calc::round_half_away(percent, published.scale) == published;
}

Reproduced count(const model::Indicator& ind, const calc::Profile& profile) {
  Reproduced r;
  for (const auto& o : ind.observations) {
    const auto& target = target_for(ind, o, profile);
    if (!o.published_rate.number || !o.actual.number || !target.number) continue;
    auto a = Rational::of(*o.actual.number), t = Rational::of(*target.number);
    ++r.published;
    bool up = reproduces(calc::divide(a, t), *o.published_rate.number);
    bool down = reproduces(calc::divide(t, a), *o.published_rate.number);
    r.ratio += up;
    r.inverse += down;
    if (r.example.empty() && up != down)
      r.example = fmt::format("FY{} published {} = {} ({} / {})", o.fiscal_year,
                              o.published_rate.text, up ? "actual / target" : "target / actual",
                              up ? o.actual.text : target.text, up ? target.text : o.actual.text);
  }
  return r;
}

}  // namespace

void direction_from_published_rates(model::Indicator& ind, const calc::Profile& profile) {
  if (ind.direction_source == model::DirectionSource::assumed) {
    ind.direction = model::Direction::unknown;
    ind.direction_source = model::DirectionSource::none;
    ind.direction_text.clear();
  }
  if (ind.direction != model::Direction::unknown) return;
  auto r = count(ind, profile);
  if (r.published == 0) return;
  bool up = r.ratio == r.published && r.inverse < r.published;
  bool down = r.inverse == r.published && r.ratio < r.published;
  if (up == down) return;
  ind.direction = up ? model::Direction::increase : model::Direction::decrease;
  ind.direction_source = model::DirectionSource::published_rate;
  ind.direction_text = r.example;
}

void mark_assumed_direction(model::Indicator& ind) {
  if (ind.direction != model::Direction::unknown) return;
  for (const auto& o : ind.observations) {
    if (!o.check.rate_percent) continue;
    ind.direction = model::Direction::increase;
    ind.direction_source = model::DirectionSource::assumed;
    ind.direction_text =
        "no direction in the sheet; the rate assumes more is better (actual / target)";
    return;
  }
}

}  // namespace kpi::verify
