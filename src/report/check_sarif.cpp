// SARIF 2.1.0: one run, stable rule ids (rate.mismatch, finding.relisted-differs, input.*).
#include <set>

#include "kpi/report/check_writers.hpp"
#include "kpi/report/json.hpp"

namespace kpi::report {
namespace {

const char* level_of(const verify::CheckItem& item) {
  if (item.fails || item.severity == model::Severity::error) return "error";
  if (item.severity == model::Severity::warning) return "warning";
  return "note";
}

Json result_json(const verify::CheckItem& item) {
  Json region{{"startLine", std::max(1, item.location.line)}};
  return Json{{"ruleId", item.rule},
              {"level", level_of(item)},
              {"message", {{"text", item.message}}},
              {"locations", Json::array({{{"physicalLocation",
                                           {{"artifactLocation", {{"uri", item.location.path}}},
                                            {"region", region}}}}})}};
}

bool reported(const verify::CheckItem& item) {
  if (item.is_rate) return item.fails || item.verdict == model::Verdict::mismatch;
  return true;
}

}  // namespace

void write_check_sarif(std::ostream& out, const CheckContext& ctx) {
  std::set<std::string> rule_ids;
  Json results = Json::array();
  for (const auto& item : ctx.items) {
    if (!reported(item)) continue;
    rule_ids.insert(item.rule);
    results.push_back(result_json(item));
  }
  Json rules = Json::array();
  for (const auto& id : rule_ids)
    rules.push_back(Json{{"id", id}, {"shortDescription", {{"text", id}}}});
  Json doc{{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
           {"version", "2.1.0"},
           {"runs", Json::array({{{"tool",
                                   {{"driver",
                                     {{"name", "kpi-report"},
                                      {"version", KPI_VERSION},
                                      {"informationUri", "https://example.invalid/kpi-report"},
                                      {"rules", rules}}}}},
                                  {"results", results}}})}};
  out << json_text(doc) << '\n';
}

}  // namespace kpi::report
