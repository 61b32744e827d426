#pragma once
// The summary every human output starts with and JSON carries as `summary`: per sheet, per
// basic goal and for the whole plan, how many KPIs are achieved, behind or without data in
// the year in view, their grades, and how many published rates are wrong.
#include <string>
#include <utility>
#include <vector>

#include "kpi/pipeline.hpp"
#include "kpi/report/rows.hpp"

namespace kpi::report {

struct StatusCounts {
  int kpis = 0;
  int achieved = 0;
  int behind = 0;
  int no_data = 0;
  std::vector<std::pair<std::string, int>> grades;  // by label: A, B, C, D
  int on_track = 0;       // pace: on track or the final target already reached
  int pace_behind = 0;    // pace: behind the straight line
  int rates_checked = 0;  // published rates compared (every year in view)
  int wrong_rates = 0;    // of those, mismatches
  // achieved / (achieved + behind) in percent; nullopt when no KPI has data.
  std::optional<double> achieved_percent() const;
};

struct GroupSummary {
  std::string label;  // the sheet's path, or the basic goal as printed
  std::string sheet;  // the sheet's path (for goals: the sheet they belong to)
  StatusCounts counts;
};

struct Summary {
  ReportView view;
  StatusCounts total;
  std::vector<GroupSummary> sheets;
  std::vector<GroupSummary> goals;  // per sheet, in the order the goals appear
};

Summary summarize(const PipelineResult& result, const ReportView& view);
// The same, a national run's KPIs counted in runs on at most `threads` threads (0: every
// core); the same summary.
Summary summarize(const PipelineResult& result, const ReportView& view, unsigned threads);

// The basic goal of a KPI as printed ("基本目標1 …"), "" when the sheet has none.
std::string goal_label(const model::Indicator& ind);

}  // namespace kpi::report
