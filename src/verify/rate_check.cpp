#include "kpi/verify/rate_check.hpp"

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "kpi/calc/rate.hpp"
#include "kpi/text/strings.hpp"
#include "kpi/verify/direction_from_rate.hpp"

namespace kpi::verify {
namespace {

using calc::Method;
using calc::Rational;
using model::Decimal;

// One way the published rate may have been computed.
struct Candidate {
  Method method;
  std::optional<Decimal> target, actual, baseline;
  std::string basis;  // "year target", "final target", "revised target"
  std::string note;   // ", baseline ▲103 (number 2 of the baseline cell)"
};

struct Exactness {
  bool target = false, actual = false, baseline = false;
};

std::optional<Rational> rational(const std::optional<Decimal>& d) {
  if (!d) return std::nullopt;
  return Rational::of(*d);
}

calc::RateInputs inputs_of(const Candidate& c) {
  return {rational(c.target), rational(c.actual), rational(c.baseline)};
}

bool met_on_good_side(model::Direction direction, const Rational& actual, const Rational& target) {
  int cmp = calc::compare(actual, target);
  return direction == model::Direction::decrease ? cmp <= 0 : cmp >= 0;
}

std::optional<Rational> evaluate(const Candidate& c, model::Direction direction) {
  auto in = inputs_of(c);
  if (c.method != Method::met_is_100) return calc::rate_percent(c.method, in);
  if (!in.target || !in.actual || !met_on_good_side(direction, *in.actual, *in.target))
    return std::nullopt;
  return Rational::integer(100);
}

Decimal round_by(calc::Rounding rounding, const Rational& r, int decimals) {
  switch (rounding) {
    case calc::Rounding::half_even: return calc::round_half_even(r, decimals);
    case calc::Rounding::down: return calc::round_down(r, decimals);
    case calc::Rounding::half_away: break;
  }
  return calc::round_half_away(r, decimals);
}

std::string percent_text(const Decimal& d) { return d.to_string() + "%"; }

std::string percent_text(const Rational& r, int decimals) {
  return percent_text(calc::round_half_away(r, decimals));
}

// -- candidate list ----------------------------------------------------------------------

std::optional<Decimal> number_of(const model::Value& v) { return v.number; }

Method method_for(model::Direction direction, const Candidate& c, const calc::Profile& profile) {
  return calc::primary_method(direction, inputs_of(c), profile.zero_target_progress,
                              profile.maintain_zero_is_100);
}

std::vector<Candidate> candidates(const model::Indicator& ind, const model::Observation& obs,
                                  const calc::Profile& profile) {
  auto year_target = number_of(obs.target);
  auto final_target = number_of(ind.final_target.value);
  auto baseline = number_of(ind.baseline.value);
  auto actual = number_of(obs.actual);
  bool final_first = profile.rate_basis == calc::RateBasis::final_target || !year_target;
  auto first_target = final_first ? final_target : year_target;
  auto second_target = final_first ? year_target : final_target;
  const char* first_name = final_first ? "final target" : "year target";
  const char* second_name = final_first ? "year target" : "final target";

  std::vector<Candidate> out;
  Candidate primary{Method::ratio, first_target, actual, baseline, first_name, {}};
  primary.method = method_for(ind.direction, primary, profile);
  out.push_back(primary);
  for (std::size_t i = 0; i < ind.baseline.alternatives.size(); ++i) {
    Candidate alt = primary;
    alt.baseline = number_of(ind.baseline.alternatives[i]);
    alt.method = Method::progress;
    alt.note = fmt::format(", baseline {} (number {} of the baseline cell)",
                           ind.baseline.alternatives[i].text, i + 2);
    out.push_back(alt);
  }
  auto add_for_target = [&](std::optional<Decimal> target, const std::string& name) {
    if (!target) return;
    Candidate c{Method::ratio, target, actual, baseline, name, {}};
    c.method = method_for(ind.direction, c, profile);
    out.push_back(c);
  };
  if (profile.maintain_within_is_100 && ind.direction == model::Direction::maintain)
    out.push_back({Method::maintain_within, first_target, actual, baseline, first_name, {}});
  add_for_target(number_of(obs.revised_target), "revised target");
  add_for_target(second_target, second_name);
  // Other known formulas, against the first target.
  for (Method m : {Method::ratio, Method::inverse, Method::met_is_100, Method::complement,
                   Method::progress}) {
    if (m == primary.method) continue;
    if (m == Method::complement && ind.direction != model::Direction::decrease) continue;
    if (m == Method::ratio && ind.direction == model::Direction::decrease) continue;
    if (m == Method::inverse && ind.direction != model::Direction::decrease &&
        ind.direction != model::Direction::unknown)
      continue;
    out.push_back({m, first_target, actual, baseline, first_name, {}});
  }
  return out;
}

// -- interval consistency ----------------------------------------------------------------

struct Range {
  Rational low, high;
};

std::vector<Rational> corners_of(const std::optional<Decimal>& d, bool exact) {
  if (!d) return {Rational{}};
  Rational x = Rational::of(*d);
  if (exact) return {x};
  Rational h = calc::half_ulp(*d);
  return {x - h, x + h};
}

std::optional<Range> rate_range(const Candidate& c, model::Direction direction, Exactness exact) {
  if (c.method == Method::met_is_100 || c.method == Method::maintain_zero ||
      c.method == Method::maintain_within)
    return std::nullopt;
  std::optional<Range> range;
  for (const auto& t : corners_of(c.target, exact.target))
    for (const auto& a : corners_of(c.actual, exact.actual))
      for (const auto& b : corners_of(c.baseline, exact.baseline)) {
        calc::RateInputs in{c.target ? std::optional(t) : std::nullopt,
                            c.actual ? std::optional(a) : std::nullopt,
                            c.baseline ? std::optional(b) : std::nullopt};
        // A denominator interval that reaches zero makes the rate unbounded.
        auto r = calc::rate_percent(c.method, in);
        if (!r) return std::nullopt;
        if (!range) range = Range{*r, *r};
        if (calc::compare(*r, range->low) < 0) range->low = *r;
        if (calc::compare(*r, range->high) > 0) range->high = *r;
      }
  (void)direction;
  return range;
}

bool denominator_sign_stable(const Candidate& c, Exactness exact) {
  auto spans_zero = [](const std::optional<Decimal>& d, bool is_exact) {
    if (!d || is_exact) return d && d->units == 0;
    auto corners = corners_of(d, false);
    return calc::compare(corners[0], Rational{}) <= 0 && calc::compare(corners[1], Rational{}) >= 0;
  };
  switch (c.method) {
    case Method::ratio:
    case Method::complement: return !spans_zero(c.target, exact.target);
    case Method::inverse: return !spans_zero(c.actual, exact.actual);
    case Method::progress: {
      if (!c.target || !c.baseline) return false;
      auto diff = Rational::of(*c.target) - Rational::of(*c.baseline);
      auto slack = (exact.target ? Rational{} : calc::half_ulp(*c.target)) +
                   (exact.baseline ? Rational{} : calc::half_ulp(*c.baseline));
      Rational abs_diff = calc::compare(diff, Rational{}) < 0 ? Rational{} - diff : diff;
      return calc::compare(abs_diff, slack) > 0;
    }
    default: return false;
  }
}

std::string slack_description(const Candidate& c, Exactness exact) {
  std::vector<std::string> parts;
  auto describe = [&](const char* name, const std::optional<Decimal>& d, bool is_exact) {
    if (!d || is_exact) return;
    auto h = calc::half_ulp(*d);
    auto x = Rational::of(*d);
    int decimals = d->scale + 1;
    parts.push_back(fmt::format("{} printed {} may be {}–{}", name, d->to_string(),
                                calc::round_half_away(x - h, decimals).to_string(),
                                calc::round_half_away(x + h, decimals).to_string()));
  };
  describe("actual", c.actual, exact.actual);
  describe("target", c.target, exact.target);
  if (c.method == Method::progress) describe("baseline", c.baseline, exact.baseline);
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : "; ") + p;
  return out;
}

bool overlaps(const Range& r, const Rational& published, const Rational& half) {
  return calc::compare(r.low, published + half) <= 0 &&
         calc::compare(r.high, published - half) >= 0;
}

void set_rate(model::RateCheck& check, const Rational& rate, int decimals) {
  check.rate_percent = rate.to_double();
  check.rate_rounded = calc::round_half_away(rate, decimals);
}

model::RateCheck unchecked(std::optional<Rational> rate, std::string method, std::string why) {
  model::RateCheck check;
  if (rate) set_rate(check, *rate, 1);
  check.method = std::move(method);
  check.verdict = model::Verdict::unchecked;
  check.explanation = std::move(why);
  return check;
}

std::string missing_inputs(const Candidate& c) {
  if (!c.actual && !c.target) return "no target and no actual";
  if (!c.actual) return "no actual";
  if (!c.target) return "no numeric target";
  return "rate undefined (division by zero)";
}

std::string signed_text(const Rational& r, int decimals) {
  return (r.num < 0 ? "" : "+") + calc::round_half_away(r, decimals).to_string();
}

// The other formula whose rate comes nearest the published one (the best explanation tried).
std::string nearest_other(const std::vector<Candidate>& cands, model::Direction direction,
                          const Rational& published, int decimals) {
  std::optional<Rational> best_distance;
  std::string best;
  for (std::size_t i = 1; i < cands.size(); ++i) {
    auto r = evaluate(cands[i], direction);
    if (!r) continue;
    auto d = *r - published;
    if (d.num < 0) d.num = -d.num;
    if (best_distance && calc::compare(d, *best_distance) >= 0) continue;
    best_distance = d;
    best = fmt::format("; nearest other formula: {} against the {} gives {}",
                       calc::to_string(cands[i].method), cands[i].basis, percent_text(*r, decimals));
  }
  return best;
}

// Statcheck's decision error: the discrepancy changes the grade or achieved / not achieved.
std::string decision_flip(const calc::Profile& profile, const Decimal& published,
                          const Decimal& recomputed) {
  double p = published.to_double(), r = recomputed.to_double();
  if ((p >= 100.0) != (r >= 100.0))
    return p >= 100.0 ? "decision error: published says achieved, recomputed says not"
                      : "decision error: published says not achieved, recomputed says achieved";
  auto gp = calc::grade_of(profile, p), gr = calc::grade_of(profile, r);
  if (gp != gr) return fmt::format("decision error: grade {} published, {} recomputed", gp, gr);
  return "";
}

// check_rate without the overflow guard.
model::RateCheck explain_rate(const model::Indicator& ind, const model::Observation& obs,
                              const calc::Profile& profile) {
  auto cands = candidates(ind, obs, profile);
  const Candidate& primary = cands.front();
  auto primary_rate = evaluate(primary, ind.direction);
  const char* primary_method = calc::to_string(primary.method);
  if (!obs.published_rate.number) {
    if (!primary_rate)
      return unchecked(std::nullopt, "", "nothing to compute: " + missing_inputs(primary));
    return unchecked(primary_rate, primary_method, "no published rate");
  }
  const Decimal published = *obs.published_rate.number;
  const int decimals = published.scale;
  bool computable = false;
  for (const auto& c : cands) computable = computable || evaluate(c, ind.direction).has_value();
  if (!computable)
    return unchecked(std::nullopt, "", "published rate but nothing to compute: " + missing_inputs(primary));

  model::RateCheck check;
  // 1. Face value: a known formula reproduces the published rate exactly.
  for (const auto& c : cands) {
    auto r = evaluate(c, ind.direction);
    if (!r || !(round_by(profile.rounding, *r, decimals) == published)) continue;
    set_rate(check, *r, decimals);
    check.method = calc::to_string(c.method);
    check.basis = c.basis;
    check.verdict = model::Verdict::match;
    if (&c != &primary)
      check.explanation = fmt::format("{} against the {}{}", check.method, c.basis, c.note);
    return check;
  }
  if (primary_rate) {
    set_rate(check, *primary_rate, decimals);
    check.method = primary_method;
    check.basis = primary.basis;
  }
  // 2. Other rounding: the sheet truncates or rounds half to even.
  if (primary_rate) {
    for (auto rounding : {calc::Rounding::down, calc::Rounding::half_even}) {
      if (rounding == profile.rounding || !(round_by(rounding, *primary_rate, decimals) == published))
        continue;
      check.verdict = model::Verdict::consistent;
      check.explanation = fmt::format(
          "{} = {} rounds to {} only when {}", primary_method, percent_text(*primary_rate, decimals + 2),
          percent_text(published),
          rounding == calc::Rounding::down ? "truncated (ROUNDDOWN)" : "rounded half to even");
      return check;
    }
  }
  // 3. Printed precision: inputs within their printed rounding explain the rate. The actual
  // (and baseline) alone first, then the target too; counts of whole things get no slack.
  bool exact = calc::is_exact_quantity(profile, ind.unit, ind.name);
  Rational pub = Rational::of(published);
  Rational half = calc::half_ulp(published);
  for (Exactness slack : {Exactness{true, exact, exact}, Exactness{exact, exact, exact}}) {
    for (const auto& c : cands) {
      if (!denominator_sign_stable(c, slack)) continue;
      auto range = rate_range(c, ind.direction, slack);
      if (!range || !overlaps(*range, pub, half)) continue;
      auto r = evaluate(c, ind.direction);
      check.verdict = model::Verdict::consistent;
      if (r) set_rate(check, *r, decimals);
      check.method = calc::to_string(c.method);
      check.basis = c.basis;
      check.explanation = fmt::format("{} against the {}{}: {} ⇒ {}–{} covers {}", check.method,
                                      c.basis, c.note, slack_description(c, slack),
                                      percent_text(range->low, decimals + 1),
                                      percent_text(range->high, decimals + 1),
                                      percent_text(published));
      return check;
    }
  }
  // 4. Nothing explains it.
  check.verdict = model::Verdict::mismatch;
  if (!primary_rate) {
    check.explanation = "published " + percent_text(published) + " but " + missing_inputs(primary);
    return check;
  }
  auto rounded = round_by(profile.rounding, *primary_rate, decimals);
  auto diff = Rational::of(published) - Rational::of(rounded);
  auto flip = decision_flip(profile, published, rounded);
  check.decision_flip = !flip.empty();
  check.explanation = fmt::format("published {}, recomputed {} ({} against the {}), difference {} points{}{}",
                                  percent_text(published), percent_text(rounded), primary_method,
                                  primary.basis, signed_text(diff, decimals),
                                  nearest_other(cands, ind.direction, pub, decimals),
                                  flip.empty() ? "" : "; " + flip);
  return check;
}

}  // namespace

