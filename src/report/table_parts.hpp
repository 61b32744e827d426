#pragma once
// Private to the terminal table: the summary and a sheet's observation rows as text tables,
// with how each column gives way in a narrow terminal.
#include "kpi/report/text_table.hpp"
#include "kpi/report/writers.hpp"

namespace kpi::report {

// One line per KPI and fiscal year in view (the year left out when --year shows one).
TextTable observation_text_table(const model::Sheet& sheet, const ReportOptions& options);
// The whole plan, sheets and basic goals (summary_rows.hpp).
TextTable summary_text_table(const Summary& summary, Lang lang);
// Control characters would break a line: each becomes a space.
std::string one_line(std::string text);

}  // namespace kpi::report
