#include "kpi/merge.hpp"

#include <algorithm>
#include <charconv>
#include <cstring>
#include <iterator>
#include <map>
#include <optional>
#include <tuple>
#include <unordered_map>

#include <fmt/format.h>

#include "kpi/merge_keys.hpp"
#include "kpi/near_keys.hpp"
#include "kpi/text/normalize.hpp"
#include "kpi/text/number.hpp"
#include "kpi/text/strings.hpp"

namespace kpi {
namespace {

using model::Indicator;
using model::Observation;
using model::SourceLocation;
using model::Value;

// body (model::body_of), id, name (each as its key: width, case and spacing forgiven), n-th
using Key = std::tuple<std::string, std::string, std::string, int>;
// The same, viewing texts that outlive it: a key looked up is not copied.
using KeyView = std::tuple<std::string_view, std::string_view, std::string_view, int>;

KeyView view_of(const Key& k) {
  return {std::get<0>(k), std::get<1>(k), std::get<2>(k), std::get<3>(k)};
}

// Keys are looked up once per KPI of every sheet: hashed, not compared in a tree; by view,
// so that a lookup makes no string.
struct KeyHash {
  using is_transparent = void;
  std::size_t operator()(const KeyView& k) const {
    std::hash<std::string_view> text;
    std::size_t h = text(std::get<0>(k));
    for (std::size_t part :
         {text(std::get<1>(k)), text(std::get<2>(k)), std::hash<int>{}(std::get<3>(k))})
      h ^= part + 0x9e3779b97f4a7c15ull + (h << 6) + (h >> 2);
    return h;
  }
  std::size_t operator()(const Key& k) const { return (*this)(view_of(k)); }
};

struct KeyEqual {
  using is_transparent = void;
  bool operator()(const KeyView& a, const KeyView& b) const { return a == b; }
  bool operator()(const Key& a, const KeyView& b) const { return view_of(a) == b; }
  bool operator()(const KeyView& a, const Key& b) const { return a == view_of(b); }
  bool operator()(const Key& a, const Key& b) const { return a == b; }
};

struct Home {
  std::size_t sheet = 0;
  std::size_t index = 0;
};

bool present(const Value& v) {
  if (v.number.has_value()) return true;
  if (v.text.empty()) return false;
  return !text::is_no_value(text::normalize(v.text));
}

bool same_value(const Value& a, const Value& b) {
  if (a.number.has_value() != b.number.has_value()) return false;
  if (a.number) return *a.number == *b.number;
  if (a.text == b.text) return true;
  return text::squeeze_spaces(text::normalize(a.text)) ==
         text::squeeze_spaces(text::normalize(b.text));
}

// The value as a conflict shows it: its text, else its number (written into `buffer`).
std::string_view shown(const Value& v, std::string& buffer) {
  if (!v.text.empty()) return v.text;
  if (!v.number) return "-";
  buffer = v.number->to_string();
  return buffer;
}

std::string display_id(const Indicator& ind) {
  return ind.seq > 1 ? fmt::format("{} #{}", ind.id, ind.seq) : ind.id;
}

// What a conflict is about: "No.3 FY2023 actual"; written only when there is a conflict.
struct Field {
  const Indicator& series;
  std::optional<int> fiscal_year;
  std::string_view name;  // "actual", "baseline", ...
};

// The text of one message at a time, its room kept from one to the next: a piece is one
// bounds test and one copy (a merge of many files writes hundreds of thousands of them).
class MessageText {
 public:
  void clear() {
    size_ = 0;
    room_ = bytes_.size();
  }
  void append(std::string_view piece) {  // small enough to be inlined where it is called
    if (piece.size() > room_) grow(piece.size());
    std::memcpy(bytes_.data() + size_, piece.data(), piece.size());
    size_ += piece.size();
    room_ -= piece.size();
  }
  std::string_view view() const { return {bytes_.data(), size_}; }

