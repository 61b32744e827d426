#pragma once
// The JSON contract (schema "kpi-report/1", docs/json-schema.md). Field names never change.
#include <nlohmann/json.hpp>

#include "kpi/pipeline.hpp"
#include "kpi/report/summary.hpp"

namespace kpi::report {

using Json = nlohmann::ordered_json;

inline constexpr const char* json_schema_id = "kpi-report/1";
// Minor version of schema 1: fields added compatibly (docs/json-schema.md lists them).
inline constexpr const char* json_schema_version = "1.3";

Json value_json(const model::Value& v);     // number or null
Json number_json(const model::Decimal& d);  // as Json::parse(d.to_string()), without parsing
Json indicator_json(const model::Indicator& ind);
Json source_json(const model::SourceSummary& source);
Json finding_json(const model::Finding& f);
Json summary_json(const Summary& summary);
// The whole document; `summary` of the run, computed over every year when null.
Json document_json(const PipelineResult& result, const Summary* summary = nullptr);
// The text of a JSON document, indented. A string that is not UTF-8 (a parser's bug) is
// written with U+FFFD instead of failing the whole output.
std::string json_text(const Json& doc);

}  // namespace kpi::report
