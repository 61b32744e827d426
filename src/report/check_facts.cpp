#include "kpi/report/check_facts.hpp"

namespace kpi::report {
namespace {

Json printed_json(const model::Value& v) {
  return Json{{"text", v.text.empty() ? Json(nullptr) : Json(v.text)}, {"number", value_json(v)}};
}

Json decimal_json(const std::optional<model::Decimal>& d) {
  return d ? Json::parse(d->to_string()) : Json(nullptr);  // the double nearest the decimal
}

Json text_or_null(const std::string& s) {
  return s.empty() ? Json(nullptr) : Json(s);
}

// {"path", "line"}, plus "sheet" and "cell" for a workbook ("KPI進捗", "P22").
Json location_of(const model::SourceLocation& loc) {
  Json out{{"path", loc.path}, {"line", loc.line > 0 ? Json(loc.line) : Json(nullptr)}};
  if (!loc.sheet.empty()) out["sheet"] = loc.sheet;
  if (!loc.cell.empty()) out["cell"] = loc.cell;
  return out;
}

}  // namespace

Json rate_facts_json(const verify::CheckItem& item) {
  const auto& f = *item.rate;
  return Json{{"municipality", f.municipality},
              {"id", f.id},
              {"name", text_or_null(f.name)},
              {"fiscal_year", f.fiscal_year},
              {"revised", f.revised},
              {"target", printed_json(f.target)},
              {"actual", printed_json(f.actual)},
              {"published", printed_json(f.published)},
              {"recomputed", decimal_json(f.recomputed)},
              {"formula", text_or_null(f.formula)},
              {"basis", text_or_null(f.basis)},
              {"verdict", model::to_string(item.verdict)},
              {"difference", decimal_json(f.difference)},
              {"explanation", text_or_null(f.explanation)},
              {"location", location_of(item.location)}};
}

Json item_facts_json(const verify::CheckItem& item) {
  if (item.rate) return rate_facts_json(item);
  Json facts{{"rule", item.rule}, {"location", location_of(item.location)}};
  if (!item.rows.empty()) {
    Json rows = Json::array();
    for (const auto& row : item.rows) rows.push_back(location_of(row));
    facts["rows"] = rows;
  }
  return facts;
}

}  // namespace kpi::report
