#include "kpi/report/rows.hpp"

#include <algorithm>
#include <limits>

#include "kpi/model/display.hpp"
#include "kpi/model/measured_year.hpp"

namespace kpi::report {

const model::Observation* current_observation(const model::Indicator& ind,
                                              std::optional<int> year) {
  if (year) {
    for (const auto& o : ind.observations)
      if (o.fiscal_year == *year) return &o;
    return nullptr;
  }
  for (auto it = ind.observations.rbegin(); it != ind.observations.rend(); ++it)
    if (it->actual.number) return &*it;
  return ind.observations.empty() ? nullptr : &ind.observations.back();
}

namespace {

const model::Observation* previous_of(const model::Indicator& ind, const model::Observation& o) {
  for (const auto& p : ind.observations)
    if (p.fiscal_year == o.fiscal_year - 1 && p.actual.number) return &p;
  return nullptr;
}

bool shows_final_target(const model::Observation& o) {
  return o.target.text.empty() && !o.target.number;
}

ObservationRow row_of(const model::Sheet& sheet, const model::Indicator& ind,
                      const model::Observation* o, bool first) {
  ObservationRow row{&sheet, &ind, o};
  row.first_of_indicator = first;
  if (o) {
    row.previous = previous_of(ind, *o);
    row.target_is_final = shows_final_target(*o) && ind.final_target.value.number;
  }
  return row;
}

}  // namespace

std::vector<ObservationRow> observation_rows(const model::Sheet& sheet, const ReportView& view) {
  std::vector<ObservationRow> rows;
  for (const auto& ind : sheet.parsed.indicators) {
    if (view.year) {
      rows.push_back(row_of(sheet, ind, current_observation(ind, view.year), true));
      continue;
    }
    bool first = true;
    for (const auto& o : ind.observations) {
      rows.push_back(row_of(sheet, ind, &o, first));
      first = false;
    }
    if (first) rows.push_back(row_of(sheet, ind, nullptr, true));
  }
  return rows;
}

std::optional<model::Decimal> change_since_previous(const ObservationRow& row) {
  if (!row.observation || !row.previous || !row.observation->actual.number) return std::nullopt;
  auto a = *row.observation->actual.number, b = *row.previous->actual.number;
  int scale = std::max(a.scale, b.scale);
  constexpr std::int64_t limit = std::numeric_limits<std::int64_t>::max() / 20;
  for (auto* d : {&a, &b}) {
    for (; d->scale < scale; ++d->scale) {
      if (d->units > limit || d->units < -limit) return std::nullopt;
      d->units *= 10;
    }
  }
  if (a.units > limit || a.units < -limit || b.units > limit || b.units < -limit)
    return std::nullopt;
  return model::Decimal{a.units - b.units, scale};
}

}  // namespace kpi::report
