#include "kpi/verify/rate_check.hpp"

#include "kpi/calc/outcome.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "finding_kinds.hpp"
#include "kpi/text/normalize.hpp"
#include "kpi/text/number.hpp"
#include "kpi/text/percentage.hpp"
#include "kpi/text/strings.hpp"
#include "kpi/util/parallel_chunks.hpp"
#include "kpi/util/thread_count.hpp"
#include "kpi/verify/cell_evidence.hpp"
#include "kpi/verify/direction_from_rate.hpp"
#include "printed_formula.hpp"
#include "rate_candidates.hpp"
#include "unchecked_rate.hpp"

namespace kpi::verify {
namespace {

using calc::Rational;
using model::Decimal;
using model::RateCheck;
using model::Verdict;

// Everything the steps of one check look at.
struct Question {
  const model::Indicator& ind;
  const model::Observation& obs;
  const calc::Profile& profile;
  const RateCheckOptions& options;
  const CandidateList& cands;  // the sheet's own formula first
  Decimal published;
  int decimals = 0;            // of the published rate
  const Precision& precision;  // of the indicator's printed values
  Rational published_exact{};
};

Decimal round_by(calc::Rounding rounding, const Rational& r, int decimals) {
  switch (rounding) {
    case calc::Rounding::half_even:
      return calc::round_half_even(r, decimals);
    case calc::Rounding::down:
      return calc::round_down(r, decimals);
    case calc::Rounding::half_away:
      break;
  }
  return calc::round_half_away(r, decimals);
}

std::string percent_text(const Decimal& d) {
  return d.to_string() + "%";
}
std::string percent_text(const Rational& r, int decimals) {
  return percent_text(calc::round_half_away(r, decimals));
}

// Why a value printed with digits was not read: too many digits to compute exactly, or not
// one number ("R5年度策定", "100～120"); "" for a value read, or printed without digits.
std::string why_value_unread(std::string_view role, const model::Value& v) {
  if (v.number) return {};
  auto printed = text::trim(v.text);
  if (std::none_of(printed.begin(), printed.end(), text::is_ascii_digit)) return {};
  auto normalized = text::normalize(printed);
  if (text::exceeds_exact_digits(normalized))
    return fmt::format(
        "the {} '{}' has more digits than kpi-report computes exactly (18 "
        "significant, 12 decimals)",
        role, printed);
  return fmt::format("the {} is printed '{}', not one number kpi-report reads", role, printed);
}

// What the own formula lacks; a value printed with digits but not read says why.
std::string missing_inputs(const model::Observation& obs, const Candidate& c) {
  std::string target = c.target ? "" : why_value_unread("target", obs.target);
  std::string actual = c.actual ? "" : why_value_unread("actual", obs.actual);
  if (!target.empty() || !actual.empty())
    return target.empty() ? actual : actual.empty() ? target : target + "; " + actual;
  if (!c.actual && !c.target) return "no target and no actual";
  if (!c.actual) return "no actual";
  if (!c.target) return "no numeric target";
  return "rate undefined (division by zero)";
}

std::string signed_text(const Rational& r, int decimals) {
  return (r.num < 0 ? "" : "+") + calc::round_half_away(r, decimals).to_string();
}

// -- the steps ---------------------------------------------------------------------------

// 1. Face value: a known formula, rounded like the profile, gives the published rate.
std::optional<RateCheck> matched(const Question& q, const Candidate& c) {
  auto r = evaluate(c, q.ind.direction);
  if (!r) return std::nullopt;
  auto rounded = round_by(q.profile.rounding, *r, q.decimals);
  if (!(rounded == q.published)) return std::nullopt;
  RateCheck check;
  check.rate_percent = r->to_double();
  // set_rate's rounding, already done when it is the profile's.
  check.rate_rounded = q.profile.rounding == calc::Rounding::half_away
                           ? rounded
                           : calc::round_half_away(*r, q.decimals);
  set_formula(check, c);
  check.verdict = Verdict::match;
  if (&c != &q.cands.own()) check.explanation = describe(c);
  return check;
}

// The first candidate that matches; the own formula before the others are even made.
std::optional<RateCheck> face_value(const Question& q) {
  if (auto check = matched(q, q.cands.own())) return check;
  const auto& all = q.cands.all();
  for (auto c = all.begin() + 1; c != all.end(); ++c)
    if (auto check = matched(q, *c)) return check;
  return std::nullopt;
}

// 2. Other rounding: the sheet's own formula truncated or rounded half to even — a mismatch
// that says so.
std::optional<RateCheck> other_rounding(const Question& q, const Rational& rate) {
  for (auto rounding : {calc::Rounding::down, calc::Rounding::half_even}) {
    if (rounding == q.profile.rounding || !(round_by(rounding, rate, q.decimals) == q.published))
      continue;
    RateCheck check;
    set_rate(check, rate, q.decimals);
    set_formula(check, q.cands.own());
    // Another rounding than the sheet's convention is not printed precision: a wrong rate
    // (a profile with that "rounding" accepts a sheet that rounds so throughout).
    check.verdict = Verdict::mismatch;
    check.explanation = fmt::format(
        "published {}, recomputed {} ({} = {}): {} only when {}, not by the sheet's rounding "
        "(half away from zero unless its profile says otherwise)",
        percent_text(q.published), percent_text(round_by(q.profile.rounding, rate, q.decimals)),
        check.method, percent_text(rate, q.decimals + 2), percent_text(q.published),
        rounding == calc::Rounding::down ? "truncated (ROUNDDOWN)" : "rounded half to even");
    return check;
  }
  return std::nullopt;
}

// The published rate's rounding interval widened by `room`. Each end is worked out once, the
// first time a range is held against it (as late as a computation per range would be: an end
// that overflows throws at the same step).
class Window {
 public:
  Window(const Rational& published, const Rational& room) : published_(published), room_(room) {}
  bool overlaps(const Range& r) const {
    if (!high_) high_ = published_ + room_;
    if (calc::compare(r.low, *high_) > 0) return false;
    if (!low_) low_ = published_ - room_;
    return calc::compare(r.high, *low_) >= 0;
  }

