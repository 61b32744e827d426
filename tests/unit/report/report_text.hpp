#pragma once
// Test helpers for the human report writers: render a result, and check a terminal table's
// lines against its width and its rule.
#include <string>
#include <vector>

#include "kpi/report/writers.hpp"

namespace kpi::testing {

// The bundled Takaoka FY2020–2023 sheet through the whole pipeline.
PipelineResult takaoka_result();
// One sheet, one KPI named `name` with `unit`: FY2023 target 10, actual 9, published 95.0%
// (a mismatch: 90.0%).
PipelineResult one_kpi_result(const std::string& name, const std::string& unit);
std::string render_report(const char* format, const PipelineResult& result,
                          const report::ReportOptions& options);
std::vector<std::string> lines_of(const std::string& text);

struct TableCheck {
  int tables = 0;                     // rules found
  int rows = 0;                       // data rows checked against their rule
  int notes = 0;                      // note lines
  int widest = 0;                     // widest line
  std::vector<std::string> problems;  // lines too wide or out of line
};
// Every line within `width` (when > 0); every data row under a rule (a line of '-' runs)
// has spaces in the rule's gaps and ends within it.
TableCheck check_table_lines(const std::string& text, int width, int ambiguous_width,
                             const std::string& note_prefix);

}  // namespace kpi::testing
