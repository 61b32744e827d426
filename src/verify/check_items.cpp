#include "kpi/verify/check_items.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "kpi/calc/rational.hpp"
#include "kpi/model/diagnostic_summary.hpp"
#include "kpi/model/display.hpp"
#include "kpi/verify/printed_rate.hpp"

namespace kpi::verify {
namespace {

using model::Severity;
using model::Verdict;

// Severity follows the gate: what fails the run is an error; a mismatch let through by
// --no-fail-on is a warning; everything else a note.
// A published rate that could not be read (a formula saved without its value) is worth a
// warning: the sheet must be saved again before it can be checked.
Severity severity_of(const model::RateCheck& check, bool fails, const model::Value& published) {
  if (fails) return Severity::error;
  if (check.verdict == Verdict::unchecked && published.workbook->formula_uncached)
    return Severity::warning;
  return check.verdict == Verdict::mismatch ? Severity::warning : Severity::note;
}

std::string rate_message(const std::string& title, const model::RateCheck& check,
                         const model::Value& published) {
  std::string head = title + ": ";
  switch (check.verdict) {
    case Verdict::mismatch:
      return head + check.explanation;
    case Verdict::consistent:
      return head +
             fmt::format("published {} consistent: {}", model::shown(published), check.explanation);
    case Verdict::match:
      return head + fmt::format("published {} matches ({}){}", model::shown(published),
                                check.method,
                                check.explanation.empty() ? "" : ": " + check.explanation);
    case Verdict::unchecked:
      break;
  }
  return head + "unchecked: " + check.explanation;
}

bool fails_of(Verdict verdict, const FailPolicy& policy) {
  return (verdict == Verdict::mismatch && policy.mismatch) ||
         (verdict == Verdict::consistent && policy.consistent) ||
         (verdict == Verdict::unchecked && policy.unchecked);
}

// The facts of one rate, into `f` (a reused item's: its strings keep their room).
void fill_facts(RateFacts& f, const model::Indicator& ind, const model::Observation& o,
                const model::RateCheck& check, bool revised, const model::Value& published) {
  f.municipality = ind.municipality;
  f.municipality_name = ind.municipality_name;
  f.id = model::display_id(ind);
  f.name = ind.name;
  f.fiscal_year = o.fiscal_year;
  f.revised = revised;
  f.target = revised ? o.revised->target : o.target;
  if (!f.target.has_number() && !revised) f.target = ind.final_target.value;
  f.actual = o.actual;
  f.published = published;
  f.recomputed = check.rate_rounded;
  f.formula = check.method;
  f.basis = check.basis;
  f.difference.reset();
  if (published.number && check.rate_rounded)
    f.difference = calc::round_half_away(
        calc::Rational::of(*published.number) - calc::Rational::of(*check.rate_rounded),
        published.number->scale);
  f.explanation = check.explanation;
}

// One printed rate of an observation: the rate and its check (the revised one's, when
// `revised`).
struct PrintedRate {
  const model::Indicator& ind;
  const model::Observation& o;
  bool revised;

