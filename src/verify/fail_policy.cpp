#include "kpi/verify/fail_policy.hpp"

#include <algorithm>

namespace kpi::verify {
namespace {

bool contains(const std::vector<std::string>& list, const std::string& name) {
  return std::find(list.begin(), list.end(), name) != list.end();
}

std::string contradiction(const std::vector<std::string>& add,
                          const std::vector<std::string>& remove) {
  for (const auto& name : add)
    if (contains(remove, name))
      return "--fail-on " + name + " and --no-fail-on " + name + " contradict each other";
  if (contains(add, "consistent") && contains(remove, "mismatch"))
    return "--fail-on consistent with --no-fail-on mismatch would fail a rate that is nearly "
           "right and pass one that is wrong";
  if (contains(add, "unchecked") && contains(remove, "mismatch"))
    return "--fail-on unchecked with --no-fail-on mismatch would fail a rate that cannot be "
           "checked and pass one that is wrong";
  return "";
}

}  // namespace

const std::vector<std::string>& fail_on_names() {
  static const std::vector<std::string> names = {"mismatch", "consistent", "unchecked", "finding"};
  return names;
}

const std::vector<std::string>& no_fail_on_names() {
  static const std::vector<std::string> names = {"mismatch", "finding"};
  return names;
}

FailPolicyChoice resolve_fail_policy(const std::vector<std::string>& add,
                                     const std::vector<std::string>& remove) {
  FailPolicyChoice choice;
  choice.error = contradiction(add, remove);
  auto& p = choice.policy;
  if (contains(add, "consistent")) p.consistent = true;
  if (contains(add, "unchecked")) p.unchecked = true;
  if (contains(add, "finding")) p.all_findings = true;
  if (contains(remove, "mismatch")) p.mismatch = false;
  if (contains(remove, "finding")) p.error_findings = false;
  return choice;
}

}  // namespace kpi::verify
