#pragma once
// Rebuilding a row whose merged cells the PDF extraction displaced (Takaoka No.9, No.50):
// the row's actuals are known, its targets, rates, baseline and final target stand
// elsewhere as loose numbers. Arithmetic alone may pin them down: every published rate must
// be the year's actual / target, rounded as printed.
#include <optional>
#include <string>
#include <vector>

#include "kpi/model/indicator.hpp"

namespace kpi::formats {

struct DisplacedRow {
  std::vector<model::Value> actuals;  // per year, in column order (known)
  std::vector<model::Value> loose;    // the displaced printed numbers ("440", "91.0%" ...)
  model::Direction direction = model::Direction::unknown;
};

struct RebuiltRow {
  std::vector<model::Value> targets;  // per year
  std::vector<model::Value> rates;    // per year, as printed ("65.0%")
  model::Value baseline;
  model::Value final_target;
  std::string note;  // why: the equations that pin every number down
};

struct RebuildResult {
  std::optional<RebuiltRow> row;  // only when exactly one assignment reproduces every rate
  int assignments = 0;            // distinct assignments that reproduce every rate
  std::string why_not;            // when no row: what was missing or ambiguous
};

// Searches every assignment of the loose numbers to the row's empty cells: percentages to
// the rates, other numbers to the year targets, the baseline and the final target. An
// assignment holds when, for every year, actual / target × 100 rounded half away from zero at
// the printed rate's decimals equals that rate, and the final target lies beyond every year
// target in the KPI's direction (at or above them for increase, at or below for decrease).
// Accepted only when exactly one distinct assignment holds.
RebuildResult rebuild_displaced_row(const DisplacedRow& row);

}  // namespace kpi::formats
