// Findings along one indicator's series of observations.
#include <fmt/format.h>

#include "finding_kinds.hpp"
#include "kpi/model/measured_year.hpp"

namespace kpi::verify {
namespace {

bool all_non_negative(const model::Indicator& ind) {
  for (const auto& o : ind.observations)
    if (o.actual.number && o.actual.number->units < 0) return false;
  return true;
}

model::SourceLocation where(const model::Indicator& ind, const model::Observation& o) {
  return o.source.line ? o.source : ind.source;
}

}  // namespace

void find_cumulative_decreases(const IndicatorList& all, std::vector<model::Finding>& out) {
  for (const auto* ind : all) {
    // A cumulative balance (net migration) may fall; a cumulative count may not.
    if (!ind->cumulative || !all_non_negative(*ind) || ind->relisted_of) continue;
    const model::Observation* previous = nullptr;
    for (const auto& o : ind->observations) {
      if (!o.actual.number) continue;
      if (previous && *o.actual.number == *previous->actual.number) {
        previous = &o;
        continue;
      }
      if (previous && o.actual.number->to_double() < previous->actual.number->to_double())
        out.push_back({"cumulative-decrease",
                       model::Severity::warning,
                       fmt::format("{}: cumulative (累計) actual falls from {} (FY{}) to {} (FY{})",
                                   ind->id, number_text(previous->actual), previous->fiscal_year,
                                   number_text(o.actual), o.fiscal_year),
                       {where(*ind, *previous), where(*ind, o)},
                       {ind->id, ind->id}});
      previous = &o;
    }
  }
}

void find_stale_actuals(const IndicatorList& all, std::vector<model::Finding>& out) {
  for (const auto* ind : all) {
    if (ind->relisted_of) continue;
    for (const auto& o : ind->observations) {
      if (!o.actual.number) continue;
      auto year = model::measured_year(o);
      auto column = model::column_year(o);
      // Filed under the year it measures (reported_in): information; else a warning.
      bool filed = o.fiscal_year == year;
      if (year != column)
        out.push_back(
            {"actual-other-year",
             filed ? model::Severity::note : model::Severity::warning,
             fmt::format("{}: the FY{} column holds a value for FY{} ({}){}", ind->id, column, year,
                         o.actual.text, filed ? fmt::format("; filed under FY{}", year) : ""),
             {where(*ind, o)},
             {ind->id}});
      bool repeats = same_number(o.actual, ind->baseline.value) && ind->baseline.fiscal_year &&
                     *ind->baseline.fiscal_year == year;
      if (repeats)
        out.push_back({"actual-repeats-baseline",
                       model::Severity::warning,
                       fmt::format("{}: the FY{} actual {} repeats the FY{} baseline unchanged",
                                   ind->id, column, o.actual.text, year),
                       {where(*ind, o), ind->source},
                       {ind->id, ind->id}});
    }
  }
}

}  // namespace kpi::verify
