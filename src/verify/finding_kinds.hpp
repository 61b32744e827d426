#pragma once
// Private to verify/: one function per kind of cross-row finding.
#include <vector>

#include "kpi/model/sheet.hpp"

namespace kpi::verify {

using IndicatorList = std::vector<const model::Indicator*>;

// A re-listed (再掲) row whose values differ from its original's.
void find_relisted_differences(const IndicatorList& all, std::vector<model::Finding>& out);
// A cumulative (累計) series of counts that goes down.
void find_cumulative_decreases(const IndicatorList& all, std::vector<model::Finding>& out);
// An actual that repeats the baseline, or is reported for another year than its column's.
void find_stale_actuals(const IndicatorList& all, std::vector<model::Finding>& out);
// The same KPI name under two ids with different numbers.
void find_same_name_conflicts(const IndicatorList& all, std::vector<model::Finding>& out);
// Parts that do not add up to their printed total (ids holding a 合計/計 indicator).
void find_parts_not_adding_up(const IndicatorList& all, std::vector<model::Finding>& out);
// A sheet whose published rates use different formulas for the same kind of indicator.
void find_formula_mixes(const model::Sheet& sheet, std::vector<model::Finding>& out);

// Shared wording helpers.
std::string number_text(const model::Value& v);
bool same_number(const model::Value& a, const model::Value& b);

}  // namespace kpi::verify
