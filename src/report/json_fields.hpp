#pragma once
// The fields of the JSON contract (docs/json-schema.md), written once for both outputs: `Out`
// is a JsonWriter (text, streamed) or the tree builder of json.cpp (Json values). Its calls:
// key(name) (returns Out&), begin/end_object, begin/end_array, null, boolean, integer,
// unsigned_integer, number, string. Fields appear in the order written here.
#include <optional>
#include <string>
#include <string_view>

#include "kpi/pipeline.hpp"
#include "kpi/report/json.hpp"
#include "kpi/report/summary.hpp"
#include "kpi/text/name_form.hpp"

namespace kpi::report::fields {

// As Json::parse(d.to_string()) gives it: an integer as an integer, else the nearest double.

template <class Out>
void decimal(Out& out, const model::Decimal& d) {
  if constexpr (requires { out.decimal_number(d.units, d.scale); }) {
    if (d.scale > 0) return out.decimal_number(d.units, d.scale);
  }
  if (d.scale > 0)
    out.number(model::nearest_double(d));
  else if (d.units < 0)
    out.integer(d.units);
  else
    out.unsigned_integer(static_cast<std::uint64_t>(d.units));
}

template <class Out>
void value(Out& out, const model::Value& v) {
  if (v.number)
    decimal(out, *v.number);
  else
    out.null();
}

template <class Out>
void text_or_null(Out& out, std::string_view s) {
  if (s.empty())
    out.null();
  else
    out.string(s);
}

// A cell's A1 name ("P22"), or null when there is none.
template <class Out>
void cell_or_null(Out& out, model::CellRef cell) {
  if (cell.empty())
    out.null();
  else
    out.string(cell.name().view());
}

template <class Out>
void c_str_or_null(Out& out, const char* s) {
  if (s)
    out.string(s);
  else
    out.null();
}

template <class Out>
void optional_int(Out& out, const std::optional<int>& v) {
  if (v)
    out.integer(*v);
  else
    out.null();
}

template <class Out>
void optional_number(Out& out, const std::optional<double>& v) {
  if (v)
    out.number(*v);
  else
    out.null();
}

template <class Out>
void optional_bool(Out& out, const std::optional<bool>& v) {
  if (v)
    out.boolean(*v);
  else
    out.null();
}

// path, line, then sheet and cell when known; the object left open for more fields.
template <class Out>
void location_fields(Out& out, const model::SourceLocation& loc) {
  out.key("path").string(loc.path);
  out.key("line").integer(loc.line);
  if (!loc.sheet.empty()) out.key("sheet").string(loc.sheet);
  if (!loc.cell.empty()) out.key("cell").string(loc.cell.name().view());
}

// The workbook side of an observation: cells, the rate formula, stored values.
template <class Out>
void cells(Out& out, const model::Observation& o) {
  if (o.source.sheet.empty()) return;
  out.key("sheet").string(o.source.sheet);
  out.key("cells").begin_object();
  cell_or_null(out.key("target"), o.target.cell);
  cell_or_null(out.key("actual"), o.actual.cell);
  cell_or_null(out.key("rate"), o.published_rate.cell);
  out.end_object();
  text_or_null(out.key("rate_formula"), o.published_rate.workbook->formula);
  if (o.actual.workbook->stored) decimal(out.key("actual_stored"), *o.actual.workbook->stored);
  if (o.target.workbook->stored) decimal(out.key("target_stored"), *o.target.workbook->stored);
}

// Schema 1.2: achieved / behind / no data and the grade of the year.
template <class Out>
void outcome(Out& out, const model::Outcome& outcome) {
  out.key("status").string(model::to_string(outcome.status));
  if (outcome.status == model::Status::no_data)
    out.key("achieved").null();
  else
    out.key("achieved").boolean(outcome.status == model::Status::achieved);
  text_or_null(out.key("grade"), outcome.grade);
  text_or_null(out.key("status_basis"), outcome.rate_source);
}

template <class Out>
void pace(Out& out, const model::Pace& p) {
  out.begin_object();
  out.key("status").string(model::to_string(p.status));
  if (p.as_of)
    out.key("as_of").integer(p.as_of);
  else
    out.key("as_of").null();
  optional_number(out.key("actual"), p.actual);
  optional_number(out.key("expected"), p.expected);
  optional_number(out.key("progress_percent"), p.progress_percent);
  optional_number(out.key("projected_final"), p.projected_final);
  optional_bool(out.key("projected_to_achieve"), p.projected_to_achieve);
  text_or_null(out.key("reason"), p.reason);
  out.end_object();
}

template <class Out>
void counts(Out& out, const StatusCounts& c) {
  out.begin_object();
  out.key("kpis").integer(c.kpis);
  out.key("achieved").integer(c.achieved);
  out.key("behind").integer(c.behind);
  out.key("no_data").integer(c.no_data);
  optional_number(out.key("achieved_percent"), c.achieved_percent());
  out.key("grades").begin_object();
  for (const auto& [grade, n] : c.grades) out.key(grade).integer(n);
  out.end_object();
  out.key("pace_on_track").integer(c.on_track);
  out.key("pace_behind").integer(c.pace_behind);
  out.key("rates_checked").integer(c.rates_checked);
  out.key("wrong_rates").integer(c.wrong_rates);
  out.end_object();
}

template <class Out>
void observation(Out& out, const model::Observation& o) {
  out.begin_object();
  out.key("fiscal_year").integer(o.fiscal_year);  // the year the values measure
  out.key("reported_in").integer(o.reported_in.value_or(o.fiscal_year));  // the column's year
  value(out.key("target"), o.target);
  text_or_null(out.key("target_text"), o.target.text);
  value(out.key("actual"), o.actual);
  text_or_null(out.key("actual_text"), o.actual.text);
  optional_int(out.key("actual_fiscal_year"), o.actual_fiscal_year);
  out.key("provisional").boolean(o.provisional);
  value(out.key("published_rate_percent"), o.published_rate);
  text_or_null(out.key("published_rate_text"), o.published_rate.text);
  if (const auto& r = *o.revised; r.target.has_number() || !r.target.text.empty() ||
                                  r.rate.has_number() || !r.rate.text.empty()) {
    value(out.key("revised_target"), r.target);
    text_or_null(out.key("revised_target_text"), r.target.text);
    value(out.key("revised_rate_percent"), r.rate);
    text_or_null(out.key("revised_rate_text"), r.rate.text);
    out.key("revised_verdict").string(model::to_string(r.check.verdict));
    text_or_null(out.key("revised_explanation"), r.check.explanation);
  }
  optional_number(out.key("rate_percent"), o.check.rate_percent);
  text_or_null(out.key("method"), o.check.method);
  out.key("verdict").string(model::to_string(o.check.verdict));
  text_or_null(out.key("explanation"), o.check.explanation);
  outcome(out, o.outcome);
  text_or_null(out.key("notes"), o.notes);
  out.key("path").string(o.source.path);  // merged series: observations come from several files
  out.key("line").integer(o.source.line);
  cells(out, o);
  out.end_object();
}

template <class Out>
void baseline(Out& out, const model::Baseline& b) {
  out.begin_object();
  value(out.key("value"), b.value);
  optional_int(out.key("fiscal_year"), b.fiscal_year);
  text_or_null(out.key("text"), b.value.text);
  out.key("alternatives").begin_array();
  for (const auto& a : b.alternatives) {
    out.begin_object();
    value(out.key("value"), a);
    out.key("text").string(a.text);
    out.end_object();
  }
  out.end_array();
  // A workbook's cells: the rate formulas refer to them.
  if (!b.value.cell.empty()) out.key("cell").string(b.value.cell.name().view());
  if (b.value.workbook->stored) decimal(out.key("stored"), *b.value.workbook->stored);
  out.end_object();
}

template <class Out>
void final_target(Out& out, const model::FinalTarget& t) {
  out.begin_object();
  value(out.key("value"), t.value);
  optional_int(out.key("fiscal_year"), t.fiscal_year);
  c_str_or_null(out.key("qualifier"), model::to_string(t.qualifier));
  text_or_null(out.key("text"), t.value.text);
  if (!t.value.cell.empty()) out.key("cell").string(t.value.cell.name().view());
  out.end_object();
}

template <class Out>
void indicator(Out& out, const model::Indicator& ind) {
  out.begin_object();
  out.key("municipality").string(ind.municipality);
  text_or_null(out.key("municipality_name"), ind.municipality_name);
  out.key("id").string(ind.id);
  out.key("seq").integer(ind.seq);
  out.key("name").string(ind.name);
  out.key("name_normalized").string(text::name_form(ind.name));
  text_or_null(out.key("unit"), ind.unit);
  text_or_null(out.key("goal"), ind.goal);
  text_or_null(out.key("measure"), ind.measure);
  out.key("plan_path").begin_array();
  for (const auto& level : ind.plan_path) {
    out.begin_object();
    out.key("level").string(level.level);
    out.key("code").string(level.code);
    out.key("title").string(level.title);
    out.end_object();
  }
  out.end_array();
  c_str_or_null(out.key("direction"), model::to_string(ind.direction));
  c_str_or_null(out.key("direction_source"), model::to_string(ind.direction_source));
  text_or_null(out.key("direction_text"), ind.direction_text);
  out.key("cumulative").boolean(ind.cumulative);
  c_str_or_null(out.key("rate_formula"), model::to_string(ind.rate_formula));
  text_or_null(out.key("type_text"), ind.type_text);
  if (ind.relisted_of)
    out.key("relisted_of").string(*ind.relisted_of);
  else
    out.key("relisted_of").null();
  baseline(out.key("baseline"), ind.baseline);
  final_target(out.key("final_target"), ind.final_target);
  out.key("observations").begin_array();
  for (const auto& o : ind.observations) observation(out, o);
  out.end_array();
  pace(out.key("pace"), ind.pace);
  out.key("source").begin_object();
  location_fields(out, ind.source);
  out.end_object();
  out.end_object();
}

template <class Out>
void source(Out& out, const model::SourceSummary& source) {
  out.begin_object();
  out.key("path").string(source.path);
  out.key("format").string(source.format);
  out.key("encoding").string(source.encoding);
  out.key("kpis").integer(source.kpis);
  out.key("rows_read").integer(source.rows_read);
  out.key("rows_used").integer(source.rows_used);
  out.key("merged").integer(source.merged);
  out.key("skipped").begin_array();
  for (const auto& s : source.skipped) {
    out.begin_object();
    out.key("line").integer(s.line);
    out.key("reason").string(s.reason);
    out.end_object();
  }
  out.end_array();
  if (!source.sheet.empty()) out.key("sheet").string(source.sheet);  // a workbook's worksheet
  out.end_object();
}

template <class Out>
void finding(Out& out, const model::Finding& f) {
  out.begin_object();
  out.key("kind").string(f.kind);
  out.key("severity").string(model::to_string(f.severity));
  out.key("message").string(f.message);
  out.key("rows").begin_array();
  for (std::size_t i = 0; i < f.rows.size(); ++i) {
    out.begin_object();
    location_fields(out, f.rows[i]);
    if (i < f.ids.size())
      out.key("id").string(f.ids[i]);
    else
      out.key("id").null();
    out.end_object();
  }
  out.end_array();
  out.end_object();
}

// A diagnostic as the list keeps it (views into its bytes: nothing copied).
template <class Out>
void diagnostic(Out& out, const model::DiagnosticList::View& d) {
  out.begin_object();
  out.key("path").string(d.path);
  out.key("line").integer(d.line);
  out.key("severity").string(model::to_string(d.severity));
  out.key("code").string(d.code);
  out.key("message").string(d.message);
  out.end_object();
}

template <class Out>
void summary(Out& out, const Summary& s) {
  out.begin_object();
  optional_int(out.key("fiscal_year"), s.view.year);
  counts(out.key("total"), s.total);
  out.key("sheets").begin_array();
  for (const auto& g : s.sheets) {
    out.begin_object();
    out.key("path").string(g.sheet);
    counts(out.key("counts"), g.counts);
    out.end_object();
  }
  out.end_array();
  out.key("goals").begin_array();
  for (const auto& g : s.goals) {
    out.begin_object();
    out.key("path").string(g.sheet);
    text_or_null(out.key("goal"), g.label);
    counts(out.key("counts"), g.counts);
    out.end_object();
  }
  out.end_array();
  out.end_object();
}

// The long arrays of a document, element after element (a stream writer may render runs of
// them in parallel instead: json_stream.cpp).
struct SerialArrays {
  template <class Out>
  void indicators(Out& out, const PipelineResult& result) const {
    for (const auto& sheet : result.sheets)
      for (const auto& ind : sheet.parsed.indicators) indicator(out, ind);
  }
  template <class Out>
  void findings(Out& out, const std::vector<model::Finding>& list) const {
    for (const auto& f : list) finding(out, f);
  }
  template <class Out>
  void diagnostics(Out& out, const model::DiagnosticList& list) const {
    for (auto it = list.begin(); it != list.end(); ++it) diagnostic(out, it.view());
  }
};

// The whole document: sources and indicators of every sheet in input order, findings,
// diagnostics and the summary.
template <class Out, class Arrays = SerialArrays>
void document(Out& out, const PipelineResult& result, const Summary& s, const Arrays& arrays = {}) {
  out.begin_object();
  out.key("schema").string(json_schema_id);
  out.key("schema_version").string(json_schema_version);
  out.key("sources").begin_array();
  for (const auto& sheet : result.sheets)
    for (const auto& src : model::source_summaries(sheet)) source(out, src);
  out.end_array();
  out.key("indicators").begin_array();
  arrays.indicators(out, result);
  out.end_array();
  out.key("findings").begin_array();
  arrays.findings(out, result.findings);
  out.end_array();
  out.key("diagnostics").begin_array();
  arrays.diagnostics(out, result.diagnostics);
  out.end_array();
  summary(out.key("summary"), s);
  out.end_object();
}

}  // namespace kpi::report::fields
