#include "kpi/report/json.hpp"

#include "json_fields.hpp"
#include "json_tree.hpp"

namespace kpi::report {

Json value_json(const model::Value& v) {
  return json_tree([&](TreeBuilder& out) { fields::value(out, v); });
}

Json number_json(const model::Decimal& d) {
  return json_tree([&](TreeBuilder& out) { fields::decimal(out, d); });
}

Json indicator_json(const model::Indicator& ind) {
  return json_tree([&](TreeBuilder& out) { fields::indicator(out, ind); });
}

Json source_json(const model::SourceSummary& source) {
  return json_tree([&](TreeBuilder& out) { fields::source(out, source); });
}

Json finding_json(const model::Finding& f) {
  return json_tree([&](TreeBuilder& out) { fields::finding(out, f); });
}

Json summary_json(const Summary& s) {
  return json_tree([&](TreeBuilder& out) { fields::summary(out, s); });
}

Json document_json(const PipelineResult& result, const Summary* summary) {
  return json_tree([&](TreeBuilder& out) {
    fields::document(out, result, summary ? *summary : summarize(result, {}));
  });
}

std::string json_text(const Json& doc) {
  return doc.dump(2, ' ', false, Json::error_handler_t::replace);
}

}  // namespace kpi::report
