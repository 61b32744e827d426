#pragma once
// What an observation and a KPI amount to for the people who report them: achieved or behind
// in a fiscal year (with the profile's grade), and the pace toward the final target.
#include <optional>
#include <string>
#include <string_view>

#include "kpi/model/decimal.hpp"

namespace kpi::model {

// achieved: the year's rate is 100% or more; behind: below; no_data: no rate can be formed
// (no actual yet, or no number to measure it against).
enum class Status { no_data, achieved, behind };

struct Outcome {
  Status status = Status::no_data;
  std::optional<Decimal> rate;   // the rate judged (percent): recomputed, else published
  std::string_view rate_source;  // recomputed | published | "" (no rate): a static text
  std::string grade;             // the profile's grade of `rate` ("" without grades or rate)
};

// Pace toward the final target: the latest actual against the straight line from the baseline
// to the final target. achieved: the final target is already reached; on_track: at or beyond
// the line; behind: short of it; unknown: no baseline, final target, direction or actual.
enum class PaceStatus { unknown, achieved, on_track, behind };

struct Pace {
  PaceStatus status = PaceStatus::unknown;
  int as_of = 0;                             // fiscal year of the latest actual
  std::optional<double> actual;              // the latest actual
  std::optional<double> expected;            // the straight line's value in `as_of`
  std::optional<double> progress_percent;    // (actual - baseline) / (expected - baseline)
  std::optional<double> projected_final;     // the actuals' trend extended to the final year
  std::optional<bool> projected_to_achieve;  // the projection reaches the final target
  std::string reason;                        // why unknown
};

const char* to_string(Status status);      // no_data | achieved | behind
const char* to_string(PaceStatus status);  // unknown | achieved | on_track | behind

}  // namespace kpi::model
