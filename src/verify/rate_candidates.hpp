#pragma once
// Private to verify/: the ways a published rate may have been computed, and the printed
// precision of the values that go into it.
#include <optional>
#include <string>
#include <vector>

#include "kpi/calc/profile.hpp"
#include "kpi/calc/rate.hpp"
#include "kpi/model/indicator.hpp"

namespace kpi::verify {

// What a rate is measured against.
enum class Basis { year_target, final_target, revised_target };
const char* to_string(Basis basis);  // "year target", "final target", "revised target"

// One way the published rate may have been computed.
struct Candidate {
  calc::Method method = calc::Method::ratio;
  std::optional<model::Decimal> target, actual, baseline;
  Basis basis = Basis::year_target;
  int baseline_number = 1;  // which number of the baseline cell (2: "▲275 (… 累計▲103)")
  std::string baseline_text;
  bool primary = false;  // the sheet's own formula for this kind of row (method and basis)

  // evaluate() remembers its result: the steps of a check ask for the same candidate's rate
  // several times. Valid for `evaluated_for` (the direction it was computed with).
  mutable std::optional<model::Direction> evaluated_for = std::nullopt;
  mutable std::optional<calc::Rational> rate = std::nullopt;
};

// Candidates for one observation: the sheet's own formula first (primary), then the same
// formula with the other numbers of the baseline cell, then the revised target, the other
// target basis and the other known formulas. `year_basis` names what the observation's own
// target is (the revised target for a revised rate).
std::vector<Candidate> candidates(const model::Indicator& ind, const model::Observation& obs,
                                  const calc::Profile& profile, Basis year_basis);

// The candidate's rate in percent, or nullopt when undefined.
std::optional<calc::Rational> evaluate(const Candidate& c, model::Direction direction);

// "ratio against the year target, baseline ▲103 (number 2 of the baseline cell)"
std::string describe(const Candidate& c);

// How the printed values of a row may differ from the values the rate was computed from.
// Targets are set numbers, never measured: always exact. Actuals and baselines are measured
// and printed rounded, unless they count whole things. A quantity never printed negative in
// the row is not given negative room.
struct Precision {
  bool measured_exact = false;  // counts of whole things (人, 件 …): no room at all
  bool non_negative = true;
};
Precision precision_of(const model::Indicator& ind, const calc::Profile& profile);

struct Range {
  calc::Rational low, high;
};
// The candidate's rate over every value its printed inputs may stand for, or nullopt when
// that is unbounded or undefined (a denominator that may be zero).
std::optional<Range> rate_range(const Candidate& c, const Precision& precision);
// "actual printed 79 may be 78.5–79.5"
std::string room_description(const Candidate& c, const Precision& precision);

}  // namespace kpi::verify
