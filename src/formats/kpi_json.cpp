// kpi-report's own JSON read back (schema "kpi-report/1", written by report/json.cpp).
//
// Each element of indicators[] is a data row: it becomes a KPI or is skipped with its line
// and the field that could not be read. Rates are not read: the pipeline recomputes them,
// as it recomputes findings[]. Source locations are kept as written (they point at the sheet
// the document was made from), so checking a JSON report points at the original rows.
#include "kpi/formats/kpi_json.hpp"
#include "kpi/text/decode.hpp"

#include <iterator>
#include <stdexcept>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "kpi/formats/body_of_sheet.hpp"
#include "kpi/formats/canonical_cells.hpp"
#include "kpi/text/body_name.hpp"
#include "kpi/text/fit_width.hpp"
#include "kpi/text/normalize.hpp"
#include "kpi/text/number.hpp"
#include "kpi/text/strings.hpp"

namespace kpi::formats::kpi_json {
namespace {

using Json = nlohmann::json;

constexpr std::string_view schema_id = "kpi-report/1";

// A field that cannot be read. Thrown only inside this file and caught per element, where it
// becomes a skipped row: the reading code stays a flat list of fields.
struct ReadError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

const Json* member(const Json& object, const char* name) {
  auto it = object.find(name);
  return it == object.end() || it->is_null() ? nullptr : &*it;
}

std::string text_field(const Json& object, const char* name) {
  const Json* j = member(object, name);
  if (!j) return "";
  if (!j->is_string()) throw ReadError(fmt::format("{}: expected a string", name));
  return j->get<std::string>();
}

// A cell's A1 name as the JSON writers write it ("P22"); none when absent, null or "".
// Another text ("p22", "$P$22", "P22:Q23") would not print back as written: refused.
model::CellRef cell_field(const Json& object, const char* name, std::string_view label) {
  auto written = text_field(object, name);
  if (written.empty()) return {};
  auto cell = model::parse_cell_ref(written);
  if (!cell)
    throw ReadError(fmt::format("{}: expected a cell's A1 name such as P22, got '{}'", label,
                                text::cut_to_width(written, 40)));
  return *cell;
}

std::string required_text(const Json& object, const char* name) {
  auto s = text_field(object, name);
  if (s.empty()) throw ReadError(fmt::format("{}: expected a non-empty string", name));
  return s;
}

std::optional<int> int_field(const Json& object, const char* name) {
  const Json* j = member(object, name);
  if (!j) return std::nullopt;
  if (!j->is_number_integer()) throw ReadError(fmt::format("{}: expected a whole number", name));
  return j->get<int>();
}

bool flag_field(const Json& object, const char* name) {
  const Json* j = member(object, name);
  if (!j) return false;
  if (!j->is_boolean()) throw ReadError(fmt::format("{}: expected true or false", name));
  return j->get<bool>();
}

const Json& object_field(const Json& object, const char* name) {
  static const Json empty = Json::object();
  const Json* j = member(object, name);
  if (!j) return empty;
  if (!j->is_object()) throw ReadError(fmt::format("{}: expected an object", name));
  return *j;
}

const Json& array_field(const Json& object, const char* name) {
  static const Json empty = Json::array();
  const Json* j = member(object, name);
  if (!j) return empty;
  if (!j->is_array()) throw ReadError(fmt::format("{}: expected an array", name));
  return *j;
}

// The Decimal for a JSON number: the printed number in `text` with that value (keeping its
// decimals: "58.0"), else the shortest decimal that gives the same double.
model::Decimal decimal_for(double number, std::string_view text) {
  auto normalized = text::normalize(text);
  std::size_t pos = 0;
  while (auto token = text::find_number(normalized, pos)) {
    if (token->number.to_double() == number) return token->number;
    pos = token->end;
  }
  for (int scale = 0; scale <= model::max_decimal_scale; ++scale)
    if (auto d = model::decimal_from_double(number, scale); d && d->to_double() == number)
      return *d;
  throw ReadError(fmt::format("number {} has more than {} decimals or digits", number,
                              model::max_decimal_scale));
}

model::Value value_field(const Json& object, const char* number_name, const char* text_name) {
  model::Value v;
  v.text = text_field(object, text_name);
  const Json* number = member(object, number_name);
  if (!number) return v;
  if (!number->is_number()) throw ReadError(fmt::format("{}: expected a number", number_name));
  v.number = decimal_for(number->get<double>(), v.text);
  return v;
}

std::vector<model::PlanLevel> plan_path_field(const Json& object) {
  std::vector<model::PlanLevel> path;
  const Json* levels = member(object, "plan_path");
  if (!levels || levels->is_null()) return path;
  if (!levels->is_array()) throw ReadError("plan_path: expected an array");
  for (const auto& level : *levels) {
    if (!level.is_object()) throw ReadError("plan_path: expected objects");
    path.push_back(
        {text_field(level, "level"), text_field(level, "code"), text_field(level, "title")});
  }
  return path;
}

// A stored value with more digits than shown (actual_stored): exact as written in JSON.
std::optional<model::Decimal> stored_field(const Json& object, const char* name) {
  const Json* number = member(object, name);
  if (!number || number->is_null()) return std::nullopt;
  if (!number->is_number()) throw ReadError(fmt::format("{}: expected a number", name));
  return text::parse_exact_number(number->dump());
}

// The workbook side of an observation: sheet, cells, rate formula, stored values.
void read_cells(const Json& j, model::Observation& o) {
  if (auto sheet = text_field(j, "sheet"); !sheet.empty()) o.source.sheet = sheet;
  if (const Json* cells = member(j, "cells"); cells && cells->is_object()) {
    o.target.cell = cell_field(*cells, "target", "cells.target");
    o.actual.cell = cell_field(*cells, "actual", "cells.actual");
    o.published_rate.cell = cell_field(*cells, "rate", "cells.rate");
  }
  // The observation's anchor cell, as the grid layout sets it: the rate, else the actual.
  for (const auto* v : {&o.published_rate, &o.actual, &o.target})
    if (o.source.cell.empty()) o.source.cell = v->cell;
  if (auto formula = text_field(j, "rate_formula"); !formula.empty())
    o.published_rate.workbook.edit().formula = formula;
  if (auto stored = stored_field(j, "actual_stored")) o.actual.workbook.edit().stored = stored;
  if (auto stored = stored_field(j, "target_stored")) o.target.workbook.edit().stored = stored;
}

model::RateFormula rate_formula_field(const Json& object) {
  auto text = text_field(object, "rate_formula");
  for (auto f : {model::RateFormula::progress, model::RateFormula::ratio,
                 model::RateFormula::two_minus_ratio})
    if (text == model::to_string(f)) return f;
  if (text.empty()) return model::RateFormula::by_direction;
  throw ReadError("rate_formula: expected progress, ratio, two_minus_ratio or null");
}

model::Direction direction_field(const Json& object) {
  auto text = text_field(object, "direction");
  auto d = model::direction_from_string(text);
  if (!d) throw ReadError("direction: expected increase, decrease, maintain or null");
  return *d;
}

model::DirectionSource direction_source_field(const Json& object) {
  auto text = text_field(object, "direction_source");
  if (text.empty()) return model::DirectionSource::none;
  auto s = canonical::read_direction_source(text);
  if (!s)
    throw ReadError(
        "direction_source: expected label, qualifier, inferred, target, published-rate, assumed or "
        "null");
  return *s;
}

model::Qualifier qualifier_field(const Json& object) {
  auto text = text_field(object, "qualifier");
  if (text.empty()) return model::Qualifier::none;
  auto q = canonical::read_qualifier(text);
  if (!q) throw ReadError("qualifier: expected 以上, 以下, 程度, を維持 or null");
  return *q;
}

model::Baseline baseline_of(const Json& j) {
  model::Baseline b;
  b.value = value_field(j, "value", "text");
  b.fiscal_year = int_field(j, "fiscal_year");
  b.value.cell = cell_field(j, "cell", "baseline.cell");
  if (auto stored = stored_field(j, "stored")) b.value.workbook.edit().stored = stored;
  for (const auto& a : array_field(j, "alternatives")) {
    if (!a.is_object()) throw ReadError("baseline.alternatives: expected objects");
    b.alternatives.push_back(value_field(a, "value", "text"));
  }
  return b;
}

model::FinalTarget final_target_of(const Json& j) {
  model::FinalTarget t;
  t.value = value_field(j, "value", "text");
  t.fiscal_year = int_field(j, "fiscal_year");
  t.qualifier = qualifier_field(j);
  t.value.cell = cell_field(j, "cell", "final_target.cell");
  return t;
}

model::Observation observation_of(const Json& j, const model::SourceLocation& indicator_source) {
  if (!j.is_object()) throw ReadError("observations: expected objects");
  model::Observation o;
  auto year = int_field(j, "fiscal_year");
  if (!year) throw ReadError("observations: fiscal_year missing");
  o.fiscal_year = *year;
  o.target = value_field(j, "target", "target_text");
  o.actual = value_field(j, "actual", "actual_text");
  o.actual_fiscal_year = int_field(j, "actual_fiscal_year");
  if (auto column = int_field(j, "reported_in"); column && *column != o.fiscal_year)
    o.reported_in = column;
  o.provisional = flag_field(j, "provisional");
  o.published_rate = value_field(j, "published_rate_percent", "published_rate_text");
  model::set_revision(o, value_field(j, "revised_target", "revised_target_text"),
                      value_field(j, "revised_rate_percent", "revised_rate_text"));
  o.notes = text_field(j, "notes");
  // Without its own path an observation is located at its indicator (a line alone would
  // name a line of an unknown file, or of this JSON text).
  auto path = text_field(j, "path");
  o.source = path.empty() ? indicator_source
                          : model::SourceLocation{path, int_field(j, "line").value_or(0)};
  read_cells(j, o);
  return o;
}

// `text` as a shared name: `known`'s when equal (an observation is mostly of its KPI's file
// and sheet: not looked up in the table of names again).
model::SharedName shared(const std::string& text, const model::SharedName& known) {
  return known == text ? known : model::SharedName(text);
}

model::SourceLocation location_of(const Json& j, const model::SourceLocation& fallback) {
  auto path = text_field(j, "path");
  if (path.empty()) return fallback;
  return {shared(path, fallback.path), int_field(j, "line").value_or(0),
          shared(text_field(j, "sheet"), fallback.sheet), cell_field(j, "cell", "cell")};
}

model::Indicator indicator_of(const Json& j, const model::SourceLocation& element) {
  if (!j.is_object()) throw ReadError("expected an object");
  model::Indicator ind;
  ind.municipality = text_field(j, "municipality");
  ind.municipality_name = text::body_name_form(text_field(j, "municipality_name"));
  ind.id = required_text(j, "id");
  ind.seq = int_field(j, "seq").value_or(1);
  if (ind.seq < 1) throw ReadError("seq: expected a positive number");
  ind.name = text_field(j, "name");
  ind.unit = text_field(j, "unit");
  ind.goal = text_field(j, "goal");
  ind.measure = text_field(j, "measure");
  ind.plan_path = plan_path_field(j);
  ind.direction = direction_field(j);
  ind.direction_source = direction_source_field(j);
  ind.direction_text = text_field(j, "direction_text");
  ind.cumulative = flag_field(j, "cumulative");
  ind.rate_formula = rate_formula_field(j);
  ind.type_text = text_field(j, "type_text");
  if (const Json* r = member(j, "relisted_of")) {
    if (!r->is_string()) throw ReadError("relisted_of: expected a string or null");
    ind.relisted_of = r->get<std::string>();
  }
  ind.baseline = baseline_of(object_field(j, "baseline"));
  ind.final_target = final_target_of(object_field(j, "final_target"));
  ind.source = location_of(object_field(j, "source"), element);
  for (const auto& o : array_field(j, "observations"))
    ind.observations.push_back(observation_of(o, ind.source));
  return ind;
}

model::SourceSummary source_of(const Json& j) {
  if (!j.is_object()) throw ReadError("expected an object");
  model::SourceSummary s;
  s.path = text_field(j, "path");
  s.format = text_field(j, "format");
  s.encoding = text_field(j, "encoding");
  s.kpis = int_field(j, "kpis").value_or(0);
  s.rows_read = int_field(j, "rows_read").value_or(0);
  s.rows_used = int_field(j, "rows_used").value_or(0);
  s.merged = int_field(j, "merged").value_or(0);
  s.sheet = text_field(j, "sheet");
  for (const auto& k : array_field(j, "skipped")) {
    if (!k.is_object()) throw ReadError("skipped: expected objects");
    s.skipped.push_back({int_field(k, "line").value_or(0), text_field(k, "reason")});
  }
  return s;
}

model::Severity severity_of(const std::string& name) {
  for (auto s : {model::Severity::note, model::Severity::warning, model::Severity::error})
    if (name == model::to_string(s)) return s;
  throw ReadError("severity: expected note, warning or error");
}

model::Diagnostic diagnostic_of(const Json& j) {
  if (!j.is_object()) throw ReadError("expected an object");
  auto message = text_field(j, "message");
  if (message.empty()) throw ReadError("expected a non-empty \"message\"");
  // Each field read before the Diagnostic is built: GCC 12 destroys a finished inner aggregate
  // (the location) twice when a later initializer throws (a double free on a bad severity).
  model::SourceLocation location{text_field(j, "path"), int_field(j, "line").value_or(0)};
  auto severity = severity_of(text_field(j, "severity"));
  auto code = text_field(j, "code");
  return {std::move(location), severity, std::move(code), std::move(message)};
}

// -- line numbers ----------------------------------------------------------------------------

// The 1-based line holding byte `offset`; the end of input belongs to the last line (a final
// line break starts no new line).
int line_of_offset(std::string_view text, std::size_t offset) {
  int line = 1;
  for (std::size_t i = 0; i < offset && i + 1 < text.size(); ++i) line += text[i] == '\n';
  return line;
}

// Lines where the elements of the top-level array `key` start. nlohmann::json keeps no
// positions, so the (already validated) text is scanned once for them.
class ElementLines {
 public:
  ElementLines(std::string_view text, std::string_view key) : text_(text), key_(key) {}

