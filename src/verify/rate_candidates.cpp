#include "rate_candidates.hpp"

#include <array>
#include <cstdint>
#include <limits>

#include <fmt/format.h>

namespace kpi::verify {
namespace {

using calc::Method;
using calc::Rational;
using model::Decimal;
using model::Direction;

calc::RateInputs inputs_of(const Candidate& c) {
  auto r = [](const std::optional<Decimal>& d) -> std::optional<Rational> {
    if (!d) return std::nullopt;
    return Rational::of(*d);
  };
  return {r(c.target), r(c.actual), r(c.baseline)};
}

Method method_for(Direction direction, const Candidate& c, const calc::Profile& profile) {
  auto zero = [](const std::optional<Decimal>& d) { return d && d->units == 0; };
  return calc::primary_method(direction, calc::ZeroInputs{zero(c.target), zero(c.actual)},
                              profile.zero_target_progress, profile.maintain_zero_is_100);
}

bool met_on_good_side(Direction direction, const Rational& actual, const Rational& target) {
  int cmp = calc::compare(actual, target);
  return direction == Direction::decrease ? cmp <= 0 : cmp >= 0;
}

// Formulas a sheet may use for this direction besides its own.
bool applies(Method m, Direction direction) {
  if (m == Method::complement) return direction == Direction::decrease;
  if (m == Method::ratio) return direction != Direction::decrease;
  if (m == Method::inverse)
    return direction == Direction::decrease || direction == Direction::unknown;
  // 100% for a target met is a maintain KPI's convention: for a KPI to raise or lower, a met
  // target printed as 100% (216.7% capped) hides the rate, and a wrong rate must not pass as it.
  if (m == Method::met_is_100) return direction == Direction::maintain;
  return true;
}

void add_baseline_alternatives(const model::Indicator& ind, const Candidate& primary,
                               std::vector<Candidate>& out) {
  for (std::size_t i = 0; i < ind.baseline.alternatives.size(); ++i) {
    Candidate alt = primary;
    alt.evaluated_for = std::nullopt;
    alt.ranged_for = std::nullopt;
    alt.baseline = ind.baseline.alternatives[i].number;
    alt.method = Method::progress;
    alt.baseline_number = static_cast<int>(i) + 2;
    alt.baseline_text = ind.baseline.alternatives[i].text;
    alt.primary = primary.method == Method::progress;
    out.push_back(alt);
  }
}

// One value, or the two ends of an interval, without allocating.
struct Corners {
  std::array<Rational, 2> at{};
  std::size_t count = 1;

