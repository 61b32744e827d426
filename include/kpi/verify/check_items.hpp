#pragma once
// What `check` reports: every rate verdict, cross-row finding and input problem as one list
// of located items, and which of them fail the run.
#include <string>
#include <vector>

#include "kpi/pipeline.hpp"

namespace kpi::verify {

struct FailPolicy {
  bool mismatch = true;
  bool consistent = false;
  bool error_findings = true;  // findings of severity error
  bool all_findings = false;   // findings of any severity
};

struct CheckItem {
  model::SourceLocation location;
  model::Severity severity = model::Severity::note;
  std::string rule;     // stable id: rate.mismatch, finding.relisted-differs, input.encoding ...
  std::string title;    // short: "No.22 FY2023"
  std::string message;  // one line
  bool is_rate = false;
  model::Verdict verdict = model::Verdict::unchecked;
  bool fails = false;
};

std::vector<CheckItem> collect_check_items(const PipelineResult& result, const FailPolicy& policy);

struct CheckCounts {
  int match = 0, consistent = 0, mismatch = 0, unchecked = 0, findings = 0, failures = 0;
};
CheckCounts count_items(const std::vector<CheckItem>& items);

}  // namespace kpi::verify