  std::vector<int> lines() {
    for (; pos_ < text_.size(); ++pos_) {
      char c = text_[pos_];
      if (c == '\n') ++line_;
      if (c == '"') {
        string_token();
        continue;
      }
      if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == ':') continue;
      if (expecting_ && depth_ == array_depth_) record_element();
      if (c == '{' || c == '[')
        open(c);
      else if (c == ']' || c == '}') {
        if (--depth_ < array_depth_) break;
      } else if (c == ',' && depth_ == array_depth_)
        expecting_ = true;
      if (c != ':' && c != '"') key_seen_ = key_seen_ && c == '[';
    }
    return out_;
  }

 private:
  void record_element() {
    out_.push_back(line_);
    expecting_ = false;
  }

  void open(char c) {
    ++depth_;
    if (c == '[' && key_seen_ && depth_ == 2) {
      array_depth_ = depth_;
      expecting_ = true;
      key_seen_ = false;
    }
  }

  void string_token() {
    if (expecting_ && depth_ == array_depth_) record_element();
    std::size_t start = pos_;
    for (++pos_; pos_ < text_.size() && text_[pos_] != '"'; ++pos_) {
      if (text_[pos_] == '\\')
        ++pos_;
      else if (text_[pos_] == '\n')
        ++line_;
    }
    auto token = text_.substr(start + 1, pos_ - start - 1);
    key_seen_ = depth_ == 1 && array_depth_ < 0 && token == key_;
  }

