#pragma once
// The summary as rows and columns for the human writers (table, Markdown): the whole plan,
// then each sheet (when there are several) and its basic goals, localised by --lang.
#include <string>
#include <vector>

#include "kpi/report/labels.hpp"
#include "kpi/report/rows.hpp"
#include "kpi/report/summary.hpp"

namespace kpi::report {

struct SummaryRow {
  std::string label;  // 計画全体 / the sheet / the basic goal as printed
  int depth = 0;      // 0 whole plan, 1 sheet or goal, 2 goal under a sheet
  const StatusCounts* counts = nullptr;
};

std::vector<SummaryRow> summary_rows(const Summary& summary, Lang lang);

struct SummaryColumn {
  Term title;
  Align align;
  std::string (*text)(const StatusCounts& counts, Lang lang);
};

// KPIs, achieved "26 (41.9%)", behind, no data, grades "A 3, B 5", wrong published rates
// "1 / 60", pace "20 on track, 30 behind" ("" when the view has no pace).
const std::vector<SummaryColumn>& summary_columns();

// The heading of the summary: "Summary, FY2023" / "概要（2023年度・令和5年度）", or for every
// year "Summary (latest actual of each KPI)".
std::string summary_title(Lang lang, const ReportView& view);

// "data/x.txt (takaoka, UTF-8): 64 KPIs, 3 rows skipped" in the language.
std::string sheet_title(Lang lang, const model::Sheet& sheet);

}  // namespace kpi::report
