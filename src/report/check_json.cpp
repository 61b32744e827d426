// Machine-readable check output: every item with its location, plus counts. Written as it is
// produced (JsonWriter), the same bytes as the document's tree dumped.
#include <algorithm>
#include <thread>

#include "check_fields.hpp"
#include "json_runs.hpp"
#include "kpi/report/check_writers.hpp"
#include "kpi/report/json_writer.hpp"
#include "kpi/util/thread_count.hpp"
#include "kpi/verify/cell_evidence.hpp"
#include "kpi/verify/findings.hpp"

namespace kpi::report {

namespace {

void counts(JsonWriter& out, const verify::CheckCounts& c) {
  out.begin_object();
  out.key("match").integer(c.match);
  out.key("consistent").integer(c.consistent);
  out.key("mismatch").integer(c.mismatch);
  out.key("unchecked").integer(c.unchecked);
  out.key("unpublished").integer(c.unpublished);
  out.key("findings").integer(c.findings);
  out.key("failures").integer(c.failures);
  out.end_object();
}

void item(JsonWriter& out, const verify::CheckItem& i) {
  out.begin_object();
  out.key("path").string(i.location.path);
  out.key("line").integer(i.location.line);
  out.key("severity").string(model::to_string(i.severity));
  out.key("rule").string(i.rule);
  out.key("title").string(i.title);
  out.key("message").string(i.message);
  out.key("fails").boolean(i.fails);
  if (i.is_rate) out.key("verdict").string(model::to_string(i.verdict));
  if (i.rate) check_fields::rate_facts(out.key("rate"), i);
  if (!i.rows.empty()) {
    if (i.rate)
      out.key("rows").null();  // a rate's facts have no rows
    else
      check_fields::rows(out.key("rows"), i);
  }
  out.end_object();
}

// The items of the array open in `out`, made and rendered in runs on `jobs` threads (0: every
// core), written in order.
void items(JsonWriter& out, const verify::CheckItems& all, int jobs) {
  write_runs(out, all.run_count(), util::thread_count(jobs),
             [&](JsonWriter& writer, std::size_t run) {
               all.for_each_in_run(run, [&](const verify::CheckItem& i) { item(writer, i); });
             });
}

// {"=ROUND(actual/target,3)": {"count": 207, "cells": ["G4", "J4", "M4"]}, ...}
void cell_formulas(JsonWriter& out, const model::Sheet& sheet, int jobs) {
  out.begin_object();
  for (const auto& [shape, use] :
       verify::cell_formula_usage(sheet, jobs > 0 ? static_cast<unsigned>(jobs) : 0u)) {
    out.key(shape).begin_object();
    out.key("count").integer(use.count);
    out.key("cells").begin_array();
    for (const auto& cell : use.cells) out.string(cell);
    out.end_array();
    out.end_object();
  }
  out.end_object();
}

void sheet(JsonWriter& out, const model::Sheet& sheet, const std::map<std::string, int>& formulas,
           int jobs) {
  out.begin_object();
  out.key("path").string(sheet.path);
  fields::text_or_null(out.key("sheet"), sheet.sheet_name);
  out.key("formulas").begin_object();
  for (const auto& [formula, n] : formulas) out.key(formula).integer(n);
  out.end_object();
  cell_formulas(out.key("cell_formulas"), sheet, jobs);
  out.end_object();
}

}  // namespace

void write_check_json(std::ostream& out, const CheckContext& ctx) {
  JsonWriter json(out);
  json.begin_object();
  json.key("schema").string("kpi-report-check/1");
  json.key("schema_version").string("1.2");
  counts(json.key("counts"), ctx.items.counts());
  json.key("items").begin_array();
  items(json, ctx.items, ctx.jobs);
  json.end_array();
  json.key("findings").begin_array();
  for (const auto& f : ctx.result.findings) fields::finding(json, f);
  json.end_array();
  json.key("sheets").begin_array();
  auto formulas = verify::formula_usage_by_sheet(ctx.result.sheets);
  for (std::size_t i = 0; i < ctx.result.sheets.size(); ++i)
    sheet(json, ctx.result.sheets[i], formulas[i], ctx.jobs);
  json.end_array();
  json.end_object();
  json.flush();
  out << '\n';
}

}  // namespace kpi::report
