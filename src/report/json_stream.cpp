#include "kpi/report/json_stream.hpp"

#include "kpi/report/json.hpp"

namespace kpi::report {
namespace {

constexpr unsigned indent_step = 2;

// Writes values as Json::dump(2) would inside the document, at a given depth.
class DocumentWriter {
 public:
  explicit DocumentWriter(std::ostream& out)
      : out_(out),
        serializer_(nlohmann::detail::output_adapter<char>(out), ' ',
                    Json::error_handler_t::replace) {}

  void open() { out_ << "{\n"; }
  void close() { out_ << "\n}"; }

  // `"key": value` at the document's top level; `first` tells whether a comma goes before.
  void member(const char* key, const Json& value, bool first = false) {
    key_(key, first);
    serializer_.dump(value, true, false, indent_step, indent_step);
  }

  // `"key": [ ... ]` with one element per item, each made by `element(item)` and dropped.
  template <typename Items, typename Element>
  void array_member(const char* key, const Items& items, Element element) {
    key_(key, false);
    bool empty = true;
    for (const auto& item : items) {
      out_ << (empty ? "[\n" : ",\n") << "    ";
      serializer_.dump(element(item), true, false, indent_step, 2 * indent_step);
      empty = false;
    }
    out_ << (empty ? "[]" : "\n  ]");
  }

 private:
  void key_(const char* key, bool first) {
    out_ << (first ? "" : ",\n") << "  \"" << key << "\": ";
  }

  std::ostream& out_;
  nlohmann::detail::serializer<Json> serializer_;
};

// The sources[] and indicators[] of every sheet, in input order.
struct Flattened {
  std::vector<model::SourceSummary> sources;
  std::vector<const model::Indicator*> indicators;
};

Flattened flatten(const PipelineResult& result) {
  Flattened out;
  for (const auto& sheet : result.sheets) {
    for (auto& source : model::source_summaries(sheet)) out.sources.push_back(std::move(source));
    for (const auto& ind : sheet.parsed.indicators) out.indicators.push_back(&ind);
  }
  return out;
}

Json diagnostic_json(const model::Diagnostic& d) {
  return Json{{"path", d.location.path},
              {"line", d.location.line},
              {"severity", model::to_string(d.severity)},
              {"code", d.code},
              {"message", d.message}};
}

}  // namespace

void write_json_document(std::ostream& out, const PipelineResult& result) {
  auto flat = flatten(result);
  DocumentWriter doc(out);
  doc.open();
  doc.member("schema", json_schema_id, true);
  doc.member("schema_version", json_schema_version);
  doc.array_member("sources", flat.sources, source_json);
  doc.array_member("indicators", flat.indicators,
                   [](const model::Indicator* ind) { return indicator_json(*ind); });
  doc.array_member("findings", result.findings, finding_json);
  doc.array_member("diagnostics", result.diagnostics, diagnostic_json);
  doc.close();
}

}  // namespace kpi::report
