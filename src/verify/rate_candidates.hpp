#pragma once
// Private to verify/: the ways a published rate may have been computed, and the printed
// precision of the values that go into it.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kpi/calc/profile.hpp"
#include "kpi/calc/rate.hpp"
#include "kpi/model/indicator.hpp"

namespace kpi::verify {

// What a rate is measured against.
enum class Basis : std::uint8_t { year_target, final_target, revised_target };
const char* to_string(Basis basis);  // "year target", "final target", "revised target"

// How the printed values of a row may differ from the values the rate was computed from.
// Targets are set numbers, never measured: always exact. Actuals and baselines are measured
// and printed rounded, unless they count whole things. A quantity never printed negative in
// the row is not given negative room.
struct Precision {
  bool measured_exact = false;  // counts of whole things (人, 件 …): no room at all
  bool non_negative = true;

  bool operator==(const Precision&) const = default;
};

struct Range {
  calc::Rational low, high;
};

// One way the published rate may have been computed.
struct Candidate {
  calc::Method method = calc::Method::ratio;
  std::optional<model::Decimal> target, actual, baseline;
  Basis basis = Basis::year_target;
  int baseline_number = 1;  // which number of the baseline cell (2: "▲275 (… 累計▲103)")
  std::string_view baseline_text{};  // that number's text, in the indicator's baseline cell
  bool primary = false;  // the sheet's own formula for this kind of row (method and basis)

  // evaluate() remembers its result: the steps of a check ask for the same candidate's rate
  // several times. Valid for `evaluated_for` (the direction it was computed with).
  mutable std::optional<model::Direction> evaluated_for = std::nullopt;
  mutable std::optional<calc::Rational> rate = std::nullopt;
  // remembered_rate_range() likewise, for `ranged_for`.
  mutable std::optional<Precision> ranged_for = std::nullopt;
  mutable std::optional<Range> range = std::nullopt;
};

// Names the candidate's formula in `check`: its method and basis, as texts and as enums.
void set_formula(model::RateCheck& check, const Candidate& c);

// The sheet's own formula for one observation (primary): what a check tries first. `year_basis`
// names what the observation's own target is (the revised target for a revised rate).
Candidate own_candidate(const model::Indicator& ind, const model::Observation& obs,
                        const calc::Profile& profile, Basis year_basis);

// The candidates of one observation, made as a check asks for them: the sheet's own formula at
// once; then the same formula with the other numbers of the baseline cell, the revised target,
// the other target basis and the other known formulas, the first time a check looks beyond the
// own formula (most published rates are the own formula's). The candidates view the indicator
// (baseline texts): it outlives the list. `store` is reused from one observation to the next.
class CandidateList {
 public:
  CandidateList(const model::Indicator& ind, const model::Observation& obs,
                const calc::Profile& profile, Basis year_basis, std::vector<Candidate>& store);
  const Candidate& own() const { return store_.front(); }
  // Every candidate, the own formula first.
  const std::vector<Candidate>& all() const;

 private:
  const model::Indicator& ind_;
  const model::Observation& obs_;
  const calc::Profile& profile_;
  Basis year_basis_;
  std::vector<Candidate>& store_;
  mutable bool complete_ = false;
};

// The candidate's rate in percent, or nullopt when undefined.
std::optional<calc::Rational> evaluate(const Candidate& c, model::Direction direction);

// "ratio against the year target, baseline ▲103 (number 2 of the baseline cell)"
std::string describe(const Candidate& c);

Precision precision_of(const model::Indicator& ind, const calc::Profile& profile);

// The candidate's rate over every value its printed inputs may stand for, or nullopt when
// that is unbounded or undefined (a denominator that may be zero).
std::optional<Range> rate_range(const Candidate& c, const Precision& precision);
// rate_range(), remembered in the candidate: a check asks for the same candidate's range in
// several steps.
const std::optional<Range>& remembered_rate_range(const Candidate& c, const Precision& precision);
// "actual printed 79 may be 78.5–79.5"
std::string room_description(const Candidate& c, const Precision& precision);

// The target a checked observation's rate was measured against: the year's own, or the final
// target when the check took it (absent when that target prints no number).
const std::optional<model::Decimal>& checked_target(const model::Indicator& ind,
                                                    const model::Observation& o);

// Whether a checked observation's published rate tells which formula made it: an actual
// equal to its target is 100 % by every formula, and from a baseline of 0 progress is the
// ratio, so such a rate sides with none of them.
bool tells_formula(const model::Indicator& ind, const model::Observation& o);

}  // namespace kpi::verify
