#pragma once
// The table of report writers. A new output format = one file + one line in writers.cpp.
// Writers render; they never compute (status, pace and the summary come from the model and
// kpi/report/summary.hpp; the rows and columns they share from kpi/report/rows.hpp).
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "kpi/pipeline.hpp"
#include "kpi/report/labels.hpp"
#include "kpi/report/rows.hpp"
#include "kpi/report/summary.hpp"

namespace kpi::report {

// What the reader of the report asked for (report flags).
struct ReportOptions {
  Lang lang = Lang::en;     // --lang; default from the environment (lang_from_environment)
  ReportView view;          // --year
  int width = 0;            // --width / $COLUMNS: terminal columns for the table; 0 = no limit
  int ambiguous_width = 1;  // --ambiguous-width: columns of East Asian ambiguous characters
  bool color = false;       // colour (a terminal, NO_COLOR unset)
  std::string encoding = "UTF-8";  // --encoding for CSV: UTF-8 (with BOM) or cp932
  int jobs = 0;                    // --jobs: threads a writer may use (0: every core)
};

struct ReportContext {
  const PipelineResult& result;
  const ReportOptions& options;
  const Summary& summary;  // of `result` under options.view
};

// What a writer is, for the CLI (instead of checks on its name).
struct WriterTraits {
  bool binary = false;                 // bytes for a file (xlsx): refused on a terminal
  bool writes_without_sheets = false;  // a document even when no sheet was read (JSON)
  bool uses_terminal = false;          // honours width and colour
  bool has_encoding = false;           // honours --encoding
  bool needs_summary = true;           // shows the summary (the canonical sheet does not)
};

struct ReportWriter {
  std::string_view name;
  std::string_view description;
  WriterTraits traits;
  void (*write)(std::ostream& out, const ReportContext& context);
};

const std::vector<ReportWriter>& report_writers();
const ReportWriter* find_report_writer(std::string_view name);
// `convert --to`: csv is the canonical sheet (read back as input), json the contract.
const std::vector<ReportWriter>& convert_writers();
const ReportWriter* find_convert_writer(std::string_view name);

// Summarises `result` under `options.view` and writes it with `writer`.
void render(const ReportWriter& writer, std::ostream& out, const PipelineResult& result,
            const ReportOptions& options = {});

void write_table(std::ostream& out, const ReportContext& context);
void write_json(std::ostream& out, const ReportContext& context);
void write_markdown(std::ostream& out, const ReportContext& context);
void write_html(std::ostream& out, const ReportContext& context);
// The canonical CSV (docs/canonical.md): the input sheet, no analysis.
void write_canonical_csv(std::ostream& out, const ReportContext& context);
// report --format csv: the analysis, one row per KPI and fiscal year (docs/csv-report.md).
// Throws std::runtime_error when --encoding cp932 cannot encode a character.
void write_analysis_csv(std::ostream& out, const ReportContext& context);
// report --format xlsx: summary, KPIs and findings sheets and a chart (docs/csv-report.md).
void write_xlsx(std::ostream& out, const ReportContext& context);

}  // namespace kpi::report