 private:
  [[gnu::noinline]] void grow(std::size_t more) {
    bytes_.resize(2 * (size_ + more));
    room_ = bytes_.size() - size_;
  }

  std::vector<char> bytes_ = std::vector<char>(512);
  std::size_t size_ = 0, room_ = 512;
};

// "path:line" (or "path") written where it is needed, without a string of its own.
template <typename Text>
void append(Text& out, std::string_view text) {
  out.append(text);
}

template <typename Text>
void append(Text& out, long long number) {
  char digits[24];
  auto end = std::to_chars(std::begin(digits), std::end(digits), number).ptr;
  out.append(std::string_view(digits, static_cast<std::size_t>(end - digits)));
}

template <typename Text>
// As model::location_text writes it (path:12, book.xlsx:KPI!P22, book.xlsx:KPI!22), appended.
void append_where(Text& out, const SourceLocation& loc) {
  append(out, loc.path);
  if (!loc.sheet.empty()) {
    append(out, ":"), append(out, loc.sheet.view());
    if (!loc.cell.empty())
      append(out, "!"), append(out, loc.cell.name().view());
    else if (loc.line > 0)
      append(out, "!"), append(out, loc.line);
    return;
  }
  if (loc.line > 0) append(out, ":"), append(out, loc.line);
}

std::string where(const SourceLocation& loc) {
  std::string out;
  append_where(out, loc);
  return out;
}

void append_field(MessageText& out, const Field& field) {
  append(out, field.series.id);
  if (field.series.seq > 1) append(out, " #"), append(out, field.series.seq);
  if (field.fiscal_year) append(out, " FY"), append(out, *field.fiscal_year);
  append(out, " "), append(out, field.name);
}

// Joins one later KPI (or observation) into the series, field by field. Holds references:
// it lives only while the two are joined.
class Joiner {
 public:
  Joiner(model::DiagnosticList& diagnostics, const Indicator& series,
         std::optional<int> fiscal_year, const SourceLocation& earlier, const SourceLocation& later)
      : diagnostics_(diagnostics),
        series_(series),
        fiscal_year_(fiscal_year),
        earlier_(earlier),
        later_(later) {}

  // A value present in only one file is taken; two different ones: the later, reported.
  void value(Value& kept, const Value& later, std::string_view what, std::string_view why = "") {
    if (!present(later)) return;
    if (present(kept) && !same_value(kept, later))
      conflict(what, shown(later, later_text_), shown(kept, kept_text_), why);
    kept = later;
  }

  void year(std::optional<int>& kept, const std::optional<int>& later, std::string_view what) {
    if (!later) return;
    if (kept && *kept != *later) conflict(what, std::to_string(*later), std::to_string(*kept));
    kept = later;
  }

  void text(std::string& kept, const std::string& later, std::string_view what) {
    if (later.empty()) return;
    if (!kept.empty() && kept != later && text::normalize(kept) != text::normalize(later))
      conflict(what, later, kept);
    kept = later;
  }

 private:
  void conflict(std::string_view what, std::string_view later, std::string_view kept,
                std::string_view why = "") {
    // Appended piece by piece: a national run writes hundreds of thousands of these, into one
    // buffer per thread (a Joiner lives for one observation).
    thread_local MessageText message;
    message.clear();
    append_field(message, Field{series_, fiscal_year_, what});
    append(message, ": '"), append(message, later), append(message, "' at ");
    append_where(message, later_);
    append(message, " differs from '"), append(message, kept), append(message, "' at ");
    append_where(message, earlier_);
    append(message, why), append(message, "; the later file's value is kept");
    diagnostics_.push_back(later_, model::Severity::warning, "input.merge-conflict",
                           message.view());
  }

