#pragma once
// What `check` reports: every rate verdict, cross-row finding and input problem as one list
// of located items, and which of them fail the run.
#include <optional>
#include <string>
#include <vector>

#include "kpi/pipeline.hpp"
#include "kpi/verify/fail_policy.hpp"

namespace kpi::verify {

// The facts of one rate check, for machines (check JSON `rate`, SARIF `properties`).
struct RateFacts {
  std::string municipality, id, name;  // id as displayed: "No.3", "No.3 #2"
  int fiscal_year = 0;
  bool revised = false;  // the revised rate (変更後) against the revised target
  model::Value target, actual, published;
  std::optional<model::Decimal> recomputed;  // at the published precision
  std::string formula;                       // ratio | inverse | progress | ...
  std::string basis;                         // "year target", "final target", "revised target"
  std::optional<model::Decimal> difference;  // published − recomputed, in points
  std::string explanation;
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
  std::optional<RateFacts> rate;            // rates only
  std::vector<model::SourceLocation> rows;  // findings: every row involved
};

std::vector<CheckItem> collect_check_items(const PipelineResult& result, const FailPolicy& policy);
// The same items, a large sheet's rate items made on at most `threads` threads (0: every core).
std::vector<CheckItem> collect_check_items(const PipelineResult& result, const FailPolicy& policy,
                                           unsigned threads);

struct CheckCounts {
  int match = 0, consistent = 0, mismatch = 0, unchecked = 0, findings = 0, failures = 0;
  int unpublished = 0;  // of the unchecked: no published rate (the rate is only computed)
};
CheckCounts count_items(const std::vector<CheckItem>& items);

}  // namespace kpi::verify