  std::string_view text_;
  std::string_view key_;
  std::size_t pos_ = 0;
  int line_ = 1;
  int depth_ = 0;
  int array_depth_ = -1;
  bool key_seen_ = false;
  bool expecting_ = false;
  std::vector<int> out_;
};

// -- the document --------------------------------------------------------------------------

struct Context {
  model::SharedName path;  // the file's name, shared by its locations
  model::ParseOutput& out;
};

void error(Context& c, int line, std::string code, std::string message) {
  c.out.diagnostics.push_back(
      {{c.path, line}, model::Severity::error, std::move(code), std::move(message)});
}

void warn(Context& c, int line, std::string code, std::string message) {
  c.out.diagnostics.push_back(
      {{c.path, line}, model::Severity::warning, std::move(code), std::move(message)});
}

bool check_schema(Context& c, const Json& doc) {
  if (!doc.is_object()) {
    error(c, 1, "input.layout", "expected a JSON object with \"schema\": \"kpi-report/1\"");
    return false;
  }
  auto it = doc.find("schema");
  std::string schema = it != doc.end() && it->is_string() ? it->get<std::string>() : "";
  if (schema == schema_id) return true;
  error(c, 1, "input.layout",
        schema.empty()
            ? std::string("expected \"schema\": \"kpi-report/1\"")
            : fmt::format("unsupported schema '{}': this kpi-report reads {}", schema, schema_id));
  return false;
}

template <typename Read>
void read_each(Context& c, const Json& doc, const char* name, Read read) {
  auto it = doc.find(name);
  if (it == doc.end() || it->is_null()) return;
  if (!it->is_array()) {
    warn(c, 1, "input.layout", fmt::format("{}: expected an array; ignored", name));
    return;
  }
  for (std::size_t i = 0; i < it->size(); ++i) {
    try {
      read((*it)[i]);
    } catch (const ReadError& e) {
      warn(c, 1, "input.layout",
           fmt::format("{}[{}]: {}; ignored", name, i, text::to_valid_utf8(e.what())));
    }
  }
}

// Reads the "indicators" array's elements as the parser completes each, and keeps them out
// of the document's tree (with the findings and summary, which are not read): memory holds the
// model and one element, not a tree of the whole document, which takes several times its text.
class IndicatorStream {
 public:
  IndicatorStream(Context& c, std::string_view text)
      : c_(c), lines_(ElementLines(text, "indicators").lines()) {}