  model::DiagnosticList& diagnostics_;
  const Indicator& series_;
  std::optional<int> fiscal_year_;
  const SourceLocation& earlier_;
  const SourceLocation& later_;
  std::string later_text_, kept_text_;  // a value without text shown as its number
};

// A published rate checked wrong in the earlier file that the later file's differing one
// replaces: still a wrong rate printed, so an error rather than a quiet swap (a check of the
// joined series sees only the later one).
void report_replaced_wrong_rate(const Indicator& series, const Observation& kept,
                                const Observation& later, model::DiagnosticList& diagnostics) {
  if (kept.check.verdict != model::Verdict::mismatch || !present(kept.published_rate) ||
      !present(later.published_rate) || same_value(kept.published_rate, later.published_rate))
    return;
  MessageText message;
  append_field(message, Field{series, later.fiscal_year, "published rate"});
  append(message, ": '"), append(message, kept.published_rate.text), append(message, "' at ");
  append_where(message, kept.source);
  append(message, " is wrong ("), append(message, kept.check.explanation);
  append(message, "); the later file's '"), append(message, later.published_rate.text);
  append(message, "' at "), append_where(message, later.source);
  append(message, " replaces it in the joined series: correct the earlier file");
  diagnostics.push_back(kept.source, model::Severity::error, "input.merge-conflict",
                        message.view());
}

// A published rate checked wrong in the earlier file, kept in the joined series while the
// later file gives that year another target or actual (a revised actual): checked against
// those, the earlier file's wrong rate could match. An error naming it, as above.
void report_rate_left_with_other_values(const Indicator& series, const Observation& kept,
                                        const Observation& later,
                                        model::DiagnosticList& diagnostics) {
  if (kept.check.verdict != model::Verdict::mismatch || !present(kept.published_rate)) return;
  if (present(later.published_rate) && !same_value(kept.published_rate, later.published_rate))
    return;  // replaced: report_replaced_wrong_rate
  const Value* changed = nullptr;
  const char* what = "";
  if (present(later.actual) && present(kept.actual) && !same_value(kept.actual, later.actual))
    changed = &later.actual, what = "actual";
  else if (present(later.target) && present(kept.target) && !same_value(kept.target, later.target))
    changed = &later.target, what = "target";
  if (changed == nullptr) return;
  MessageText message;
  append_field(message, Field{series, later.fiscal_year, "published rate"});
  append(message, ": '"), append(message, kept.published_rate.text), append(message, "' at ");
  append_where(message, kept.source);
  append(message, " is wrong ("), append(message, kept.check.explanation);
  append(message, "); in the joined series it is checked against the later file's ");
  append(message, what), append(message, " '"), append(message, changed->text);
  append(message, "' at "), append_where(message, later.source);
  append(message, " instead: correct the earlier file");
  diagnostics.push_back(kept.source, model::Severity::error, "input.merge-conflict",
                        message.view());
}

void join_observation(const Indicator& series, Observation& kept, const Observation& later,
                      model::DiagnosticList& diagnostics) {
  report_replaced_wrong_rate(series, kept, later, diagnostics);
  report_rate_left_with_other_values(series, kept, later, diagnostics);
  {
    Joiner j(diagnostics, series, later.fiscal_year, kept.source, later.source);
    std::string_view was_provisional = kept.provisional ? " (marked provisional)" : "";
    j.value(kept.target, later.target, "target");
    if (present(later.actual)) kept.provisional = later.provisional;
    j.value(kept.actual, later.actual, "actual", was_provisional);
    j.value(kept.published_rate, later.published_rate, "published rate");
    // The 変更後 values: a box is opened only for one the later file gives.
    const auto& revised = *later.revised;
    if (present(revised.target))
      j.value(kept.revised.edit().target, revised.target, "revised target");
    if (present(revised.rate)) j.value(kept.revised.edit().rate, revised.rate, "revised rate");
  }
  if (later.actual_fiscal_year) kept.actual_fiscal_year = later.actual_fiscal_year;
  if (later.reported_in) kept.reported_in = later.reported_in;
  if (!later.notes.empty()) kept.notes = later.notes;
  // Located where the joined published rate was printed: a later file without a rate (a
  // target or an actual only) leaves the earlier file's line, which a check quotes.
  if (present(later.published_rate) || !present(kept.published_rate)) kept.source = later.source;
}

void join_direction(Indicator& series, const Indicator& later, Joiner& j) {
  if (later.direction == model::Direction::unknown) return;
  // A direction only assumed for a rate never replaces one the sheets give.
  if (later.direction_source == model::DirectionSource::assumed &&
      series.direction != model::Direction::unknown)
    return;
  if (series.direction != model::Direction::unknown && series.direction != later.direction) {
    std::string kept = model::to_string(series.direction);
    j.text(kept, model::to_string(later.direction), "direction");  // reports it
  }
  series.direction = later.direction;
  series.direction_source = later.direction_source;
  series.direction_text = later.direction_text;
}

void join_indicator(Indicator& series, const Indicator& later, model::DiagnosticList& diagnostics) {
  Joiner j(diagnostics, series, std::nullopt, series.source, later.source);
  if (!later.name.empty()) series.name = later.name;
  j.text(series.unit, later.unit, "unit");
  // The plan around the KPI as the later (newer) file prints it, all of it from one file.
  if (!later.goal.empty()) series.goal = later.goal;
  if (!later.measure.empty()) series.measure = later.measure;
  if (!later.plan_path.empty()) series.plan_path = later.plan_path;
  join_direction(series, later, j);
  series.cumulative = series.cumulative || later.cumulative;
  if (later.relisted_of) series.relisted_of = later.relisted_of;
  if (present(later.baseline.value)) series.baseline.alternatives = later.baseline.alternatives;
  j.value(series.baseline.value, later.baseline.value, "baseline");
  j.year(series.baseline.fiscal_year, later.baseline.fiscal_year, "baseline fiscal year");
  j.value(series.final_target.value, later.final_target.value, "final target");
  j.year(series.final_target.fiscal_year, later.final_target.fiscal_year,
         "final target fiscal year");
  if (later.final_target.qualifier != model::Qualifier::none)
    series.final_target.qualifier = later.final_target.qualifier;
  for (const auto& o : later.observations) {
    auto it = std::find_if(series.observations.begin(), series.observations.end(),
                           [&](const Observation& s) { return s.fiscal_year == o.fiscal_year; });
    if (it == series.observations.end())
      series.observations.push_back(o);
    else
      join_observation(series, *it, o, diagnostics);
  }
  auto by_year = [](const Observation& a, const Observation& b) {
    return a.fiscal_year < b.fiscal_year;
  };
  if (!std::is_sorted(series.observations.begin(), series.observations.end(), by_year))
    std::stable_sort(series.observations.begin(), series.observations.end(), by_year);
}

// The sheet's KPI joined an earlier series: count it where sources[] will report it.
void count_merged(model::Sheet& sheet, const Indicator& ind) {
  if (!sheet.parsed.origins || sheet.parsed.origins->empty()) {
    ++sheet.merged_kpis;
    return;
  }
  auto& origins = *sheet.parsed.origins;
  auto it = std::find_if(origins.begin(), origins.end(),
                         [&](const model::SourceSummary& s) { return s.path == ind.source.path; });
  ++(it == origins.end() ? origins.front() : *it).merged;
}

// A key function's results (name_key, id_key, municipality_key), worked out once per text: the
// sheets of a series repeat their names and ids. It starts over when a sheet begins past
// 65,536 texts (a national run's memory stays bounded), so a sheet's keys can be viewed.
class KeyCache {
 public:
  // A key given stays valid until the next sheet begins (the cache is emptied only then,
  // when it has grown large).
  void begin_sheet() {
    if (keys_.size() >= std::size_t{1} << 16) keys_.clear();
  }
  const std::string& get(const std::string& text, std::string (*key_of)(std::string_view)) {
    auto it = keys_.find(text);
    if (it != keys_.end()) return it->second;
    return keys_.emplace(text, key_of(text)).first->second;
  }

