#pragma once
// Problems are values with a source location, collected and all reported.
#include <string>
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

}  // namespace kpi::model
