// The analysis columns (kpi/report/analysis.hpp): one line per column. The values the human
// writers show come from observation_columns(); what only the analysis has is computed here.
#include <algorithm>

#include "kpi/model/display.hpp"
#include "kpi/report/analysis.hpp"
#include "kpi/report/summary.hpp"

namespace kpi::report {
namespace {

using Row = ObservationRow;
using Cell = AnalysisCell;

Cell text_cell(std::string text) {
  if (text.empty()) return {};
  return Cell{CellKind::text, std::move(text), std::nullopt, false};
}

Cell number_cell(const std::optional<model::Decimal>& d, CellKind kind = CellKind::number) {
  if (!d) return {};
  return Cell{kind, d->to_string(), d, false};
}

Cell flag_cell(bool flag) {
  return Cell{CellKind::flag, std::string(flag_text(flag)), std::nullopt, flag};
}

// An English machine key or the Japanese label.
Cell word_cell(Lang lang, const char* key, std::string_view ja) {
  if (lang == Lang::ja) return text_cell(std::string(ja));
  return text_cell(key ? key : "");
}

// The number function of the shared column titled `title`.
Cell shared_number(const Row& r, Term title, CellKind kind = CellKind::number) {
  for (const auto& c : observation_columns())
    if (c.title == title && c.number) return number_cell(c.number(r), kind);
  return {};
}

// A pace value (a double) at one decimal more than the KPI's printed values.
Cell pace_number(const Row& r, const std::optional<double>& value) {
  if (!value) return {};
  const auto& ind = *r.indicator;
  int scale = std::max(ind.baseline.value.decimals(), ind.final_target.value.decimals());
  for (const auto& o : ind.observations) scale = std::max(scale, o.actual.decimals());
  return number_cell(model::decimal_from_double(*value, std::min(scale + 1, 6)));
}

model::Status status_of(const Row& r) {
  return r.observation ? r.observation->outcome.status : model::Status::no_data;
}

Cell municipality(const Row& r, Lang) {
  return text_cell(r.indicator->municipality);
}
Cell municipality_name(const Row& r, Lang) {
  return text_cell(r.indicator->municipality_name);
}
Cell source(const Row& r, Lang) {
  return text_cell(model::input_text(r.indicator->source));
}
Cell goal(const Row& r, Lang) {
  return text_cell(goal_label(*r.indicator));
}
Cell id(const Row& r, Lang) {
  return text_cell(model::display_id(*r.indicator));
}
Cell name(const Row& r, Lang) {
  return text_cell(r.indicator->name);
}
Cell unit(const Row& r, Lang) {
  return text_cell(r.indicator->unit);
}
Cell direction(const Row& r, Lang lang) {
  auto d = r.indicator->direction;
  return word_cell(lang, model::to_string(d), label(lang, d));
}
Cell direction_source(const Row& r, Lang lang) {
  auto s = r.indicator->direction_source;
  return word_cell(lang, model::to_string(s), label(lang, s));
}
Cell baseline(const Row& r, Lang) {
  return shared_number(r, Term::baseline);
}
Cell fiscal_year(const Row& r, Lang) {
  return shared_number(r, Term::fiscal_year, CellKind::year);
}
Cell fiscal_year_name(const Row& r, Lang lang) {
  return r.observation ? text_cell(fiscal_year_label(lang, r.observation->fiscal_year)) : Cell{};
}
Cell reported_in(const Row& r, Lang) {
  if (!r.observation || !r.observation->reported_in) return {};
  return number_cell(model::Decimal{*r.observation->reported_in, 0}, CellKind::year);
}
Cell target(const Row& r, Lang) {
  return shared_number(r, Term::target);
}
Cell target_is_final(const Row& r, Lang) {
  return r.observation ? flag_cell(r.target_is_final) : Cell{};
}
Cell actual(const Row& r, Lang) {
  return shared_number(r, Term::actual);
}
Cell published_rate(const Row& r, Lang) {
  return shared_number(r, Term::published_rate, CellKind::percent);
}
Cell recomputed_rate(const Row& r, Lang) {
  return shared_number(r, Term::recomputed_rate, CellKind::percent);
}
Cell verdict(const Row& r, Lang lang) {
  if (!r.observation) return {};
  auto v = r.observation->check.verdict;
  return word_cell(lang, model::to_string(v), label(lang, v));
}
Cell status(const Row& r, Lang lang) {
  auto s = status_of(r);
  return word_cell(lang, model::to_string(s), label(lang, s));
}
Cell achieved(const Row& r, Lang) {
  auto s = status_of(r);
  return s == model::Status::no_data ? Cell{} : flag_cell(s == model::Status::achieved);
}
Cell grade(const Row& r, Lang) {
  return r.observation ? text_cell(r.observation->outcome.grade) : Cell{};
}
Cell change(const Row& r, Lang) {
  return number_cell(change_since_previous(r));
}
Cell pace_status(const Row& r, Lang lang) {
  auto s = r.indicator->pace.status;
  return word_cell(lang, model::to_string(s), label(lang, s));
}
Cell pace_as_of(const Row& r, Lang) {
  auto year = r.indicator->pace.as_of;
  return year ? number_cell(model::Decimal{year, 0}, CellKind::year) : Cell{};
}
Cell pace_expected(const Row& r, Lang) {
  return pace_number(r, r.indicator->pace.expected);
}
Cell pace_projected_final(const Row& r, Lang) {
  return pace_number(r, r.indicator->pace.projected_final);
}
Cell baseline_printed(const Row& r, Lang) {
  return text_cell(r.indicator->baseline.value.text);
}
Cell target_printed(const Row& r, Lang) {
  if (!r.observation || r.target_is_final) return text_cell(r.indicator->final_target.value.text);
  return text_cell(r.observation->target.text);
}
Cell actual_printed(const Row& r, Lang) {
  return r.observation ? text_cell(r.observation->actual.text) : Cell{};
}
// As printed: "100%超" (a bound) is only here; published_rate holds its number, 100.
Cell published_printed(const Row& r, Lang) {
  return r.observation ? text_cell(r.observation->published_rate.text) : Cell{};
}
Cell location(const Row& r, Lang) {
  return text_cell(
      model::location_text(r.observation ? r.observation->source : r.indicator->source));
}

}  // namespace

std::string_view flag_text(bool flag) {
  return flag ? "TRUE" : "FALSE";
}

const std::vector<AnalysisColumn>& analysis_columns() {
  static const std::vector<AnalysisColumn> columns = {
      {"municipality", Term::municipality, municipality},
      {"municipality_name", Term::municipality_name, municipality_name},
      {"source", Term::source, source},
      {"goal", Term::goal, goal},
      {"id", Term::id, id},
      {"name", Term::kpi, name},
      {"unit", Term::unit, unit},
      {"direction", Term::direction, direction},
      {"direction_source", Term::direction_source, direction_source},
      {"baseline", Term::baseline, baseline},
      {"fiscal_year", Term::fiscal_year, fiscal_year},
      {"fiscal_year_label", Term::fiscal_year_name, fiscal_year_name},
      {"reported_in", Term::reported_in, reported_in},
      {"target", Term::target, target},
      {"target_is_final", Term::target_is_final, target_is_final},
      {"actual", Term::actual, actual},
      {"published_rate", Term::published_rate, published_rate},
      {"recomputed_rate", Term::recomputed_rate, recomputed_rate},
      {"verdict", Term::verdict, verdict},
      {"status", Term::status, status},
      {"achieved", Term::achieved, achieved},
      {"grade", Term::grade, grade},
      {"change", Term::change, change},
      {"pace_status", Term::pace, pace_status},
      {"pace_as_of", Term::pace_as_of, pace_as_of},
      {"pace_expected", Term::expected_now, pace_expected},
      {"pace_projected_final", Term::projected_final, pace_projected_final},
      {"baseline_printed", Term::baseline_printed, baseline_printed},
      {"target_printed", Term::target_printed, target_printed},
      {"actual_printed", Term::actual_printed, actual_printed},
      {"published_rate_printed", Term::published_printed, published_printed},
      {"location", Term::location, location},
  };
  return columns;
}

std::string_view analysis_header(const AnalysisColumn& column, Lang lang) {
  return lang == Lang::ja ? term(lang, column.title) : column.key;
}

std::vector<ObservationRow> analysis_rows(const PipelineResult& result, const ReportView& view) {
  std::vector<ObservationRow> rows;
  for (const auto& sheet : result.sheets) {
    auto part = observation_rows(sheet, view);
    rows.insert(rows.end(), part.begin(), part.end());
  }
  return rows;
}

}  // namespace kpi::report
