#include "kpi/report/writers.hpp"

#include "kpi/report/json_stream.hpp"
#include "kpi/util/thread_count.hpp"

namespace kpi::report {
namespace {

const ReportWriter* find_in(const std::vector<ReportWriter>& table, std::string_view name) {
  for (const auto& w : table)
    if (w.name == name) return &w;
  return nullptr;
}

constexpr WriterTraits terminal{false, false, true, false};
constexpr WriterTraits document{false, true, false, false};
constexpr WriterTraits plain{};
constexpr WriterTraits encoded{false, false, false, true};
constexpr WriterTraits binary{true, false, false, false};
constexpr WriterTraits canonical{false, false, false, false, false};

}  // namespace

const std::vector<ReportWriter>& report_writers() {
  static const std::vector<ReportWriter> table = {
      {"table", "readable terminal table (default)", terminal, write_table},
      {"json", "JSON contract kpi-report/1 for pipelines", document, write_json},
      {"markdown", "Markdown: summary and tables (CI step summary, council memo)", plain,
       write_markdown},
      {"html", "one self-contained page: summary, chart per goal, KPI series, findings", plain,
       write_html},
      {"csv", "the analysis for Excel: one row per KPI and year (docs/csv-report.md)", encoded,
       write_analysis_csv},
      {"xlsx", "Excel workbook: summary, KPIs, findings, chart (to a file or a pipe)", binary,
       write_xlsx},
  };
  return table;
}

const ReportWriter* find_report_writer(std::string_view name) {
  return find_in(report_writers(), name);
}

const std::vector<ReportWriter>& convert_writers() {
  static const std::vector<ReportWriter> table = {
      {"csv", "canonical sheet for Excel (UTF-8 BOM, CRLF), read back as input", canonical,
       write_canonical_csv},
      {"json", "the JSON contract kpi-report/1, read back as input", document, write_json},
  };
  return table;
}

const ReportWriter* find_convert_writer(std::string_view name) {
  return find_in(convert_writers(), name);
}

void render(const ReportWriter& writer, std::ostream& out, const PipelineResult& result,
            const ReportOptions& options) {
  auto summary = writer.traits.needs_summary
                     ? summarize(result, options.view, util::thread_count(options.jobs))
                     : Summary{};
  writer.write(out, ReportContext{result, options, summary});
}

void write_json(std::ostream& out, const ReportContext& context) {
  write_json_document(out, context.result, context.summary, context.options.jobs);
  out << '\n';
}

}  // namespace kpi::report