  const Rational* begin() const { return at.data(); }
  const Rational* end() const { return at.data() + count; }
  std::size_t size() const { return count; }
  const Rational& operator[](std::size_t i) const { return at[i]; }
  Rational& operator[](std::size_t i) { return at[i]; }
};

// A value as printed, with its room: [x − h, x + h], not below 0 for a non-negative quantity.
// x − h and x + h for a printed x and half its last place h, written as decimals with one more
// place (58.0 ± 0.05: 57.95, 58.05): the same values without two Rational sums. Only where
// nothing can overflow (as x − h and x + h cannot there either).
std::optional<Corners> ends_as_decimals(const Decimal& d) {
  constexpr std::int64_t limit = (std::numeric_limits<std::int64_t>::max() - 5) / 10;
  if (d.scale < 0 || d.scale > 17 || d.units > limit || d.units < -limit) return std::nullopt;
  return Corners{{Rational::of(Decimal{d.units * 10 - 5, d.scale + 1}),
                  Rational::of(Decimal{d.units * 10 + 5, d.scale + 1})},
                 2};
}

Corners corners_of(const std::optional<Decimal>& d, bool exact, bool non_negative) {
  if (!d) return {};
  if (exact) return {{Rational::of(*d), Rational{}}, 1};
  auto ends = ends_as_decimals(*d);
  if (!ends) {
    Rational x = Rational::of(*d);
    Rational h = calc::half_ulp(*d);
    ends = Corners{{x - h, x + h}, 2};
  }
  if (non_negative && d->units >= 0 && calc::compare((*ends)[0], Rational{}) < 0)
    (*ends)[0] = Rational{};
  return *ends;
}

bool spans_zero(const Corners& corners) {
  Rational zero{};
  if (corners.size() == 1) return calc::is_zero(corners[0]);
  return calc::compare(corners[0], zero) <= 0 && calc::compare(corners[1], zero) >= 0;
}

// Every formula is monotone in each input while its denominator keeps its sign.
bool denominator_keeps_sign(const Candidate& c, const Precision& p) {
  switch (c.method) {
    case Method::ratio:
    case Method::complement:
    case Method::two_minus_ratio:
      return c.target && !calc::is_zero(Rational::of(*c.target));
    case Method::inverse:
      return !spans_zero(corners_of(c.actual, p.measured_exact, p.non_negative));
    case Method::progress: {
      if (!c.target || !c.baseline) return false;
      auto b = corners_of(c.baseline, p.measured_exact, p.non_negative);
      Rational t = Rational::of(*c.target);
      Corners diff;
      diff.count = b.size();
      for (std::size_t i = 0; i < b.size(); ++i) diff[i] = t - b[i];
      if (diff.size() == 2 && calc::compare(diff[0], diff[1]) > 0) std::swap(diff[0], diff[1]);
      return !spans_zero(diff);
    }
    default:
      return false;
  }
}

void widen(std::optional<Range>& range, const Rational& r) {
  if (!range) range = Range{r, r};
  if (calc::compare(r, range->low) < 0) range->low = r;
  if (calc::compare(r, range->high) > 0) range->high = r;
}

std::optional<Rational> evaluate_afresh(const Candidate& c, Direction direction) {
  auto in = inputs_of(c);
  if (c.method != Method::met_is_100) return calc::rate_percent(c.method, in);
  if (!in.target || !in.actual || !met_on_good_side(direction, *in.actual, *in.target))
    return std::nullopt;
  return Rational::integer(100);
}

bool is_negative(const model::Value& v) {
  return v.number && v.number->units < 0;
}

}  // namespace

void set_formula(model::RateCheck& check, const Candidate& c) {
  check.method = calc::to_string(c.method);
  check.basis = to_string(c.basis);
  check.method_kind = c.method;
  check.basis_kind = c.basis;
}

const char* to_string(Basis basis) {
  switch (basis) {
    case Basis::final_target:
      return "final target";
    case Basis::revised_target:
      return "revised target";
    case Basis::year_target:
      break;
  }
  return "year target";
}

namespace {

// The target a rate is measured against first (the year's own, or the final target by the
// profile or when the year has none), and the other one.
struct Targets {
  std::optional<Decimal> first, second;
  Basis first_basis, second_basis;
};

Targets targets_of(const model::Indicator& ind, const model::Observation& obs,
                   const calc::Profile& profile, Basis year_basis) {
  auto year_target = obs.target.number;
  auto final_target = ind.final_target.value.number;
  bool final_first = profile.rate_basis == calc::RateBasis::final_target || !year_target;
  if (final_first) return {final_target, year_target, Basis::final_target, year_basis};
  return {year_target, final_target, year_basis, Basis::final_target};
}

}  // namespace

Candidate own_candidate(const model::Indicator& ind, const model::Observation& obs,
                        const calc::Profile& profile, Basis year_basis) {
  auto targets = targets_of(ind, obs, profile, year_basis);
  Candidate primary{Method::ratio,
                    targets.first,
                    obs.actual.number,
                    ind.baseline.value.number,
                    targets.first_basis,
                    1,
                    {},
                    true};
  // A printed indicator type (進捗割合型 ...) prescribes the formula; else the convention.
  primary.method =
      calc::method_of(ind.rate_formula).value_or(method_for(ind.direction, primary, profile));
  return primary;
}

CandidateList::CandidateList(const model::Indicator& ind, const model::Observation& obs,
                             const calc::Profile& profile, Basis year_basis,
                             std::vector<Candidate>& store)
    : ind_(ind), obs_(obs), profile_(profile), year_basis_(year_basis), store_(store) {
  store_.clear();
  // Room for every candidate all() adds: `own()` stays where it is.
  store_.reserve(9 + ind.baseline.alternatives.size());
  store_.push_back(own_candidate(ind, obs, profile, year_basis));
}

const std::vector<Candidate>& CandidateList::all() const {
  if (complete_) return store_;
  complete_ = true;
  const auto& ind = ind_;
  const auto& obs = obs_;
  const auto& profile = profile_;
  auto targets = targets_of(ind, obs, profile, year_basis_);
  auto baseline = ind.baseline.value.number;
  auto& out = store_;
  const Candidate primary = out.front();
  add_baseline_alternatives(ind, primary, out);
  auto typed = calc::method_of(ind.rate_formula);
  auto add_for = [&](std::optional<Decimal> target, Basis basis) {
    if (!target) return;
    Candidate c{Method::ratio, target, obs.actual.number, baseline, basis, 1, {}, false};
    c.method = typed.value_or(method_for(ind.direction, c, profile));
    out.push_back(c);
  };
  add_for(obs.revised->target.number, Basis::revised_target);
  add_for(targets.second, targets.second_basis);
  // An indicator whose printed type prescribes its formula is explained by that formula only.
  if (typed) return out;
  // Maintain where a lower value is the aim, by the profile: kept within the target = 100%.
  if (profile.maintain_within_is_100 && ind.direction == Direction::maintain)
    out.push_back({Method::maintain_within,
                   targets.first,
                   obs.actual.number,
                   baseline,
                   targets.first_basis,
                   1,
                   {},
                   false});
  for (Method m :
       {Method::ratio, Method::inverse, Method::met_is_100, Method::complement, Method::progress})
    if (m != primary.method && applies(m, ind.direction))
      out.push_back(
          {m, targets.first, obs.actual.number, baseline, targets.first_basis, 1, {}, false});
  return out;
}

std::optional<Rational> evaluate(const Candidate& c, Direction direction) {
  if (c.evaluated_for != direction) {
    c.rate = evaluate_afresh(c, direction);
    c.evaluated_for = direction;
  }
  return c.rate;
}

std::string describe(const Candidate& c) {
  auto head = fmt::format("{} against the {}", calc::to_string(c.method), to_string(c.basis));
  if (c.baseline_number == 1) return head;
  return fmt::format("{}, baseline {} (number {} of the baseline cell)", head, c.baseline_text,
                     c.baseline_number);
}

Precision precision_of(const model::Indicator& ind, const calc::Profile& profile) {
  Precision p;
  p.measured_exact = calc::is_exact_quantity(profile, ind.unit, ind.name);
  p.non_negative = !is_negative(ind.baseline.value) && !is_negative(ind.final_target.value);
  for (const auto& alt : ind.baseline.alternatives)
    p.non_negative = p.non_negative && !is_negative(alt);
  for (const auto& o : ind.observations)
    p.non_negative = p.non_negative && !is_negative(o.target) && !is_negative(o.actual);
  return p;
}

std::optional<Range> rate_range(const Candidate& c, const Precision& p) {
  if (c.method == Method::met_is_100 || c.method == Method::maintain_zero ||
      c.method == Method::maintain_within)
    return std::nullopt;
  if (!denominator_keeps_sign(c, p)) return std::nullopt;
  std::optional<Range> range;
  auto target = c.target ? std::optional(Rational::of(*c.target)) : std::nullopt;
  auto actuals = corners_of(c.actual, p.measured_exact, p.non_negative);
  auto baselines = corners_of(c.baseline, p.measured_exact, p.non_negative);
  for (const auto& a : actuals)
    for (const auto& b : baselines) {
      calc::RateInputs in{target, c.actual ? std::optional(a) : std::nullopt,
                          c.baseline ? std::optional(b) : std::nullopt};
      auto r = calc::rate_percent(c.method, in);
      if (!r) return std::nullopt;
      widen(range, *r);
    }
  return range;
}

const std::optional<Range>& remembered_rate_range(const Candidate& c, const Precision& p) {
  if (c.ranged_for != p) {
    c.range = rate_range(c, p);
    c.ranged_for = p;
  }
  return c.range;
}

std::string room_description(const Candidate& c, const Precision& p) {
  std::string out;
  auto describe_value = [&](const char* name, const std::optional<Decimal>& d) {
    if (!d || p.measured_exact) return;
    auto corners = corners_of(d, false, p.non_negative);
    int decimals = d->scale + 1;
    out += fmt::format("{}{} printed {} may be {}–{}", out.empty() ? "" : "; ", name,
                       d->to_string(), calc::round_half_away(corners[0], decimals).to_string(),
                       calc::round_half_away(corners[1], decimals).to_string());
  };
  describe_value("actual", c.actual);
  if (c.method == Method::progress) describe_value("baseline", c.baseline);
  return out;
}

// Whether the observation's published rate tells which formula made it: an actual equal to
// its target is 100 % by every formula, and from a baseline of 0 progress is the ratio (8 of
// 10 from 0 is 80 % both ways), so such a rate sides with none of them.
const std::optional<model::Decimal>& checked_target(const model::Indicator& ind,
                                                    const model::Observation& o) {
  return o.check.basis_kind == Basis::final_target ? ind.final_target.value.number
                                                   : o.target.number;
}

bool tells_formula(const model::Indicator& ind, const model::Observation& o) {
  const auto& target = checked_target(ind, o);
  if (o.actual.number && target && o.actual.number->to_double() == target->to_double())
    return false;
  bool ratio_or_progress =
      o.check.method_kind == Method::ratio || o.check.method_kind == Method::progress;
  const auto& base = ind.baseline.value.number;
  return !(ratio_or_progress && base && base->to_double() == 0);
}

}  // namespace kpi::verify
