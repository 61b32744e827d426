#pragma once
// KPIs that start inside the plan period. Their baseline cell prints a start instead of a
// number ("R6年度開始", "R5 年度運用開始", "R6年度制度開始") or marks a new KPI ("-", "新規");
// the target still says where the KPI should get to ("→ 250人（R10）").
#include <optional>
#include <string_view>

#include "kpi/model/indicator.hpp"

namespace kpi::formats {

// The fiscal year a printed start names: "R6年度開始" → 2024, "R5 年度運用開始" → 2023.
// Nothing for a cell that is not a start.
std::optional<int> start_year_of(std::string_view baseline_text);

// True for a baseline cell that marks a KPI new to the plan: a start, "新規", or "-".
bool starts_in_plan(std::string_view baseline_text);

// For a KPI whose baseline has no number and starts inside the plan: the start year becomes
// the baseline year; a cumulative count (累計) starts from 0 (the printed text is kept); and
// when no direction is known and the target is a positive number, the KPI is to reach it:
// increase, source `target`. Returns true when the KPI starts inside the plan.
bool apply_mid_plan_start(model::Indicator& ind);

}  // namespace kpi::formats
