#pragma once
// The structured facts of check items for machines: check JSON `rate` and `rows`, SARIF result
// `properties` (docs/json-schema.md, "check JSON"). `Out` as in json_fields.hpp.
#include "json_fields.hpp"
#include "kpi/verify/check_items.hpp"

namespace kpi::report::check_fields {

// {"text", "number"} of a printed value.
template <class Out>
void printed(Out& out, const model::Value& v) {
  out.begin_object();
  fields::text_or_null(out.key("text"), v.text);
  fields::value(out.key("number"), v);
  out.end_object();
}

template <class Out>
void decimal_or_null(Out& out, const std::optional<model::Decimal>& d) {
  if (d)
    fields::decimal(out, *d);  // the double nearest the decimal
  else
    out.null();
}

// {"path", "line"}, plus "sheet" and "cell" for a workbook ("KPI進捗", "P22").
template <class Out>
void location(Out& out, const model::SourceLocation& loc) {
  out.begin_object();
  out.key("path").string(loc.path);
  if (loc.line > 0)
    out.key("line").integer(loc.line);
  else
    out.key("line").null();
  if (!loc.sheet.empty()) out.key("sheet").string(loc.sheet);
  if (!loc.cell.empty()) out.key("cell").string(loc.cell.name().view());
  out.end_object();
}

template <class Out>
void rate_facts(Out& out, const verify::CheckItem& item) {
  const auto& f = *item.rate;
  out.begin_object();
  out.key("municipality").string(f.municipality);
  fields::text_or_null(out.key("municipality_name"), f.municipality_name);
  out.key("id").string(f.id);
  fields::text_or_null(out.key("name"), f.name);
  out.key("fiscal_year").integer(f.fiscal_year);
  out.key("revised").boolean(f.revised);
  printed(out.key("target"), f.target);
  printed(out.key("actual"), f.actual);
  printed(out.key("published"), f.published);
  decimal_or_null(out.key("recomputed"), f.recomputed);
  fields::text_or_null(out.key("formula"), f.formula);
  fields::text_or_null(out.key("basis"), f.basis);
  out.key("verdict").string(model::to_string(item.verdict));
  decimal_or_null(out.key("difference"), f.difference);
  fields::text_or_null(out.key("explanation"), f.explanation);
  location(out.key("location"), item.location);
  out.end_object();
}

template <class Out>
void rows(Out& out, const verify::CheckItem& item) {
  out.begin_array();
  for (const auto& row : item.rows) location(out, row);
  out.end_array();
}

// The rate's facts for a rate, {"rule", "location", "rows"} for a finding, {"rule",
// "location"} for an input problem.
template <class Out>
void item_facts(Out& out, const verify::CheckItem& item) {
  if (item.rate) return rate_facts(out, item);
  out.begin_object();
  out.key("rule").string(item.rule);
  location(out.key("location"), item.location);
  if (!item.rows.empty()) rows(out.key("rows"), item);
  out.end_object();
}

}  // namespace kpi::report::check_fields
