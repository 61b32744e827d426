#include "kpi/verify/check_items.hpp"

#include <fmt/format.h>

#include "kpi/report/format.hpp"

namespace kpi::verify {
namespace {

using model::Severity;
using model::Verdict;

// A mismatch that flips a decision (grade, achieved) is an error; one that does not is a
// warning (both fail by default).
Severity severity_of(const model::RateCheck& check) {
  if (check.verdict != Verdict::mismatch) return Severity::note;
  return check.decision_flip ? Severity::error : Severity::warning;
}

std::string rate_message(const model::Indicator& ind, const model::Observation& o) {
  std::string head = fmt::format("{} FY{}: ", report::display_id(ind), o.fiscal_year);
  switch (o.check.verdict) {
    case Verdict::mismatch: return head + o.check.explanation;
    case Verdict::consistent:
      return head + fmt::format("published {} consistent: {}", report::shown(o.published_rate),
                                o.check.explanation);
    case Verdict::match:
      return head + fmt::format("published {} matches ({}){}", report::shown(o.published_rate),
                                o.check.method,
                                o.check.explanation.empty() ? "" : ": " + o.check.explanation);
    case Verdict::unchecked: break;
  }
  return head + "unchecked: " + o.check.explanation;
}

void rate_items(const model::Sheet& sheet, const FailPolicy& policy, std::vector<CheckItem>& out) {
  for (const auto& ind : sheet.parsed.indicators)
    for (const auto& o : ind.observations) {
      CheckItem item;
      item.location = o.source.line ? o.source : ind.source;
      item.severity = severity_of(o.check);
      item.rule = std::string("rate.") + model::to_string(o.check.verdict);
      item.title = fmt::format("{} FY{}", report::display_id(ind), o.fiscal_year);
      item.message = rate_message(ind, o);
      item.is_rate = true;
      item.verdict = o.check.verdict;
      item.fails = (o.check.verdict == Verdict::mismatch && policy.mismatch) ||
                   (o.check.verdict == Verdict::consistent && policy.consistent);
      if (item.fails && item.severity == Severity::note) item.severity = Severity::warning;
      out.push_back(std::move(item));
    }
}

}  // namespace

std::vector<CheckItem> collect_check_items(const PipelineResult& result, const FailPolicy& policy) {
  std::vector<CheckItem> items;
  for (const auto& d : result.diagnostics) {
    CheckItem item{d.location, d.severity, d.code, d.code, d.message};
    item.fails = d.severity == Severity::error;
    items.push_back(std::move(item));
  }
  for (const auto& sheet : result.sheets) rate_items(sheet, policy, items);
  for (const auto& f : result.findings) {
    CheckItem item;
    item.location = f.rows.empty() ? model::SourceLocation{} : f.rows.front();
    item.severity = f.severity;
    item.rule = "finding." + f.kind;
    item.title = f.kind;
    item.message = f.message;
    item.fails = policy.all_findings || (f.severity == Severity::error && policy.error_findings);
    items.push_back(std::move(item));
  }
  return items;
}

CheckCounts count_items(const std::vector<CheckItem>& items) {
  CheckCounts c;
  for (const auto& i : items) {
    if (i.is_rate) {
      switch (i.verdict) {
        case Verdict::match: ++c.match; break;
        case Verdict::consistent: ++c.consistent; break;
        case Verdict::mismatch: ++c.mismatch; break;
        case Verdict::unchecked: ++c.unchecked; break;
      }
    } else if (i.rule.rfind("finding.", 0) == 0) {
      ++c.findings;
    }
    c.failures += i.fails;
  }
  return c;
}

}  // namespace kpi::verify
