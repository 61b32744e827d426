// SARIF 2.1.0: one run, stable rule ids (rate.mismatch, finding.relisted-differs, input.*),
// the structured facts of each result in its property bag. Relative paths are relative
// references under %SRCROOT%; absolute paths are absolute file:// URIs.
#include <set>

#include <fmt/format.h>

#include "kpi/report/check_facts.hpp"
#include "kpi/report/check_writers.hpp"
#include "kpi/report/json.hpp"

namespace kpi::report {
namespace {

const char* level_of(const verify::CheckItem& item) {
  if (item.severity == model::Severity::error) return "error";
  if (item.severity == model::Severity::warning) return "warning";
  return "note";
}

bool unreserved(unsigned char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '.' || c == '_' || c == '~' || c == '/';
}

// RFC 3986 percent-encoding of a path (UTF-8 bytes, spaces, '%', '#', '?' ...).
std::string uri_path(std::string_view path) {
  std::string out;
  for (unsigned char c : path)
    out += unreserved(c) ? std::string(1, static_cast<char>(c)) : fmt::format("%{:02X}", c);
  return out;
}

Json artifact_location(const std::string& path) {
  if (!path.empty() && path.front() == '/') return Json{{"uri", "file://" + uri_path(path)}};
  auto relative = path.rfind("./", 0) == 0 ? path.substr(2) : path;
  return Json{{"uri", uri_path(relative)}, {"uriBaseId", "%SRCROOT%"}};
}

Json result_json(const verify::CheckItem& item) {
  Json physical{{"artifactLocation", artifact_location(item.location.path)}};
  if (item.location.line > 0) physical["region"] = Json{{"startLine", item.location.line}};
  Json result{{"ruleId", item.rule},
              {"level", level_of(item)},
              {"message", {{"text", item.message}}},
              {"locations", Json::array({{{"physicalLocation", physical}}})},
              {"partialFingerprints",
               {{"kpiReportCheck/v1", fmt::format("{}|{}", item.location.path, item.title)}}},
              {"properties", item_facts_json(item)}};
  return result;
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