  // nlohmann::json's parser callback: false leaves the value out of the tree.
  bool on(int depth, Json::parse_event_t event, Json& parsed) {
    using Event = Json::parse_event_t;
    if (depth == 1 && event == Event::key) {
      key_ = parsed.get<std::string>();
      return key_ != "findings" && key_ != "summary";
    }
    if (depth == 1 && key_ == "indicators" &&
        (event == Event::array_start || event == Event::array_end)) {
      in_array_ = event == Event::array_start;
      saw_array_ = true;
      return true;
    }
    bool element_done =
        event == Event::object_end || event == Event::array_end || event == Event::value;
    if (!in_array_ || depth != 2 || !element_done) return true;
    read_element(parsed);
    return false;
  }

  bool saw_array() const { return saw_array_; }

  // The rows read moved to `out`, their warnings after the document's own diagnostics: for a
  // document that could be read (one that cannot gives none of its rows).
  void give_rows(model::ParseOutput& out) {
    out.indicators = std::move(rows_.indicators);
    out.skipped = std::move(rows_.skipped);
    out.rows_read = rows_.rows_read;
    out.rows_used = rows_.rows_used;
    out.diagnostics.insert(out.diagnostics.end(), std::make_move_iterator(warnings_.begin()),
                           std::make_move_iterator(warnings_.end()));
  }

