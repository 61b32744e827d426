// The JSON output must follow docs/kpi-report.schema.json: a small validator for the
// keywords that schema uses (type, const, enum, required, properties, items, $ref, pattern
// is not checked), and no field the schema does not list.
#include <catch2/catch.hpp>

#include <fstream>
#include <map>

#include <nlohmann/json.hpp>

#include <sstream>
#include "kpi/pipeline.hpp"
#include "kpi/report/check_writers.hpp"
#include "kpi/report/json.hpp"
#include "sheets.hpp"

using nlohmann::json;

namespace {

bool has_type(const json& value, const std::string& type) {
  if (type == "null") return value.is_null();
  if (type == "string") return value.is_string();
  if (type == "integer") return value.is_number_integer() || value.is_number_unsigned();
  if (type == "number") return value.is_number();
  if (type == "boolean") return value.is_boolean();
  if (type == "array") return value.is_array();
  if (type == "object") return value.is_object();
  return false;
}

void validate(const json& value, const json& schema, const json& root, const std::string& at,
              std::vector<std::string>& errors) {
  if (schema.contains("$ref")) {
    auto ref = schema["$ref"].get<std::string>();  // "#/$defs/name"
    validate(value, root["$defs"][ref.substr(ref.rfind('/') + 1)], root, at, errors);
    return;
  }
  if (schema.contains("type")) {
    auto types = schema["type"].is_array() ? schema["type"] : json::array({schema["type"]});
    bool ok = false;
    for (const auto& t : types) ok = ok || has_type(value, t.get<std::string>());
    if (!ok) errors.push_back(at + ": expected type " + types.dump() + ", got " + value.dump());
  }
  if (schema.contains("const") && value != schema["const"])
    errors.push_back(at + ": expected const");
  if (schema.contains("enum")) {
    bool ok = false;
    for (const auto& e : schema["enum"]) ok = ok || e == value;
    if (!ok) errors.push_back(at + ": " + value.dump() + " not in " + schema["enum"].dump());
  }
  if (value.is_object()) {
    if (schema.contains("required"))
      for (const auto& r : schema["required"])
        if (!value.contains(r.get<std::string>())) errors.push_back(at + ": missing " + r.dump());
    if (schema.contains("properties"))
      for (auto it = schema["properties"].begin(); it != schema["properties"].end(); ++it)
        if (value.contains(it.key()))
          validate(value[it.key()], it.value(), root, at + "." + it.key(), errors);
    // Every field written is documented: an object with properties and no
    // additionalProperties lists them all.
    if (schema.contains("properties") && !schema.contains("additionalProperties"))
      for (auto it = value.begin(); it != value.end(); ++it)
        if (!schema["properties"].contains(it.key()))
          errors.push_back(at + ": undocumented field " + it.key());
  }
  if (value.is_array() && schema.contains("items"))
    for (std::size_t i = 0; i < value.size(); ++i)
      validate(value[i], schema["items"], root, at + "[" + std::to_string(i) + "]", errors);
}

json load_schema(const char* name = "kpi-report.schema.json") {
  std::ifstream in(std::string(KPI_TESTS_DIR) + "/../docs/" + name);
  REQUIRE(in);
  return json::parse(in);
}

}  // namespace

TEST_CASE("JSON output follows the documented schema on every bundled sheet", "[json][schema]") {
  auto schema = load_schema();
  auto result = kpi::run_pipeline({KPI_DATA_DIR}, {});
  REQUIRE_FALSE(result.sheets.empty());
  auto doc = json::parse(kpi::report::document_json(result).dump());
  std::vector<std::string> errors;
  validate(doc, schema, schema, "$", errors);
  std::string first_errors;
  for (std::size_t i = 0; i < std::min<std::size_t>(errors.size(), 10); ++i)
    first_errors += errors[i] + "\n";
  INFO(first_errors);
  CHECK(errors.empty());
}

TEST_CASE("JSON output of workbooks and grids follows the documented schema",
          "[json][schema][workbook]") {
  auto schema = load_schema();
  const std::string fixtures = std::string(KPI_TESTS_DIR) + "/fixtures/";
  for (const char* name :
       {"workbooks/takaoka-kpi-grid-fy2020-2023.xlsx", "workbooks/takaoka-no-cached-values.xlsx",
        "workbooks/toyama-strategy-progress-fy2020.ods", "workbooks/joetsu-kpi-progress-fy2023.xls",
        "grid/prefecture-policy-evaluation-r5.xlsx",
        "grid/prefecture-policy-evaluation-r5.cp932.csv", "grid/city-kpi-synonyms.tsv"}) {
    INFO(name);
    auto result = kpi::run_pipeline({fixtures + name}, {});
    REQUIRE(result.sheets.size() == 1);
    auto doc = json::parse(kpi::report::document_json(result).dump());
    std::vector<std::string> errors;
    validate(doc, schema, schema, "$", errors);
    std::string first_errors;
    for (std::size_t i = 0; i < std::min<std::size_t>(errors.size(), 10); ++i)
      first_errors += errors[i] + "\n";
    INFO(first_errors);
    CHECK(errors.empty());
  }
}

TEST_CASE("the schema validator itself rejects wrong documents", "[json][schema]") {
  auto schema = load_schema();
  std::vector<std::string> errors;
  validate(json{{"schema", "kpi-report/2"}, {"sources", json::array()}}, schema, schema, "$",
           errors);
  CHECK(errors.size() >= 3);  // wrong const, missing indicators and findings
}

TEST_CASE("check JSON follows its documented schema on every bundled sheet",
          "[json][schema][check]") {
  auto schema = load_schema("kpi-report-check.schema.json");
  auto result = kpi::run_pipeline({KPI_DATA_DIR}, {});
  kpi::verify::CheckItems items(result, {});
  std::ostringstream out;
  kpi::report::write_check_json(out, {result, items, false});
  auto doc = json::parse(out.str());
  std::vector<std::string> errors;
  validate(doc, schema, schema, "$", errors);
  std::string first_errors;
  for (std::size_t i = 0; i < std::min<std::size_t>(errors.size(), 10); ++i)
    first_errors += errors[i] + "\n";
  INFO(first_errors);
  CHECK(errors.empty());
  CHECK(doc["schema_version"] == "1.2");
  std::size_t with_facts = 0;
  const std::map<std::string, std::string> body_of_slug = {
      {"takaoka", "高岡市"}, {"toyama", "富山市"}, {"joetsu", "上越市"}, {"kanazawa", "金沢市"}};
  for (const auto& item : doc["items"]) {
    with_facts += item.contains("rate");
    if (item.contains("rate"))
      CHECK(item["rate"]["municipality_name"] ==
            body_of_slug.at(item["rate"]["municipality"].get<std::string>()));
  }
  CHECK(with_facts == static_cast<std::size_t>(doc["counts"]["match"].get<int>() +
                                               doc["counts"]["consistent"].get<int>() +
                                               doc["counts"]["mismatch"].get<int>() +
                                               doc["counts"]["unchecked"].get<int>()));
}
