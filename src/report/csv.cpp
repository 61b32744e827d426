// The canonical CSV (docs/canonical.md): one row per KPI and fiscal year, values as printed,
// UTF-8 with BOM and CRLF line ends so that Excel opens it as it is. Read back by
// formats/canonical_csv.cpp; the cell conventions both use are in canonical_cells.hpp.
#include <algorithm>

#include "kpi/calc/profile.hpp"
#include "kpi/formats/canonical_cells.hpp"
#include "kpi/report/writers.hpp"
#include "kpi/text/normalize.hpp"
#include "kpi/text/number.hpp"
#include "kpi/text/qualifier.hpp"
#include "kpi/util/csv.hpp"

namespace kpi::report {
namespace {

namespace cells = formats::canonical;
using model::Indicator;
using model::Observation;
using model::Revision;
using model::Value;

using CellFn = std::string (*)(const Indicator&, const Observation*);
using NeededFn = bool (*)(const Indicator&);

struct Column {
  std::string_view name;
  CellFn cell;
  NeededFn needed = nullptr;  // optional column: written when some KPI needs it
};

std::string year_text(const std::optional<int>& year) {
  return year ? std::to_string(*year) : "";
}

// -- KPI-level cells ------------------------------------------------------------------------

std::string direction_cell(const Indicator& ind, const Observation*) {
  const char* d = model::to_string(ind.direction);
  return d ? d : "";
}

// Written when the reader could not tell it: a direction known without a source, or none
// at all where a 以上/以下 on the final target would otherwise give one.
std::string direction_source_cell(const Indicator& ind, const Observation*) {
  if (const char* s = model::to_string(ind.direction_source)) return s;
  bool implied = formats::direction_of(ind.final_target.qualifier) != model::Direction::unknown;
  return ind.direction != model::Direction::unknown || implied ? "none" : "";
}

// Written when the printed final target does not say it by itself.
std::string qualifier_cell(const Indicator& ind, const Observation*) {
  if (const char* q = model::to_string(ind.final_target.qualifier)) return q;
  auto printed = cells::printed_text(ind.final_target.value);
  return text::first_qualifier(text::normalize(printed)) != model::Qualifier::none ? "none" : "";
}

std::string alternative_line(const Value& v) {
  auto line = cells::explicit_number_cell(v).empty() ? cells::printed_text(v)
              : v.number                             ? v.number->to_string()
                                                     : "";
  std::replace(line.begin(), line.end(), '\n', ' ');
  return line;
}

std::string alternatives_cell(const Indicator& ind, const Observation*) {
  std::string out;
  for (const auto& a : ind.baseline.alternatives)
    out += (out.empty() ? "" : "\n") + alternative_line(a);
  return out;
}

bool has_alternatives(const Indicator& ind) {
  return !ind.baseline.alternatives.empty();
}

std::string baseline_cell(const Indicator& ind, const Observation*) {
  return cells::printed_text(ind.baseline.value);
}
std::string baseline_number_cell(const Indicator& ind, const Observation*) {
  return cells::explicit_number_cell(ind.baseline.value);
}
// A body the slug does not name (小川市 in Joetsu's layout, 新田市 of no profile).
bool name_not_of_profile(const Indicator& ind) {
  return ind.municipality_name != calc::name_for_slug(ind.municipality);
}

bool baseline_needs_number(const Indicator& ind) {
  return !baseline_number_cell(ind, nullptr).empty();
}

std::string final_target_cell(const Indicator& ind, const Observation*) {
  return cells::printed_text(ind.final_target.value);
}
std::string final_target_number_cell(const Indicator& ind, const Observation*) {
  return cells::explicit_number_cell(ind.final_target.value);
}
bool final_target_needs_number(const Indicator& ind) {
  return !final_target_number_cell(ind, nullptr).empty();
}

// -- observation cells ----------------------------------------------------------------------

// An observation's value by its member: one of its own, or one of its 変更後 values.
const Value& field_of(const Observation& o, Value Observation::*field) {
  return o.*field;
}
const Value& field_of(const Observation& o, Value Revision::*field) {
  return (*o.revised).*field;
}

template <auto Field>
std::string printed_cell(const Indicator&, const Observation* o) {
  return o ? cells::printed_text(field_of(*o, Field)) : "";
}

template <auto Field>
std::string number_cell(const Indicator&, const Observation* o) {
  return o ? cells::explicit_number_cell(field_of(*o, Field)) : "";
}

template <auto Field>
bool needs_number(const Indicator& ind) {
  return std::any_of(ind.observations.begin(), ind.observations.end(), [](const Observation& o) {
    return !cells::explicit_number_cell(field_of(o, Field)).empty();
  });
}

const Column columns[] = {
    {"municipality", [](const Indicator& i, const Observation*) { return i.municipality; }},
    {"municipality_name",
     [](const Indicator& i, const Observation*) { return i.municipality_name; },
     name_not_of_profile},
    {"id", [](const Indicator& i, const Observation*) { return i.id; }},
    {"seq", [](const Indicator& i, const Observation*) { return std::to_string(i.seq); }},
    {"name", [](const Indicator& i, const Observation*) { return i.name; }},
    {"unit", [](const Indicator& i, const Observation*) { return i.unit; }},
    {"goal", [](const Indicator& i, const Observation*) { return i.goal; }},
    {"measure", [](const Indicator& i, const Observation*) { return i.measure; }},
    {"direction", direction_cell},
    {"direction_source", direction_source_cell},
    {"direction_text", [](const Indicator& i, const Observation*) { return i.direction_text; }},
    {"cumulative", [](const Indicator& i,
                      const Observation*) { return std::string(cells::flag_text(i.cumulative)); }},
    {"relisted_of",
     [](const Indicator& i, const Observation*) { return cells::relisted_text(i.relisted_of); }},
    {"baseline", baseline_cell},
    {"baseline_number", baseline_number_cell, baseline_needs_number},
    {"baseline_alternatives", alternatives_cell, has_alternatives},
    {"baseline_fiscal_year",
     [](const Indicator& i, const Observation*) { return year_text(i.baseline.fiscal_year); }},
    {"final_target", final_target_cell},
    {"final_target_number", final_target_number_cell, final_target_needs_number},
    {"final_target_fiscal_year",
     [](const Indicator& i, const Observation*) { return year_text(i.final_target.fiscal_year); }},
    {"final_target_qualifier", qualifier_cell},
    {"fiscal_year", [](const Indicator&,
                       const Observation* o) { return o ? std::to_string(o->fiscal_year) : ""; }},
    {"target", printed_cell<&Observation::target>},
    {"target_number", number_cell<&Observation::target>, needs_number<&Observation::target>},
    {"actual", printed_cell<&Observation::actual>},
    {"actual_number", number_cell<&Observation::actual>, needs_number<&Observation::actual>},
    {"actual_fiscal_year",
     [](const Indicator&, const Observation* o) {
       return o ? year_text(o->actual_fiscal_year) : "";
     }},
    {"reported_in",
     [](const Indicator&, const Observation* o) { return o ? year_text(o->reported_in) : ""; },
     [](const Indicator& i) {
       return std::any_of(i.observations.begin(), i.observations.end(),
                          [](const Observation& o) { return o.reported_in.has_value(); });
     }},
    {"provisional",
     [](const Indicator&, const Observation* o) {
       return std::string(o ? cells::flag_text(o->provisional) : "");
     }},
    {"published_rate", printed_cell<&Observation::published_rate>},
    {"published_rate_number", number_cell<&Observation::published_rate>,
     needs_number<&Observation::published_rate>},
    {"revised_target", printed_cell<&Revision::target>},
    {"revised_target_number", number_cell<&Revision::target>, needs_number<&Revision::target>},
    {"revised_rate", printed_cell<&Revision::rate>},
    {"revised_rate_number", number_cell<&Revision::rate>, needs_number<&Revision::rate>},
    {"notes", [](const Indicator&, const Observation* o) { return o ? o->notes : ""; }},
};

std::vector<const Column*> columns_for(const std::vector<const Indicator*>& indicators) {
  std::vector<const Column*> out;
  for (const auto& c : columns)
    if (!c.needed || std::any_of(indicators.begin(), indicators.end(),
                                 [&](const Indicator* i) { return c.needed(*i); }))
      out.push_back(&c);
  return out;
}

void write_line(std::ostream& out, const std::vector<std::string>& cells) {
  std::string line;
  for (std::size_t i = 0; i < cells.size(); ++i)
    line += (i ? "," : "") + util::csv_field(cells::protect_cell(cells[i]));
  out << line << "\r\n";
}

void write_row(std::ostream& out, const std::vector<const Column*>& layout, const Indicator& ind,
               const Observation* o) {
  std::vector<std::string> row;
  for (const auto* c : layout) row.push_back(c->cell(ind, o));
  write_line(out, row);
}

}  // namespace

void write_canonical_csv(std::ostream& out, const ReportContext& context) {
  const auto& result = context.result;
  std::vector<const Indicator*> indicators;
  for (const auto& sheet : result.sheets)
    for (const auto& ind : sheet.parsed.indicators) indicators.push_back(&ind);
  auto layout = columns_for(indicators);
  out << "\xEF\xBB\xBF";  // BOM: Excel reads the file as UTF-8, not Shift_JIS
  std::vector<std::string> header;
  for (const auto* c : layout) header.emplace_back(c->name);
  write_line(out, header);
  for (const auto* ind : indicators) {
    if (ind->observations.empty()) write_row(out, layout, *ind, nullptr);
    for (const auto& o : ind->observations) write_row(out, layout, *ind, &o);
  }
}

}  // namespace kpi::report