 private:
  std::unordered_map<std::string, std::string> keys_;
};

class Merger {
 public:
  // Each sheet joins the series of the sheets added before it. The first sheet has nothing
  // to join: it is indexed only when a second one comes (most runs read one sheet).
  void add(model::Sheet sheet) {
    out_.sheets.push_back(std::move(sheet));
    if (out_.sheets.size() == 1) return;
    if (out_.sheets.size() == 2) merge_sheet(0);
    merge_sheet(out_.sheets.size() - 1);
  }

  MergeOutput finish() { return std::move(out_); }

 private:
  void merge_sheet(std::size_t s) {
    auto& sheet = out_.sheets[s];
    std::vector<Indicator> kept;
    // Of (body, id, name) in this sheet: views of the key caches' texts, kept for the sheet.
    std::unordered_map<KeyView, int, KeyHash, KeyEqual> seen;
    name_keys_.begin_sheet();
    municipality_keys_.begin_sheet();
    id_keys_.begin_sheet();
    std::vector<std::pair<std::string, std::string>> ids;
    std::vector<Key> named;  // first KPIs of their (municipality, id, name) in this sheet
    for (auto& ind : sheet.parsed.indicators) {
      const auto& name = name_keys_.get(ind.name, name_key);
      const auto& muni = municipality_keys_.get(model::body_of(ind), municipality_key);
      const auto& id = id_keys_.get(ind.id, id_key);
      KeyView key{muni, id, name, seen[KeyView{muni, id, name, 0}]++};
      auto home = homes_.find(key);
      if (home == homes_.end()) {
        note_unmatched(ind, muni, id, name);
        Key owned{muni, id, name, std::get<3>(key)};
        if (std::get<3>(key) == 0) named.push_back(owned);
        homes_.emplace(std::move(owned), Home{s, kept.size()});
        ids.emplace_back(muni, id);
        kept.push_back(std::move(ind));
        continue;
      }
      auto& series = out_.sheets[home->second.sheet].parsed.indicators[home->second.index];
      join_indicator(series, ind, out_.diagnostics);
      count_merged(sheet, ind);
      mark_extended(home->second.sheet);
    }
    sheet.parsed.indicators = std::move(kept);
    for (std::size_t i = 0; i < ids.size(); ++i) {
      first_of_id_.try_emplace(ids[i], Home{s, i});
      auto slug = municipality_keys_.get(sheet.parsed.indicators[i].municipality, municipality_key);
      municipalities_.add(slug);
      first_of_slug_.try_emplace(std::move(slug), Home{s, i});
    }
    near_municipality_of_.clear();  // the earlier municipalities have changed
    for (const auto& [m, id, name, nth] : named)
      ids_by_name_[{m, name}].emplace(id, homes_.at({m, id, name, nth}));
  }

