#pragma once
// Problems are values with a source location, collected and all reported.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "kpi/model/indicator.hpp"

namespace kpi::model {

enum class Severity { note, warning, error };

struct Diagnostic {
  SourceLocation location;
  Severity severity = Severity::error;
  std::string code;     // stable rule id, e.g. "input.unparseable-row"
  std::string message;  // one line, no location prefix
};

// An input row that did not become a KPI, and why.
struct SkippedRow {
  int line = 0;
  std::string reason;
};

const char* to_string(Severity severity);

// The note that stands for the diagnostics of one rule in one file left out of a summary
// (`report` on stderr, `check` text): "… and 12 more input.merge-conflict in data/x.tsv
// (--verbose for all)", code "output.summarised", severity note, located at the file.
Diagnostic summarised_note(std::string_view path, std::string_view code, std::size_t more);

}  // namespace kpi::model