  const model::RateCheck& check() const { return revised ? o.revised->check : o.check; }
  const model::Value& published() const { return revised ? o.revised->rate : o.published_rate; }
};

// What a filter asks of a rate item: where it is, its verdict, severity and whether it fails.
void rate_kind(CheckItem& item, const PrintedRate& rate, const FailPolicy& policy) {
  const auto& check = rate.check();
  item.location = rate.o.source.line ? rate.o.source : rate.ind.source;
  item.is_rate = true;
  item.verdict = check.verdict;
  item.fails = fails_of(check.verdict, policy);
  item.severity = severity_of(check, item.fails, rate.published());
  item.rows.clear();
}

// The rest of a rate item: its rule, title, message and facts.
void rate_texts(CheckItem& item, const PrintedRate& rate) {
  const auto& check = rate.check();
  item.rule.assign("rate.").append(model::to_string(check.verdict));
  item.title = fmt::format("{} FY{}{}", model::display_id(rate.ind), rate.o.fiscal_year,
                           rate.revised ? " revised" : "");
  item.message = rate_message(rate.ind.name.empty() ? item.title : item.title + " " + rate.ind.name,
                              check, rate.published());
  fill_facts(item.rate ? *item.rate : item.rate.emplace(), rate.ind, rate.o, check, rate.revised,
             rate.published());
}

// Calls fn(rate) for each printed rate of `ind`, in item order: each observation's, then its
// revised one when that is printed.
template <class Fn>
void for_each_rate(const model::Indicator& ind, Fn fn) {
  for (const auto& o : ind.observations) {
    fn(PrintedRate{ind, o, false});
    if (o.revised->rate.has_number()) fn(PrintedRate{ind, o, true});
  }
}

bool unpublished(const model::Value& published) {
  return !is_printed(published);
}

// A rate's verdict counted; an unchecked one also as unpublished when `nothing_printed`.
void count_verdict(CheckCounts& c, Verdict verdict, bool nothing_printed) {
  switch (verdict) {
    case Verdict::match:
      ++c.match;
      break;
    case Verdict::consistent:
      ++c.consistent;
      break;
    case Verdict::mismatch:
      ++c.mismatch;
      break;
    case Verdict::unchecked:
      ++c.unchecked;
      c.unpublished += nothing_printed;
      break;
  }
}

void count_rate(CheckCounts& c, const PrintedRate& rate, const FailPolicy& policy) {
  auto verdict = rate.check().verdict;
  count_verdict(c, verdict, unpublished(rate.published()));
  c.failures += fails_of(verdict, policy);
}

void diagnostic_item(CheckItem& item, const model::Diagnostic& d) {
  item = CheckItem{};
  item.location = d.location;
  item.severity = d.severity;
  item.rule = item.title = d.code;
  item.message = d.message;
  item.fails = d.severity == Severity::error;
}

// "relisted-differs lines 434, 344": the finding's rule and rows, whatever its numbers.
std::string finding_title(const model::Finding& f) {
  std::string lines;
  for (const auto& row : f.rows) lines += fmt::format("{}{}", lines.empty() ? "" : ", ", row.line);
  return lines.empty() ? f.kind
                       : fmt::format("{} line{} {}", f.kind, f.rows.size() > 1 ? "s" : "", lines);
}

bool finding_fails(const model::Finding& f, const FailPolicy& policy) {
  return policy.all_findings || (f.severity == Severity::error && policy.error_findings);
}

void finding_item(CheckItem& item, const model::Finding& f, const FailPolicy& policy) {
  item = CheckItem{};
  item.location = f.rows.empty() ? model::SourceLocation{} : f.rows.front();
  item.severity = f.severity;
  item.rule = "finding." + f.kind;
  item.title = finding_title(f);
  item.rows = f.rows;
  item.message = f.message;
  item.fails = finding_fails(f, policy);
  if (item.fails)
    item.severity = Severity::error;
  else if (item.severity == Severity::error)
    item.severity = Severity::warning;
}

// Items per run: enough that a run is worth a thread's while, few enough to share the work.
constexpr std::size_t items_per_run = 512;

}  // namespace

CheckItems::CheckItems(const PipelineResult& result, const FailPolicy& policy)
    : result_(result), policy_(policy) {
  const auto& diagnostics = result.diagnostics;
  counts_.failures += static_cast<int>(diagnostics.error_count());
  for (std::size_t k = 0; k < diagnostics.mark_count(); ++k)
    runs_.push_back({RunKind::diagnostics, 0, k, k + 1});
  size_ = diagnostics.size();
  for (std::size_t s = 0; s < result.sheets.size(); ++s) add_rate_runs(s);
  const auto& findings = result.findings;
  for (std::size_t begin = 0; begin < findings.size(); begin += items_per_run)
    runs_.push_back(
        {RunKind::findings, 0, begin, std::min(findings.size(), begin + items_per_run)});
  for (const auto& f : findings) {
    ++counts_.findings;
    counts_.failures += finding_fails(f, policy);
  }
  size_ += findings.size();
}

// The sheet's indicators cut into runs of about items_per_run rate items (none empty), counted.
void CheckItems::add_rate_runs(std::size_t sheet) {
  const auto& indicators = result_.sheets[sheet].parsed.indicators;
  std::size_t begin = 0, items = 0;
  for (std::size_t i = 0; i < indicators.size(); ++i) {
    for_each_rate(indicators[i], [&](const PrintedRate& rate) {
      count_rate(counts_, rate, policy_);
      ++items;
    });
    if (items >= items_per_run || (i + 1 == indicators.size() && items > 0)) {
      runs_.push_back({RunKind::rates, sheet, begin, i + 1});
      size_ += items;
      begin = i + 1;
      items = 0;
    }
  }
}

void CheckItems::visit_run(const Run& run, const Visit& visit, const Wanted& wanted,
                           Places places) const {
  CheckItem item;
  switch (run.kind) {
    case RunKind::diagnostics: {
      const auto& diagnostics = result_.diagnostics;
      auto end = diagnostics.mark(run.begin + 1);
      for (auto it = diagnostics.mark(run.begin); it != end && places.more(); ++it) {
        if (!places.take()) continue;  // a record passed over is not decoded
        diagnostic_item(item, *it);
        if (!wanted || wanted(item)) visit(item);
      }
      break;
    }
    case RunKind::rates: {
      const auto& indicators = result_.sheets[run.sheet].parsed.indicators;
      for (auto i = run.begin; i < run.end && places.more(); ++i)
        for_each_rate(indicators[i], [&](const PrintedRate& rate) {
          if (!places.take()) return;
          rate_kind(item, rate, policy_);
          if (wanted && !wanted(item)) return;
          rate_texts(item, rate);
          visit(item);
        });
      break;
    }
    case RunKind::findings:
      for (auto i = run.begin; i < run.end && places.more(); ++i) {
        if (!places.take()) continue;
        finding_item(item, result_.findings[i], policy_);
        if (!wanted || wanted(item)) visit(item);
      }
      break;
  }
}

void CheckItems::for_each(const Visit& visit, const Wanted& wanted) const {
  for (const auto& run : runs_) visit_run(run, visit, wanted, Places());
}

void CheckItems::for_each_summarised_diagnostic(const Visit& visit, const Wanted& wanted,
                                                std::size_t shown) const {
  CheckItem item;
  for (const auto& d :
       model::summarise_diagnostics(result_.diagnostics, shown, model::Summed::all_but_errors)) {
    diagnostic_item(item, d);
    if (!wanted || wanted(item)) visit(item);
  }
}

void CheckItems::for_each_summarised(const Visit& visit, const Wanted& wanted,
                                     std::size_t shown) const {
  for_each_summarised_diagnostic(visit, wanted, shown);
  for (const auto& run : runs_)
    if (run.kind != RunKind::diagnostics) visit_run(run, visit, wanted, Places());
}

void CheckItems::for_each_in_run(std::size_t run, const Visit& visit, const Wanted& wanted) const {
  visit_run(runs_.at(run), visit, wanted, Places());
}

void CheckItems::for_each_at(std::size_t run, std::span<const std::uint32_t> positions,
                             const Visit& visit) const {
  visit_run(runs_.at(run), visit, {}, Places(positions));
}

std::vector<CheckItem> collect_check_items(const PipelineResult& result, const FailPolicy& policy) {
  CheckItems items(result, policy);
  std::vector<CheckItem> all;
  all.reserve(items.size());
  items.for_each([&](const CheckItem& item) { all.push_back(item); });
  return all;
}

CheckCounts count_items(const std::vector<CheckItem>& items) {
  CheckCounts c;
  for (const auto& i : items) {
    if (i.is_rate) {
      count_verdict(c, i.verdict, i.rate && unpublished(i.rate->published));
    } else if (i.rule.rfind("finding.", 0) == 0) {
      ++c.findings;
    }
    c.failures += i.fails;
  }
  return c;
}

}  // namespace kpi::verify
