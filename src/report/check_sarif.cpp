// SARIF 2.1.0: one run, stable rule ids (rate.mismatch, finding.relisted-differs, input.*),
// the structured facts of each result in its property bag. Relative paths are relative
// references under %SRCROOT%; absolute paths are absolute file:// URIs.
#include <set>

#include <fmt/format.h>

#include "check_fields.hpp"
#include "kpi/report/check_writers.hpp"
#include "kpi/report/json_writer.hpp"

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
  static constexpr char hex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(path.size());
  for (unsigned char c : path) {
    if (unreserved(c)) {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 0xF];
    }
  }
  return out;
}

void artifact_location(JsonWriter& out, const std::string& path) {
  out.begin_object();
  if (!path.empty() && path.front() == '/') {
    out.key("uri").string("file://" + uri_path(path));
  } else {
    auto relative = path.rfind("./", 0) == 0 ? path.substr(2) : path;
    out.key("uri").string(uri_path(relative));
    out.key("uriBaseId").string("%SRCROOT%");
  }
  out.end_object();
}

void result(JsonWriter& out, const verify::CheckItem& item) {
  out.begin_object();
  out.key("ruleId").string(item.rule);
  out.key("level").string(level_of(item));
  out.key("message").begin_object();
  out.key("text").string(item.message);
  out.end_object();
  out.key("locations").begin_array();
  out.begin_object();
  out.key("physicalLocation").begin_object();
  artifact_location(out.key("artifactLocation"), item.location.path.str());
  if (item.location.line > 0) {
    out.key("region").begin_object();
    out.key("startLine").integer(item.location.line);
    out.end_object();
  }
  out.end_object();
  out.end_object();
  out.end_array();
  out.key("partialFingerprints").begin_object();
  out.key("kpiReportCheck/v1").string(fmt::format("{}|{}", item.location.path, item.title));
  out.end_object();
  check_fields::item_facts(out.key("properties"), item);
  out.end_object();
}

bool reported(const verify::CheckItem& item) {
  if (item.is_rate) return item.fails || item.verdict == model::Verdict::mismatch;
  return true;
}

}  // namespace

// Written as it is produced (JsonWriter), the same bytes as the document's tree dumped.
void write_check_sarif(std::ostream& out, const CheckContext& ctx) {
  std::set<std::string> rule_ids;
  ctx.items.for_each([&](const verify::CheckItem& item) { rule_ids.insert(item.rule); }, reported);
  JsonWriter json(out);
  json.begin_object();
  json.key("$schema").string("https://json.schemastore.org/sarif-2.1.0.json");
  json.key("version").string("2.1.0");
  json.key("runs").begin_array();
  json.begin_object();
  json.key("tool").begin_object();
  json.key("driver").begin_object();
  json.key("name").string("kpi-report");
  json.key("version").string(KPI_VERSION);
  json.key("informationUri").string("https://example.invalid/kpi-report");
  json.key("rules").begin_array();
  for (const auto& id : rule_ids) {
    json.begin_object();
    json.key("id").string(id);
    json.key("shortDescription").begin_object();
    json.key("text").string(id);
    json.end_object();
    json.end_object();
  }
  json.end_array();
  json.end_object();
  json.end_object();
  json.key("results").begin_array();
  ctx.items.for_each([&](const verify::CheckItem& item) { result(json, item); }, reported);
  json.end_array();
  json.end_object();
  json.end_array();
  json.end_object();
  json.flush();
  out << '\n';
}

}  // namespace kpi::report