  const Indicator& at(const Home& home) const {
    return out_.sheets[home.sheet].parsed.indicators[home.index];
  }

  void warn_near(const Indicator& ind, const Indicator& earlier, const std::string& what,
                 const std::string& printed, const std::string& near) {
    out_.diagnostics.push_back(
        {ind.source, model::Severity::warning, "input.merge-near-miss",
         fmt::format("{} '{}' of {} '{}' matches nothing in the earlier files, but '{}' of {} "
                     "'{}' at {} is near (a likely typo): kept as a separate KPI",
                     what, printed, display_id(ind), ind.name, near, display_id(earlier),
                     earlier.name, where(earlier.source))});
  }

  // A municipality slug no earlier file has, near one that one has: a likely typo. Looked
  // up in the earlier slugs' deletion neighbourhoods (NearKeys), not compared with each; the
  // first KPI of the first near one (byte order) is named. Printed body names are not asked:
  // 大島町 and 小島町 are two towns.
  bool near_municipality(const Indicator& ind) {
    auto slug = municipality_keys_.get(ind.municipality, municipality_key);
    if (municipalities_.empty() || municipalities_.contains(slug)) return false;
    const auto* earlier = near_earlier_municipality(slug);
    if (!earlier) return false;
    const auto& home = first_of_slug_.at(*earlier);
    warn_near(ind, at(home), "municipality", ind.municipality, at(home).municipality);
    return true;
  }

