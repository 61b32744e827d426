#include "kpi/report/json.hpp"

#include <cstdlib>

#include "kpi/text/name_form.hpp"

namespace kpi::report {
namespace {

Json text_or_null(const std::string& s) {
  return s.empty() ? Json(nullptr) : Json(s);
}

Json c_str_or_null(const char* s) {
  return s ? Json(s) : Json(nullptr);
}

Json optional_int(const std::optional<int>& v) {
  return v ? Json(*v) : Json(nullptr);
}

Json location_json(const model::SourceLocation& loc) {
  Json j{{"path", loc.path}, {"line", loc.line}};
  if (!loc.sheet.empty()) j["sheet"] = loc.sheet;
  if (!loc.cell.empty()) j["cell"] = loc.cell;
  return j;
}

// The workbook side of an observation: cells, the rate formula, stored values.
void add_cells(Json& j, const model::Observation& o) {
  if (o.source.sheet.empty()) return;
  j["sheet"] = o.source.sheet;
  j["cells"] = Json{{"target", text_or_null(o.target.cell)},
                    {"actual", text_or_null(o.actual.cell)},
                    {"rate", text_or_null(o.published_rate.cell)}};
  j["rate_formula"] = text_or_null(o.published_rate.formula);
  if (o.actual.stored) j["actual_stored"] = number_json(*o.actual.stored);
  if (o.target.stored) j["target_stored"] = number_json(*o.target.stored);
}

// Schema 1.2: achieved / behind / no data and the grade of the year.
void add_outcome(Json& j, const model::Outcome& outcome) {
  j["status"] = model::to_string(outcome.status);
  j["achieved"] = outcome.status == model::Status::no_data
                      ? Json(nullptr)
                      : Json(outcome.status == model::Status::achieved);
  j["grade"] = text_or_null(outcome.grade);
  j["status_basis"] = text_or_null(outcome.rate_source);
}

Json optional_number(const std::optional<double>& v) {
  return v ? Json(*v) : Json(nullptr);
}

Json pace_json(const model::Pace& p) {
  return Json{{"status", model::to_string(p.status)},
              {"as_of", p.as_of ? Json(p.as_of) : Json(nullptr)},
              {"actual", optional_number(p.actual)},
              {"expected", optional_number(p.expected)},
              {"progress_percent", optional_number(p.progress_percent)},
              {"projected_final", optional_number(p.projected_final)},
              {"projected_to_achieve",
               p.projected_to_achieve ? Json(*p.projected_to_achieve) : Json(nullptr)},
              {"reason", text_or_null(p.reason)}};
}

Json counts_json(const StatusCounts& c) {
  Json grades = Json::object();
  for (const auto& [grade, n] : c.grades) grades[grade] = n;
  auto share = c.achieved_percent();
  return Json{{"kpis", c.kpis},
              {"achieved", c.achieved},
              {"behind", c.behind},
              {"no_data", c.no_data},
              {"achieved_percent", share ? Json(*share) : Json(nullptr)},
              {"grades", grades},
              {"pace_on_track", c.on_track},
              {"pace_behind", c.pace_behind},
              {"rates_checked", c.rates_checked},
              {"wrong_rates", c.wrong_rates}};
}

Json observation_json(const model::Observation& o) {
  Json j;
  j["fiscal_year"] = o.fiscal_year;                          // the year the values measure
  j["reported_in"] = o.reported_in.value_or(o.fiscal_year);  // the column's year
  j["target"] = value_json(o.target);
  j["target_text"] = text_or_null(o.target.text);
  j["actual"] = value_json(o.actual);
  j["actual_text"] = text_or_null(o.actual.text);
  j["actual_fiscal_year"] = optional_int(o.actual_fiscal_year);
  j["provisional"] = o.provisional;
  j["published_rate_percent"] = value_json(o.published_rate);
  j["published_rate_text"] = text_or_null(o.published_rate.text);
  if (o.revised_target.has_number() || !o.revised_target.text.empty() ||
      o.revised_rate.has_number() || !o.revised_rate.text.empty()) {
    j["revised_target"] = value_json(o.revised_target);
    j["revised_target_text"] = text_or_null(o.revised_target.text);
    j["revised_rate_percent"] = value_json(o.revised_rate);
    j["revised_rate_text"] = text_or_null(o.revised_rate.text);
    j["revised_verdict"] = model::to_string(o.revised_check.verdict);
    j["revised_explanation"] = text_or_null(o.revised_check.explanation);
  }
  j["rate_percent"] = o.check.rate_percent ? Json(*o.check.rate_percent) : Json(nullptr);
  j["method"] = text_or_null(o.check.method);
  j["verdict"] = model::to_string(o.check.verdict);
  j["explanation"] = text_or_null(o.check.explanation);
  add_outcome(j, o.outcome);
  j["notes"] = text_or_null(o.notes);
  j["path"] = o.source.path;  // merged series: observations come from several files
  j["line"] = o.source.line;
  add_cells(j, o);
  return j;
}

}  // namespace

Json value_json(const model::Value& v) {
  if (!v.number) return nullptr;
  return number_json(*v.number);
}

// What Json::parse(d.to_string()) gives, without parsing: an integer as an integer, else the
// double nearest to the printed value (strtod of the canonical decimal text, as the parser).
Json number_json(const model::Decimal& d) {
  if (d.scale <= 0)
    return d.units < 0 ? Json(static_cast<std::int64_t>(d.units))
                       : Json(static_cast<std::uint64_t>(d.units));
  return Json(std::strtod(d.to_string().c_str(), nullptr));
}

Json indicator_json(const model::Indicator& ind) {
  Json j;
  j["municipality"] = ind.municipality;
  j["id"] = ind.id;
  j["seq"] = ind.seq;
  j["name"] = ind.name;
  j["name_normalized"] = text::name_form(ind.name);
  j["unit"] = text_or_null(ind.unit);
  j["goal"] = text_or_null(ind.goal);
  j["measure"] = text_or_null(ind.measure);
  Json path = Json::array();
  for (const auto& level : ind.plan_path)
    path.push_back(Json{{"level", level.level}, {"code", level.code}, {"title", level.title}});
  j["plan_path"] = path;
  j["direction"] = c_str_or_null(model::to_string(ind.direction));
  j["direction_source"] = c_str_or_null(model::to_string(ind.direction_source));
  j["direction_text"] = text_or_null(ind.direction_text);
  j["cumulative"] = ind.cumulative;
  j["rate_formula"] = c_str_or_null(model::to_string(ind.rate_formula));
  j["type_text"] = text_or_null(ind.type_text);
  j["relisted_of"] = ind.relisted_of ? Json(*ind.relisted_of) : Json(nullptr);
  Json alternatives = Json::array();
  for (const auto& a : ind.baseline.alternatives)
    alternatives.push_back(Json{{"value", value_json(a)}, {"text", a.text}});
  j["baseline"] = {{"value", value_json(ind.baseline.value)},
                   {"fiscal_year", optional_int(ind.baseline.fiscal_year)},
                   {"text", text_or_null(ind.baseline.value.text)},
                   {"alternatives", alternatives}};
  j["final_target"] = {{"value", value_json(ind.final_target.value)},
                       {"fiscal_year", optional_int(ind.final_target.fiscal_year)},
                       {"qualifier", c_str_or_null(model::to_string(ind.final_target.qualifier))},
                       {"text", text_or_null(ind.final_target.value.text)}};
  // A workbook's cells: the rate formulas refer to them.
  if (!ind.baseline.value.cell.empty()) j["baseline"]["cell"] = ind.baseline.value.cell;
  if (ind.baseline.value.stored) j["baseline"]["stored"] = number_json(*ind.baseline.value.stored);
  if (!ind.final_target.value.cell.empty()) j["final_target"]["cell"] = ind.final_target.value.cell;
  Json observations = Json::array();
  for (const auto& o : ind.observations) observations.push_back(observation_json(o));
  j["observations"] = observations;
  j["pace"] = pace_json(ind.pace);
  j["source"] = location_json(ind.source);
  return j;
}

Json source_json(const model::SourceSummary& source) {
  Json skipped = Json::array();
  for (const auto& s : source.skipped)
    skipped.push_back(Json{{"line", s.line}, {"reason", s.reason}});
  Json j{{"path", source.path},           {"format", source.format},
         {"encoding", source.encoding},   {"kpis", source.kpis},
         {"rows_read", source.rows_read}, {"rows_used", source.rows_used},
         {"merged", source.merged},       {"skipped", skipped}};
  if (!source.sheet.empty()) j["sheet"] = source.sheet;  // a workbook's worksheet
  return j;
}

Json finding_json(const model::Finding& f) {
  Json rows = Json::array();
  for (std::size_t i = 0; i < f.rows.size(); ++i) {
    Json row = location_json(f.rows[i]);
    row["id"] = i < f.ids.size() ? Json(f.ids[i]) : Json(nullptr);
    rows.push_back(row);
  }
  return Json{{"kind", f.kind},
              {"severity", model::to_string(f.severity)},
              {"message", f.message},
              {"rows", rows}};
}

Json summary_json(const Summary& s) {
  Json sheets = Json::array(), goals = Json::array();
  for (const auto& g : s.sheets)
    sheets.push_back(Json{{"path", g.sheet}, {"counts", counts_json(g.counts)}});
  for (const auto& g : s.goals)
    goals.push_back(Json{
        {"path", g.sheet}, {"goal", text_or_null(g.label)}, {"counts", counts_json(g.counts)}});
  return Json{{"fiscal_year", optional_int(s.view.year)},
              {"total", counts_json(s.total)},
              {"sheets", sheets},
              {"goals", goals}};
}

Json document_json(const PipelineResult& result, const Summary* summary) {
  Json doc;
  doc["schema"] = json_schema_id;
  doc["schema_version"] = json_schema_version;
  doc["sources"] = Json::array();
  doc["indicators"] = Json::array();
  for (const auto& sheet : result.sheets) {
    for (const auto& source : model::source_summaries(sheet))
      doc["sources"].push_back(source_json(source));
    for (const auto& ind : sheet.parsed.indicators)
      doc["indicators"].push_back(indicator_json(ind));
  }
  doc["findings"] = Json::array();
  for (const auto& f : result.findings) doc["findings"].push_back(finding_json(f));
  Json diagnostics = Json::array();
  for (const auto& d : result.diagnostics)
    diagnostics.push_back(Json{{"path", d.location.path},
                               {"line", d.location.line},
                               {"severity", model::to_string(d.severity)},
                               {"code", d.code},
                               {"message", d.message}});
  doc["diagnostics"] = diagnostics;
  doc["summary"] = summary_json(summary ? *summary : summarize(result, {}));
  return doc;
}

std::string json_text(const Json& doc) {
  return doc.dump(2, ' ', false, Json::error_handler_t::replace);
}

}  // namespace kpi::report
