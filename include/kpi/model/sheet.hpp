#pragma once
// Everything read from one input file.
#include <memory>
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

struct ParseOutput {
  std::vector<Indicator> indicators;
  std::vector<SkippedRow> skipped;
  std::vector<Diagnostic> diagnostics;
  int rows_read = 0;  // data rows considered (each becomes a KPI row or a skipped row)
  int rows_used = 0;
};

struct Sheet {
  std::string path;
  std::string format;    // layout name, e.g. "takaoka"
  std::string encoding;  // UTF-8, UTF-8-BOM, UTF-16LE, Shift_JIS ...
  bool usable = false;   // false: nothing could be read (see diagnostics)
  ParseOutput parsed;
  std::shared_ptr<const std::string> text;  // decoded UTF-8, for quoting source lines
  std::vector<std::size_t> line_starts;      // byte offset of each line of `text`

  // Keeps `decoded` for quoting and indexes its lines once (O(size)).
  void keep_text(std::string_view decoded);
  // The text of 1-based line `line`, or "" when unknown. O(1).
  std::string_view line_text(int line) const;
};

}  // namespace kpi::model
