#include "kpi/verify/check_items.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "kpi/calc/rational.hpp"
#include "kpi/model/display.hpp"
#include "kpi/util/parallel_runs.hpp"
#include "kpi/util/thread_count.hpp"

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

RateFacts facts_of(const model::Indicator& ind, const model::Observation& o,
                   const model::RateCheck& check, bool revised, const model::Value& published) {
  RateFacts f;
  f.municipality = ind.municipality;
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
  if (published.number && check.rate_rounded)
    f.difference = calc::round_half_away(
        calc::Rational::of(*published.number) - calc::Rational::of(*check.rate_rounded),
        published.number->scale);
  f.explanation = check.explanation;
  return f;
}

// Fills `item` (a new one, in its place in the list) with the check of one rate.
void rate_item(CheckItem& item, const model::Indicator& ind, const model::Observation& o,
               const model::RateCheck& check, const char* what, const model::Value& published,
               const FailPolicy& policy) {
  item.location = o.source.line ? o.source : ind.source;
  item.rule = std::string("rate.") + model::to_string(check.verdict);
  item.title = fmt::format("{} FY{}{}", model::display_id(ind), o.fiscal_year, what);
  item.message =
      rate_message(ind.name.empty() ? item.title : item.title + " " + ind.name, check, published);
  item.is_rate = true;
  item.verdict = check.verdict;
  item.fails = (check.verdict == Verdict::mismatch && policy.mismatch) ||
               (check.verdict == Verdict::consistent && policy.consistent);
  item.severity = severity_of(check, item.fails, published);
  item.rate = facts_of(ind, o, check, *what != '\0', published);
}

// The rate items of one indicator: one per observation, one more per printed revised rate.
std::size_t rate_item_count(const model::Indicator& ind) {
  std::size_t n = ind.observations.size();
  for (const auto& o : ind.observations) n += o.revised->rate.has_number();
  return n;
}

// The rate items of `ind` into out[at], out[at + 1], ... (rate_item_count of them).
void rate_items(const model::Indicator& ind, const FailPolicy& policy, CheckItem* at) {
  for (const auto& o : ind.observations) {
    rate_item(*at++, ind, o, o.check, "", o.published_rate, policy);
    if (o.revised->rate.has_number())
      rate_item(*at++, ind, o, o.revised->check, " revised", o.revised->rate, policy);
  }
}

// From this many indicators on, a sheet's rate items are made in runs on several threads.
constexpr std::size_t parallel_items_from = 2048;

// The sheet's rate items appended to `out` in indicator order: each indicator's items have
// their place worked out first, so runs of indicators fill theirs at once.
void rate_items(const model::Sheet& sheet, const FailPolicy& policy, std::vector<CheckItem>& out,
                unsigned threads) {
  const auto& indicators = sheet.parsed.indicators;
  std::vector<std::size_t> first(indicators.size() + 1, out.size());
  for (std::size_t i = 0; i < indicators.size(); ++i)
    first[i + 1] = first[i] + rate_item_count(indicators[i]);
  out.resize(first.back());
  util::for_each_run(indicators.size(),
                     util::threads_for(indicators.size(), parallel_items_from, threads),
                     [&](std::size_t begin, std::size_t end) {
                       for (auto i = begin; i < end; ++i)
                         rate_items(indicators[i], policy, out.data() + first[i]);
                     });
}

// "relisted-differs lines 434, 344": the finding's rule and rows, whatever its numbers.
std::string finding_title(const model::Finding& f) {
  std::string lines;
  for (const auto& row : f.rows) lines += fmt::format("{}{}", lines.empty() ? "" : ", ", row.line);
  return lines.empty() ? f.kind
                       : fmt::format("{} line{} {}", f.kind, f.rows.size() > 1 ? "s" : "", lines);
}

}  // namespace

std::vector<CheckItem> collect_check_items(const PipelineResult& result, const FailPolicy& policy) {
  return collect_check_items(result, policy, 0);
}

std::vector<CheckItem> collect_check_items(const PipelineResult& result, const FailPolicy& policy,
                                           unsigned threads) {
  threads = util::threads_or_cores(threads);
  std::vector<CheckItem> items;
  std::size_t rates = 0;
  for (const auto& sheet : result.sheets)
    for (const auto& ind : sheet.parsed.indicators) rates += rate_item_count(ind);
  items.reserve(result.diagnostics.size() + rates + result.findings.size());
  for (const auto& d : result.diagnostics) {
    CheckItem item;
    item.location = d.location;
    item.severity = d.severity;
    item.rule = item.title = d.code;
    item.message = d.message;
    item.fails = d.severity == Severity::error;
    items.push_back(std::move(item));
  }
  for (const auto& sheet : result.sheets) rate_items(sheet, policy, items, threads);
  for (const auto& f : result.findings) {
    CheckItem item;
    item.location = f.rows.empty() ? model::SourceLocation{} : f.rows.front();
    item.severity = f.severity;
    item.rule = "finding." + f.kind;
    item.title = finding_title(f);
    item.rows = f.rows;
    item.message = f.message;
    item.fails = policy.all_findings || (f.severity == Severity::error && policy.error_findings);
    if (item.fails)
      item.severity = Severity::error;
    else if (item.severity == Severity::error)
      item.severity = Severity::warning;
    items.push_back(std::move(item));
  }
  return items;
}

CheckCounts count_items(const std::vector<CheckItem>& items) {
  CheckCounts c;
  for (const auto& i : items) {
    if (i.is_rate) {
      switch (i.verdict) {
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
          // A formula saved without its value is a published rate that could not be read.
          c.unpublished += i.rate && !i.rate->published.has_number() &&
                           i.rate->published.workbook->formula.empty();
          break;
      }
    } else if (i.rule.rfind("finding.", 0) == 0) {
      ++c.findings;
    }
    c.failures += i.fails;
  }
  return c;
}

}  // namespace kpi::verify
