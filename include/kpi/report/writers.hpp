#pragma once
// The table of report writers. A new output format = one file + one line in writers.cpp.
// Writers render; they never compute.
#include <ostream>
#include <string_view>
#include <vector>

#include "kpi/pipeline.hpp"

namespace kpi::report {

struct ReportWriter {
  std::string_view name;
  std::string_view description;
  void (*write)(std::ostream& out, const PipelineResult& result);
};

const std::vector<ReportWriter>& report_writers();
const ReportWriter* find_report_writer(std::string_view name);

void write_table(std::ostream& out, const PipelineResult& result);
void write_json(std::ostream& out, const PipelineResult& result);
void write_markdown(std::ostream& out, const PipelineResult& result);
void write_html(std::ostream& out, const PipelineResult& result);
void write_csv(std::ostream& out, const PipelineResult& result);

}  // namespace kpi::report