model::RateCheck check_rate(const model::Indicator& ind, const model::Observation& obs,
                            const calc::Profile& profile) {
  try {
    return explain_rate(ind, obs, profile);
  } catch (const calc::Overflow&) {
    // Values of 18 digits with many decimals: no exact rate, and never a wrapped-around one.
    return unchecked(std::nullopt, "", "numbers too large to compute the rate exactly");
  }
}

model::RateCheck check_revised_rate(const model::Indicator& ind, const model::Observation& obs,
                                    const calc::Profile& profile) {
  // The revised rate (変更後の達成率) is the same question against the revised target.
  model::Observation revised;
  revised.fiscal_year = obs.fiscal_year;
  revised.target = obs.revised_target;
  revised.actual = obs.actual;
  revised.published_rate = obs.revised_rate;
  calc::Profile against_revised = profile;
  against_revised.rate_basis = calc::RateBasis::year_target;
  auto check = check_rate(ind, revised, against_revised);
  if (check.basis == "year target") check.basis = "revised target";
  check.explanation = text::replace_all(check.explanation, "the year target", "the revised target");
  return check;
}

void check_rates(std::vector<model::Indicator>& indicators, const calc::Profile* override_profile) {
  for (auto& ind : indicators) {
    const auto& profile = override_profile ? *override_profile : calc::profile_for(ind.municipality);
    direction_from_published_rates(ind, profile);
    for (auto& obs : ind.observations) {
      obs.check = check_rate(ind, obs, profile);
      if (obs.revised_target.has_number() || obs.revised_rate.has_number())
        obs.revised_check = check_revised_rate(ind, obs, profile);
    }
    mark_assumed_direction(ind);
  }
}

}  // namespace kpi::verify
