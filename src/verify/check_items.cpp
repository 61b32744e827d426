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

std::string rate_message(const std::string& title, const model::RateCheck& check,
                         const model::Value& published) {
  std::string head = title + ": ";
  switch (check.verdict) {
    case Verdict::mismatch: return head + check.explanation;
    case Verdict::consistent:
      return head + fmt::format("published {} consistent: {}", report::shown(published),
                                check.explanation);
    case Verdict::match:
      return head + fmt::format("published {} matches ({}){}", report::shown(published),
                                check.method,
                                check.explanation.empty() ? "" : ": " + check.explanation);
    case Verdict::unchecked: break;
  }
  return head + "unchecked: " + check.explanation;
}

CheckItem rate_item(const model::Indicator& ind, const model::Observation& o,
                    const model::RateCheck& check, const char* what, const model::Value& published,
                    const FailPolicy& policy) {
  CheckItem item;
  item.location = o.source.line ? o.source : ind.source;
  item.severity = severity_of(check);
  item.rule = std::string("rate.") + model::to_string(check.verdict);
  item.title = fmt::format("{} FY{}{}", report::display_id(ind), o.fiscal_year, what);
  item.message = rate_message(item.title, check, published);
  item.is_rate = true;
  item.verdict = check.verdict;
  item.fails = (check.verdict == Verdict::mismatch && policy.mismatch) ||
               (check.verdict == Verdict::consistent && policy.consistent);
  if (item.fails && item.severity == Severity::note) item.severity = Severity::warning;
  return item;
}

void rate_items(const model::Sheet& sheet, const FailPolicy& policy, std::vector<CheckItem>& out) {
  for (const auto& ind : sheet.parsed.indicators)
    for (const auto& o : ind.observations) {
      out.push_back(rate_item(ind, o, o.check, "", o.published_rate, policy));
      if (o.revised_rate.has_number())
        out.push_back(rate_item(ind, o, o.revised_check, " revised", o.revised_rate, policy));
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
