#pragma once
// What a workbook adds to a rate check (docs/check.md, "Workbooks"): the published rate's
// formula judged against the row's own cells, values stored with more digits than they show,
// rates printed as caps (100%超 / 0%未満), formulas saved without their computed value.
#include <map>
#include <string>
#include <vector>

#include "kpi/calc/profile.hpp"
#include "kpi/model/sheet.hpp"
#include "kpi/verify/rate_check.hpp"

namespace kpi::verify {

// The shape of a rate formula in the row's terms: "=ROUND(actual/target,3)", and the cells it
// uses that are not this KPI-year's own values.
struct FormulaShape {
  std::string shape;     // references replaced by their role; others kept ("=ROUND(actual/K22,3)")
  std::string foreign;   // "K22 (the FY2022 target)" when a reference is not this row's value
  std::string expected;  // the formula with this row's cells ("=ROUND(O22/N22,3)")
};
FormulaShape formula_shape(const model::Indicator& ind, const model::Observation& obs);

// Revises `obs.check` (already filled by check_rate) with the cell evidence.
void apply_cell_evidence(const model::Indicator& ind, model::Observation& obs,
                         const calc::Profile& profile, const RateCheckOptions& options = {});

// Formula shapes of the published rate cells of a sheet: how many cells use each, and where.
struct FormulaUse {
  int count = 0;
  std::vector<std::string> cells;  // the first few cells ("P22")
};
std::map<std::string, FormulaUse> cell_formula_usage(const model::Sheet& sheet);
// The same, a large sheet's shapes found on at most `threads` threads (0: every core).
std::map<std::string, FormulaUse> cell_formula_usage(const model::Sheet& sheet, unsigned threads);
// "=ROUND(actual/target,3) in 207 cells (G4, J4, M4, …)".
std::string describe_formula_usage(const std::map<std::string, FormulaUse>& usage);

}  // namespace kpi::verify
