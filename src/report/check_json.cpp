// Machine-readable check output: every item with its location, plus counts.
#include "kpi/report/check_facts.hpp"
#include "kpi/report/check_writers.hpp"
#include "kpi/report/json.hpp"
#include "kpi/verify/cell_evidence.hpp"
#include "kpi/verify/findings.hpp"

namespace kpi::report {

namespace {

// {"=ROUND(actual/target,3)": {"count": 207, "cells": ["G4", "J4", "M4"]}, ...}
Json cell_formulas_json(const model::Sheet& sheet) {
  Json out = Json::object();
  for (const auto& [shape, use] : verify::cell_formula_usage(sheet))
    out[shape] = Json{{"count", use.count}, {"cells", use.cells}};
  return out;
}

}  // namespace

void write_check_json(std::ostream& out, const CheckContext& ctx) {
  Json items = Json::array();
  for (const auto& i : ctx.items) {
    Json j{{"path", i.location.path},
           {"line", i.location.line},
           {"severity", model::to_string(i.severity)},
           {"rule", i.rule},
           {"title", i.title},
           {"message", i.message},
           {"fails", i.fails}};
    if (i.is_rate) j["verdict"] = model::to_string(i.verdict);
    if (i.rate) j["rate"] = rate_facts_json(i);
    if (!i.rows.empty()) j["rows"] = item_facts_json(i)["rows"];
    items.push_back(j);
  }
  auto c = verify::count_items(ctx.items);
  Json doc{{"schema", "kpi-report-check/1"},
           {"schema_version", "1.1"},
           {"counts",
            {{"match", c.match},
             {"consistent", c.consistent},
             {"mismatch", c.mismatch},
             {"unchecked", c.unchecked},
             {"unpublished", c.unpublished},
             {"findings", c.findings},
             {"failures", c.failures}}},
           {"items", items},
           {"findings", Json::array()}};
  for (const auto& f : ctx.result.findings) doc["findings"].push_back(finding_json(f));
  Json sheets = Json::array();
  for (const auto& sheet : ctx.result.sheets)
    sheets.push_back(
        Json{{"path", sheet.path},
             {"sheet", sheet.sheet_name.empty() ? Json(nullptr) : Json(sheet.sheet_name)},
             {"formulas", verify::formula_usage(sheet)},
             {"cell_formulas", cell_formulas_json(sheet)}});
  doc["sheets"] = sheets;
  out << json_text(doc) << '\n';
}

}  // namespace kpi::report
