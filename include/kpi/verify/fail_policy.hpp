#pragma once
// What fails a `check` run. The default gate (mismatches, error findings, input errors) only
// grows with --fail-on; taking something out of it needs --no-fail-on, by name.
#include <string>
#include <vector>

namespace kpi::verify {

struct FailPolicy {
  bool mismatch = true;
  bool consistent = false;
  bool unchecked = false;      // published rates that could not be checked (no actual, words)
  bool error_findings = true;  // findings of severity error
  bool all_findings = false;   // findings of any severity
};

struct FailPolicyChoice {
  FailPolicy policy;
  std::string error;  // non-empty: the options contradict each other (a usage error)
};

// What --fail-on may add: mismatch (already in the gate), consistent, unchecked, finding
// (every finding).
const std::vector<std::string>& fail_on_names();
// What --no-fail-on may take out: mismatch, finding (error-severity findings).
const std::vector<std::string>& no_fail_on_names();

// The gate for `--fail-on` values `add` and `--no-fail-on` values `remove`. Naming one thing
// in both, or failing on consistent rates but not on mismatches, is a contradiction.
FailPolicyChoice resolve_fail_policy(const std::vector<std::string>& add,
                                     const std::vector<std::string>& remove);

}  // namespace kpi::verify