  // The first earlier municipality near `muni`, or nullptr; looked up once per sheet (every
  // KPI of a new municipality asks).
  const std::string* near_earlier_municipality(const std::string& muni) {
    auto [found, fresh] = near_municipality_of_.try_emplace(muni);
    if (fresh)
      if (const auto* earlier = municipalities_.find_near(muni)) found->second = *earlier;
    return found->second ? &*found->second : nullptr;
  }

  // An id no earlier file has in this municipality, near the id of a KPI of the same name
  // (looked up by name, not by a scan of every KPI: linear over a national run).
  void near_id(const Indicator& ind, const std::string& muni, const std::string& id,
               const std::string& name) {
    if (first_of_id_.count({muni, id})) return;
    auto same_name = ids_by_name_.find({muni, name});
    if (same_name == ids_by_name_.end()) return;
    for (const auto& [other_id, home] : same_name->second) {
      if (!is_near(id, other_id)) continue;
      warn_near(ind, at(home), "id", ind.id, at(home).id);
      return;
    }
  }

  // Same id as a KPI of an earlier sheet, but another name: kept apart, and said why. An id
  // or municipality near an earlier one: a warning naming both.
  void note_unmatched(const Indicator& ind, const std::string& muni, const std::string& id,
                      const std::string& name) {
    if (near_municipality(ind)) return;
    near_id(ind, muni, id, name);
    auto other = first_of_id_.find({muni, id});
    if (other == first_of_id_.end()) return;
    const auto& earlier = out_.sheets[other->second.sheet].parsed.indicators[other->second.index];
    out_.diagnostics.push_back(
        {ind.source, model::Severity::note, "input.merge-unmatched",
         fmt::format(
             "{} '{}' is not joined with {} '{}' at {}: the names differ (series are matched "
             "by municipality, id and name)",
             display_id(ind), ind.name, display_id(earlier), earlier.name, where(earlier.source))});
  }

  // Once per sheet, in the order sheets were first extended (a flag per sheet: a search of
  // the list per joined KPI was quadratic over a national run).
  void mark_extended(std::size_t sheet) {
    if (sheet >= is_extended_.size()) is_extended_.resize(sheet + 1, false);
    if (is_extended_[sheet]) return;
    is_extended_[sheet] = true;
    out_.extended.push_back(sheet);
  }

  MergeOutput out_;
  std::unordered_map<Key, Home, KeyHash, KeyEqual> homes_;
  std::map<std::pair<std::string, std::string>, Home> first_of_id_;  // earlier sheets only
  std::vector<bool> is_extended_;                                    // by sheet
  NearKeys municipalities_;                                          // slugs of earlier sheets only
  std::map<std::string, Home> first_of_slug_;                        // earlier sheets only
  std::map<std::string, std::optional<std::string>> near_municipality_of_;  // this sheet's
  // (municipality, name) -> id -> the first KPI of that key, earlier sheets only.
  std::map<std::pair<std::string, std::string>, std::map<std::string, Home>> ids_by_name_;
  KeyCache name_keys_, municipality_keys_, id_keys_;
};

}  // namespace

struct SheetMerger::Impl {
  Merger merger;
};

SheetMerger::SheetMerger() : impl_(std::make_unique<Impl>()) {}
SheetMerger::~SheetMerger() = default;

void SheetMerger::add(model::Sheet sheet) {
  impl_->merger.add(std::move(sheet));
}

MergeOutput SheetMerger::finish() {
  return impl_->merger.finish();
}

MergeOutput merge_sheets(std::vector<model::Sheet> sheets) {
  SheetMerger merger;
  for (auto& sheet : sheets) merger.add(std::move(sheet));
  return merger.finish();
}

}  // namespace kpi