 private:
  void read_element(const Json& j) {
    auto i = count_++;
    int line = i < lines_.size() ? lines_[i] : 0;
    ++rows_.rows_read;
    try {
      rows_.indicators.push_back(indicator_of(j, model::SourceLocation{c_.path, line}));
      ++rows_.rows_used;
    } catch (const ReadError& e) {
      auto reason = fmt::format("indicators[{}]: {}", i, text::to_valid_utf8(e.what()));
      rows_.skipped.push_back({line, reason});
      warnings_.push_back(
          {{c_.path, line}, model::Severity::warning, "input.skipped-row", std::move(reason)});
    }
  }

  Context& c_;
  std::vector<int> lines_;  // of each element, as ElementLines found them
  std::size_t count_ = 0;
  std::string key_;  // the document's member being read
  bool in_array_ = false, saw_array_ = false;
  model::ParseOutput rows_;  // the elements read: indicators, skipped, rows read and used
  std::vector<model::Diagnostic> warnings_;
};

}  // namespace

int sniff(std::string_view text) {
  auto start = text.find_first_not_of(" \t\r\n");
  if (start == std::string_view::npos || text[start] != '{') return 0;
  auto head = text.substr(start, 4096);
  return text::contains(head, "\"schema\"") && text::contains(head, "\"kpi-report/") ? 100 : 0;
}

model::ParseOutput parse(std::string_view text, std::string_view path) {
  model::ParseOutput out;
  Context c{model::SharedName(path), out};
  IndicatorStream indicators(c, text);
  Json doc;
  try {
    doc = Json::parse(text, [&](int depth, Json::parse_event_t event, Json& parsed) {
      return indicators.on(depth, event, parsed);
    });
  } catch (const Json::parse_error& e) {
    error(c, line_of_offset(text, e.byte > 0 ? e.byte - 1 : 0), "input.json",
          fmt::format("not valid JSON: {}", text::to_valid_utf8(e.what())));
    return out;
  } catch (const Json::exception& e) {  // e.g. a number too large for a double
    error(c, 1, "input.json", fmt::format("not readable JSON: {}", text::to_valid_utf8(e.what())));
    return out;
  }
  if (!check_schema(c, doc)) return out;
  // Problems found when the document was made stay with its data.
  read_each(c, doc, "diagnostics",
            [&](const Json& j) { out.diagnostics.push_back(diagnostic_of(j)); });
  // A document with sources[] (even empty) is reported as those sources; one without (made
  // by hand) as itself.
  if (doc.contains("sources")) out.origins.emplace();
  read_each(c, doc, "sources", [&](const Json& j) { out.origins->push_back(source_of(j)); });
  if (!indicators.saw_array()) {
    error(c, 1, "input.no-rows", "expected an \"indicators\" array");
    return out;
  }
  indicators.give_rows(out);
  name_body_from_profile(out.indicators);  // documents made before municipality_name
  return out;
}

}  // namespace kpi::formats::kpi_json
