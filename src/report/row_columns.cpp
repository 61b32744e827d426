// The columns the human writers share (kpi/report/rows.hpp): one line per column.
#include <fmt/format.h>

#include "kpi/report/format.hpp"
#include "kpi/report/number_text.hpp"
#include "kpi/report/rows.hpp"

namespace kpi::report {
namespace {

using Row = ObservationRow;
using Number = std::optional<model::Decimal>;

std::string id_text(const Row& r, Lang) {
  return display_id(*r.indicator);
}
std::string name_text(const Row& r, Lang) {
  return r.indicator->name;
}
std::string unit_text(const Row& r, Lang) {
  return r.indicator->unit;
}
std::string direction_text(const Row& r, Lang lang) {
  std::string out(label(lang, r.indicator->direction));
  if (!out.empty() && r.indicator->direction_source == model::DirectionSource::assumed)
    out += lang == Lang::ja ? "（推定）" : " (assumed)";
  return out;
}
std::string baseline_text(const Row& r, Lang) {
  return shown(r.indicator->baseline.value);
}
Number baseline_number(const Row& r) {
  return r.indicator->baseline.value.number;
}
std::string year_text(const Row& r, Lang lang) {
  if (!r.observation) return "";
  return lang == Lang::ja ? fiscal_year_label(lang, r.observation->fiscal_year)
                          : std::to_string(r.observation->fiscal_year);
}
Number year_number(const Row& r) {
  if (!r.observation) return std::nullopt;
  return model::Decimal{r.observation->fiscal_year, 0};
}
std::string target_text(const Row& r, Lang lang) {
  if (!r.observation) return shown(r.indicator->final_target.value);
  auto text = shown_target(*r.indicator, *r.observation);
  if (r.target_is_final) text += std::string(term(lang, Term::final_target_mark));
  return text;
}
Number target_number(const Row& r) {
  if (!r.observation || r.target_is_final) return r.indicator->final_target.value.number;
  return r.observation->target.number;
}
std::string actual_text(const Row& r, Lang) {
  return r.observation ? shown(r.observation->actual) : "";
}
Number actual_number(const Row& r) {
  return r.observation ? r.observation->actual.number : std::nullopt;
}
std::string published_text(const Row& r, Lang) {
  return r.observation ? shown(r.observation->published_rate) : "";
}
Number published_number(const Row& r) {
  return r.observation ? r.observation->published_rate.number : std::nullopt;
}
std::string recomputed_rate_text(const Row& r, Lang) {
  return r.observation ? recomputed_text(*r.observation) : "";
}
Number recomputed_number(const Row& r) {
  return r.observation ? r.observation->check.rate_rounded : std::nullopt;
}
std::string verdict_text(const Row& r, Lang lang) {
  return std::string(
      label(lang, r.observation ? r.observation->check.verdict : model::Verdict::unchecked));
}
std::string status_text(const Row& r, Lang lang) {
  return std::string(
      label(lang, r.observation ? r.observation->outcome.status : model::Status::no_data));
}
std::string change_text(const Row& r, Lang) {
  auto change = change_since_previous(r);
  if (!change) return "";
  auto text = grouped_number(*change);
  return change->units > 0 ? "+" + text : text;
}
Number change_number(const Row& r) {
  return change_since_previous(r);
}
std::string pace_text(const Row& r, Lang lang) {
  return std::string(label(lang, r.indicator->pace.status));
}
std::string grade_text(const Row& r, Lang) {
  return r.observation ? r.observation->outcome.grade : "";
}

}  // namespace

const std::vector<RowColumn>& observation_columns() {
  static const std::vector<RowColumn> columns = {
      {Term::id, Align::left, true, id_text, nullptr},
      {Term::kpi, Align::left, true, name_text, nullptr},
      {Term::unit, Align::left, true, unit_text, nullptr},
      {Term::direction, Align::left, true, direction_text, nullptr},
      {Term::baseline, Align::right, true, baseline_text, baseline_number},
      {Term::fiscal_year, Align::right, false, year_text, year_number},
      {Term::target, Align::right, false, target_text, target_number},
      {Term::actual, Align::right, false, actual_text, actual_number},
      {Term::published_rate, Align::right, false, published_text, published_number},
      {Term::recomputed_rate, Align::right, false, recomputed_rate_text, recomputed_number},
      {Term::verdict, Align::left, false, verdict_text, nullptr},
      {Term::status, Align::left, false, status_text, nullptr},
      {Term::grade, Align::left, false, grade_text, nullptr},
      {Term::change, Align::right, false, change_text, change_number},
      {Term::pace, Align::left, true, pace_text, nullptr},
  };
  return columns;
}

std::vector<const RowColumn*> columns_in_view(const ReportView& view) {
  std::vector<const RowColumn*> shown;
  for (const auto& column : observation_columns())
    if (!(view.year && column.title == Term::fiscal_year)) shown.push_back(&column);
  return shown;
}

std::string cell_text(const RowColumn& column, const ObservationRow& row, Lang lang) {
  if (column.per_kpi && !row.first_of_indicator) return "";
  return column.text(row, lang);
}

}  // namespace kpi::report
