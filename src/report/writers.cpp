#include "kpi/report/writers.hpp"

#include "kpi/report/json_stream.hpp"

namespace kpi::report {

const std::vector<ReportWriter>& report_writers() {
  static const std::vector<ReportWriter> table = {
      {"table", "readable terminal table (default)", write_table},
      {"json", "JSON contract kpi-report/1 for pipelines", write_json},
      {"markdown", "Markdown tables", write_markdown},
      {"html", "standalone HTML page", write_html},
      {"csv", "canonical CSV for Excel, read back as input (docs/canonical.md)", write_csv},
  };
  return table;
}

const ReportWriter* find_report_writer(std::string_view name) {
  for (const auto& w : report_writers())
    if (w.name == name) return &w;
  return nullptr;
}

void write_json(std::ostream& out, const PipelineResult& result) {
  write_json_document(out, result);
  out << '\n';
}

}  // namespace kpi::report
