#pragma once
// Everything read from one input file.
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "kpi/model/diagnostic.hpp"
#include "kpi/model/indicator.hpp"

namespace kpi::model {

// A cross-row problem found by the verifier (the JSON `findings` array).
struct Finding {
  std::string kind;  // relisted-differs | parts-total | cumulative-decrease | ...
  Severity severity = Severity::warning;
  std::string message;
  std::vector<SourceLocation> rows;  // both (or all) rows involved
  std::vector<std::string> ids;      // ids of the rows involved
};

// One input as the JSON sources[] array reports it.
struct SourceSummary {
  std::string path;
  std::string format;
  std::string encoding;
  int kpis = 0;  // KPIs read from this input
  int rows_read = 0;
  int rows_used = 0;
  int merged = 0;  // of those, KPIs joined into a series listed under an earlier input
  std::vector<SkippedRow> skipped;
  std::string sheet{};  // worksheet of a workbook, "" for text
};

struct ParseOutput {
  std::vector<Indicator> indicators;
  std::vector<SkippedRow> skipped;
  std::vector<Diagnostic> diagnostics;
  int rows_read = 0;  // data rows considered (each becomes a KPI row or a skipped row)
  int rows_used = 0;
  // A kpi-report JSON document read back: the sources[] it lists (reported instead of the
  // document itself, so that converting JSON again reproduces it). Empty for other inputs.
  std::optional<std::vector<SourceSummary>> origins;
};

struct Sheet {
  std::string path;
  std::string sheet_name;  // the worksheet of a workbook; "" for text
  std::string format;      // layout name, e.g. "takaoka"
  std::string encoding;    // UTF-8, UTF-8-BOM, UTF-16LE, Shift_JIS ...
  bool usable = false;     // false: nothing could be read (see diagnostics)
  ParseOutput parsed;
  std::shared_ptr<const std::string> text;  // decoded UTF-8 (or its kept lines), for quoting
  std::vector<std::size_t> line_starts;     // byte offset of each line of `text`
  std::vector<int> kept_lines;  // after keep_referenced_lines: the line number of each line
  int merged_kpis = 0;          // KPIs moved into a series of an earlier sheet (see kpi/merge.hpp)

  // Keeps `decoded` for quoting and indexes its lines once (O(size)).
  void keep_text(std::string decoded);
  // Keeps only the lines the model refers to (diagnostics, skipped rows, KPIs and their
  // observations: all that check quotes) and releases the rest of the text. O(size).
  void keep_referenced_lines();
  // Releases the text (nothing will quote it: report and convert). line_text gives "".
  void release_text();
  // The text of 1-based line `line`, or "" when unknown (or not kept). O(1), or O(log lines)
  // after keep_referenced_lines.
  std::string_view line_text(int line) const;
};

// The body every KPI of `sheet` is of (小川市: model::Indicator::municipality_name), or ""
// when they name none or several (a prefecture's grid with a 市町村 column).
std::string_view sheet_body(const Sheet& sheet);

// What JSON sources[] lists for `sheet`: its origins when it was a JSON document read back,
// else the sheet itself.
std::vector<SourceSummary> source_summaries(const Sheet& sheet);

}  // namespace kpi::model
