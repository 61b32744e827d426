#include "kpi/report/json_stream.hpp"

#include <fmt/format.h>

#include "kpi/report/json.hpp"
#include "kpi/text/decode.hpp"

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

  // `"key": [ ... ]` of the diagnostics, written straight (no tree per diagnostic: a
  // national run has hundreds of thousands), as array_member with diagnostic_json would.
  void diagnostics_member(const model::DiagnosticList& diagnostics) {
    key_("diagnostics", false);
    bool empty = true;
    for (const auto& d : diagnostics) {
      out_ << (empty ? "[\n" : ",\n") << "    {\n      \"path\": ";
      string_(d.location.path);
      out_ << ",\n      \"line\": " << d.location.line << ",\n      \"severity\": \""
           << model::to_string(d.severity) << "\",\n      \"code\": ";
      string_(d.code);
      out_ << ",\n      \"message\": ";
      string_(d.message);
      out_ << "\n    }";
      empty = false;
    }
    out_ << (empty ? "[]" : "\n  ]");
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

  // A string as Json::dump writes it (no ensure_ascii): UTF-8 copied, `"`, `\\` and
  // control characters escaped. Text that is not UTF-8 goes through nlohmann for its
  // U+FFFD replacement.
  void string_(const std::string& s) {
    if (!text::is_valid_utf8(s)) {
      serializer_.dump(Json(s), true, false, indent_step, 0);
      return;
    }
    out_ << '"';
    std::size_t plain = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
      auto c = static_cast<unsigned char>(s[i]);
      if (c >= 0x20 && c != '"' && c != '\\') continue;
      out_.write(s.data() + plain, static_cast<std::streamsize>(i - plain));
      plain = i + 1;
      out_ << escaped(c);
    }
    out_.write(s.data() + plain, static_cast<std::streamsize>(s.size() - plain));
    out_ << '"';
  }

  static std::string escaped(unsigned char c) {
    switch (c) {
      case '"':
        return "\\\"";
      case '\\':
        return "\\\\";
      case '\b':
        return "\\b";
      case '\t':
        return "\\t";
      case '\n':
        return "\\n";
      case '\f':
        return "\\f";
      case '\r':
        return "\\r";
      default:
        return fmt::format("\\u{:04x}", c);
    }
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

}  // namespace

void write_json_document(std::ostream& out, const PipelineResult& result, const Summary& summary) {
  auto flat = flatten(result);
  DocumentWriter doc(out);
  doc.open();
  doc.member("schema", json_schema_id, true);
  doc.member("schema_version", json_schema_version);
  doc.array_member("sources", flat.sources, source_json);
  doc.array_member("indicators", flat.indicators,
                   [](const model::Indicator* ind) { return indicator_json(*ind); });
  doc.array_member("findings", result.findings, finding_json);
  doc.diagnostics_member(result.diagnostics);
  doc.member("summary", summary_json(summary));
  doc.close();
}

}  // namespace kpi::report