 private:
  const Rational& published_;
  Rational room_;
  mutable std::optional<Rational> high_, low_;
};

// The first candidate whose rate over the printed precision of its measured inputs meets
// the published rate's own rounding interval, or, given `points`, the published rate
// plus or minus that many points (--tolerance: a bound of N points, not N more than the
// rounding allows).
const Candidate* explained_within(const Question& q, bool primary_only,
                                  const std::optional<Rational>& points,
                                  std::optional<Range>& range) {
  Window window(q.published_exact, points ? *points : calc::half_ulp(q.published));
  for (const auto& c : q.cands.all()) {
    if (primary_only && !c.primary) continue;
    range = remembered_rate_range(c, q.precision);
    if (range && window.overlaps(*range)) return &c;
  }
  return nullptr;
}

std::string range_text(const Question& q, const Range& range) {
  return fmt::format("{}–{}", percent_text(range.low, q.decimals + 1),
                     percent_text(range.high, q.decimals + 1));
}

RateCheck consistent_by(const Question& q, const Candidate& c, std::string explanation) {
  RateCheck check;
  if (auto r = evaluate(c, q.ind.direction)) set_rate(check, *r, q.decimals);
  set_formula(check, c);
  check.verdict = Verdict::consistent;
  check.explanation = std::move(explanation);
  return check;
}

// 3. Printed precision: the sheet's own formula, with actuals and baselines anywhere their
// printed rounding allows (targets exact), explains the rate.
std::optional<RateCheck> printed_precision(const Question& q) {
  std::optional<Range> range;
  const auto* c = explained_within(q, true, std::nullopt, range);
  if (!c) return std::nullopt;
  auto room = room_description(*c, q.precision);
  return consistent_by(q, *c,
                       fmt::format("{}: {} ⇒ {} covers {}", describe(*c), room,
                                   range_text(q, *range), percent_text(q.published)));
}

// 4. --tolerance: within the team's chosen number of points of the sheet's own formula.
std::optional<RateCheck> within_tolerance(const Question& q) {
  if (q.options.tolerance.units <= 0) return std::nullopt;
  std::optional<Range> range;
  const auto* c = explained_within(q, true, Rational::of(q.options.tolerance), range);
  if (!c) return std::nullopt;
  return consistent_by(q, *c,
                       fmt::format("{} gives {}: {} is within the tolerance of {} points",
                                   describe(*c), range_text(q, *range), percent_text(q.published),
                                   q.options.tolerance.to_string()));
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

// What else was tried: a formula the sheet does not use for this kind of row that explains
// the rate within printed precision, else the other formula that comes nearest.
std::string other_formulas(const Question& q) {
  std::optional<Range> range;
  if (const auto* c = explained_within(q, false, std::nullopt, range); c && !c->primary)
    return fmt::format(
        "; only {} explains it (within printed precision), a formula the sheet "
        "does not use for this kind of row",
        describe(*c));
  std::optional<Rational> best_distance;
  const Candidate* best = nullptr;
  for (const auto& c : q.cands.all()) {
    auto r = evaluate(c, q.ind.direction);
    if (c.primary || !r) continue;
    auto d = *r - q.published_exact;
    if (d.num < 0) d.num = -d.num;
    if (best_distance && calc::compare(d, *best_distance) >= 0) continue;
    best_distance = d;
    best = &c;
  }
  if (!best) return "";
  return fmt::format("; nearest other formula: {} gives {}", describe(*best),
                     percent_text(*evaluate(*best, q.ind.direction), q.decimals));
}

// The printed value a candidate's input came from (numbers as printed: "11,499").
std::string printed_target(const Question& q, const Candidate& c) {
  if (!c.target) return "-";
  if (c.basis == Basis::final_target) return number_text(q.ind.final_target.value);
  return number_text(c.basis == Basis::revised_target && q.obs.revised->target.has_number()
                         ? q.obs.revised->target
                         : q.obs.target);
}

std::string printed_baseline(const Question& q, const Candidate& c) {
  if (!c.baseline) return "-";
  if (c.baseline_number > 1) return number_text(q.ind.baseline.alternatives[c.baseline_number - 2]);
  return number_text(q.ind.baseline.value);
}

// The inputs the sheet's own formula used: "actual 8.0 / target 10.0" for a ratio.
std::string inputs_text(const Question& q, const Candidate& c) {
  auto t = printed_target(q, c), a = number_text(q.obs.actual), b = printed_baseline(q, c);
  switch (c.method) {
    case calc::Method::inverse:
      return fmt::format("target {} / actual {}", t, a);
    case calc::Method::progress:
      return fmt::format("(actual {} − baseline {}) / (target {} − baseline {})", a, b, t, b);
    case calc::Method::two_minus_ratio:
      return fmt::format("2 − actual {} / target {}", a, t);
    case calc::Method::maintain_within:
      return fmt::format("actual {} within target {}", a, t);
    case calc::Method::complement:
      return fmt::format("1 − (actual {} − target {}) / target {}", a, t, t);
    default:
      return fmt::format("actual {} / target {}", a, t);
  }
}

// 5. Nothing the sheet does explains it.
RateCheck mismatch(const Question& q, const std::optional<Rational>& rate) {
  RateCheck check;
  const auto& own = q.cands.own();
  set_formula(check, own);
  check.verdict = Verdict::mismatch;
  if (!rate) {
    check.explanation = "published " + percent_text(q.published) + " but " +
                        missing_inputs(q.obs, own) + other_formulas(q);
    return check;
  }
  set_rate(check, *rate, q.decimals);
  auto rounded = round_by(q.profile.rounding, *rate, q.decimals);
  auto diff = q.published_exact - Rational::of(rounded);
  auto flip = decision_flip(q.profile, q.published, rounded);
  check.decision_flip = !flip.empty();
  check.explanation = fmt::format("published {}, recomputed {} = {} ({}), difference {} points{}{}",
                                  percent_text(q.published), percent_text(rounded),
                                  inputs_text(q, own), describe(own), signed_text(diff, q.decimals),
                                  other_formulas(q), flip.empty() ? "" : "; " + flip);
  return check;
}

// A published rate printed, but not as a number kpi-report reads ("#DIV/0!", "達成").
bool printed_but_unread(const model::Value& published) {
  return !published.number && !text::is_no_value(published.text);
}

// Why a rate printed but not read fails where the rate can be computed, or "" for words:
// a spreadsheet error (#DIV/0!: the sheet's formula failed), or a percentage kpi-report cannot
// read as a number ("75,0%": a comma groups thousands; "%95.0"; two rates in one cell),
// which may print any rate, a wrong one too.
std::string_view why_unread_fails(const model::Value& published, std::string_view printed) {
  if (text::is_excel_error(printed)) return "a spreadsheet error: the sheet's formula failed";
  auto normalized = text::normalize(printed);
  bool digits = std::any_of(normalized.begin(), normalized.end(), text::is_ascii_digit);
  if (digits && normalized.find('%') != std::string::npos)  // 75,0%, %95.0, 29% 9%
    return "a percentage that is not one number kpi-report reads";
  if (digits && normalized.find(text::per_mille_sign) != std::string::npos)  // 91.4‰
    return "a rate in per mille (‰), not a percentage";
  if (published.workbook->stored)
    return "a number the cell stores, shown by its format as a date or a word";
  return {};
}

// A spreadsheet error or an unreadable percentage printed as the rate is wrong wherever the
// rate can be computed: a mismatch. Words are left unchecked, and say so.
RateCheck unread_rate(const Question& q, const std::optional<Rational>& rate) {
  const auto& own = q.cands.own();
  auto printed = std::string(text::trim(q.obs.published_rate.text));
  auto why = why_unread_fails(q.obs.published_rate, printed);
  if (why.empty())
    return unchecked(
        rate, rate ? &own : nullptr,
        fmt::format("published rate printed as '{}', not a number: not checked", printed));
  if (!rate)
    return unchecked(std::nullopt, nullptr,
                     fmt::format("published {} ({}) and nothing to compute: {}", printed, why,
                                 missing_inputs(q.obs, own)));
  auto check = unchecked(rate, &own, "");
  check.verdict = Verdict::mismatch;
  check.explanation =
      fmt::format("published {} ({}), recomputed {}% = {} ({})", printed, why,
                  check.rate_rounded->to_string(), inputs_text(q, own), describe(own));
  return check;
}

bool any_computable(const Question& q) {
  for (const auto& c : q.cands.all())
    if (evaluate(c, q.ind.direction)) return true;
  return false;
}

// check_rate without the overflow guard: the steps in order.
// `store` holds the candidates (reused from one observation to the next).
RateCheck explain_rate(const model::Indicator& ind, const model::Observation& obs,
                       const calc::Profile& profile, const RateCheckOptions& options,
                       Basis year_basis, const Precision& precision,
                       std::vector<Candidate>& store) {
  CandidateList cands(ind, obs, profile, year_basis, store);
  Question q{ind, obs, profile, options, cands, {}, 0, precision, {}};
  auto rate = evaluate(cands.own(), ind.direction);
  if (printed_but_unread(obs.published_rate)) return unread_rate(q, rate);
  if (!obs.published_rate.number) {
    if (!rate)
      return unchecked(std::nullopt, nullptr,
                       "nothing to compute: " + missing_inputs(obs, cands.own()));
    return unchecked(rate, &cands.own(), "no published rate");
  }
  q.published = *obs.published_rate.number;
  q.decimals = q.published.scale;
  // The own formula computes (`rate`), else any other.
  if (!rate && !any_computable(q))
    return unchecked(std::nullopt, nullptr,
                     "published rate but nothing to compute: " + missing_inputs(obs, cands.own()));
  q.published_exact = Rational::of(q.published);
  if (auto c = face_value(q)) return std::move(*c);
  // A rounding step is a mismatch unless the team's --tolerance covers it.
  if (rate)
    if (auto c = other_rounding(q, *rate)) return within_tolerance(q).value_or(std::move(*c));
  if (auto c = printed_precision(q)) return std::move(*c);
  if (auto c = within_tolerance(q)) return std::move(*c);
  return mismatch(q, rate);
}

RateCheck guarded(const model::Indicator& ind, const model::Observation& obs,
                  const calc::Profile& profile, const RateCheckOptions& options, Basis year_basis,
                  const Precision& precision, std::vector<Candidate>& store) {
  try {
    return explain_rate(ind, obs, profile, options, year_basis, precision, store);
  } catch (const calc::Overflow&) {
    // Values of 18 digits with many decimals: no exact rate, and never a wrapped-around one.
    return unchecked(std::nullopt, nullptr, "numbers too large to compute the rate exactly");
  }
}

RateCheck revised_rate(const model::Indicator& ind, const model::Observation& obs,
                       const calc::Profile& profile, const RateCheckOptions& options,
                       const Precision& precision, std::vector<Candidate>& store) {
  // The revised rate (変更後の達成率) is the same question against the revised target.
  model::Observation revised;
  revised.fiscal_year = obs.fiscal_year;
  revised.target = obs.revised->target;
  revised.actual = obs.actual;
  revised.published_rate = obs.revised->rate;
  calc::Profile against_revised = profile;
  against_revised.rate_basis = calc::RateBasis::year_target;
  // The precision does not depend on the rate basis: the indicator's own is right here.
  return guarded(ind, revised, against_revised, options, Basis::revised_target, precision, store);
}

}  // namespace

RateCheck check_rate(const model::Indicator& ind, const model::Observation& obs,
                     const calc::Profile& profile, const RateCheckOptions& options) {
  std::vector<Candidate> store;
  return guarded(ind, obs, profile, options, Basis::year_target, precision_of(ind, profile), store);
}

RateCheck check_revised_rate(const model::Indicator& ind, const model::Observation& obs,
                             const calc::Profile& profile, const RateCheckOptions& options) {
  std::vector<Candidate> store;
  return revised_rate(ind, obs, profile, options, precision_of(ind, profile), store);
}

namespace {

// A large list's indicators are checked in chunks of this many, taken in turn by the threads.
constexpr std::size_t indicators_per_chunk = 256;

// check_rates over indicators [begin, end), with a store of candidates of its own.
void check_run(model::Indicator* begin, model::Indicator* end,
               const calc::Profile* override_profile, const RateCheckOptions& options) {
  std::vector<Candidate> store;  // every check's candidates, one after the other
  for (auto* ind = begin; ind != end; ++ind) {
    const auto& profile =
        override_profile ? *override_profile : calc::profile_for(ind->municipality);
    direction_from_published_rates(*ind, profile);
    // Once per indicator: the checks below change no printed value.
    auto precision = precision_of(*ind, profile);
    for (auto& obs : ind->observations) {
      obs.check = guarded(*ind, obs, profile, options, Basis::year_target, precision, store);
      apply_cell_evidence(*ind, obs, profile, options);
      if (obs.revised->target.has_number() || obs.revised->rate.has_number())
        obs.revised.edit().check = revised_rate(*ind, obs, profile, options, precision, store);
    }
    follow_published_formula(*ind, profile, store);
    mark_assumed_direction(*ind);
    calc::assess(*ind, profile);
  }
}

}  // namespace

void check_rates(std::vector<model::Indicator>& indicators, const calc::Profile* override_profile,
                 const RateCheckOptions& options, unsigned threads) {
  auto* first = indicators.data();
  threads = util::threads_for(indicators.size(), parallel_check_from, threads);
  if (threads == 1) return check_run(first, first + indicators.size(), override_profile, options);
  // Each indicator is checked alone (profiles are only read): runs of them on threads.
  util::for_each_chunk(indicators.size(), threads, indicators_per_chunk,
                       [&](std::size_t begin, std::size_t end) {
                         check_run(first + begin, first + end, override_profile, options);
                       });
}

void check_rates(std::vector<model::Indicator>& indicators, const calc::Profile* override_profile,
                 const RateCheckOptions& options) {
  check_rates(indicators, override_profile, options, 0);
}

}  // namespace kpi::verify
