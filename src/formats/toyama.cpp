// Toyama strategy progress sheet (総合戦略に記載されている各種施策の取組状況), tab-separated.
//
// One table per section, each under a two-row header: the first row names the measure
// columns (施策番号, 施策, 主な個別事業 ...), the second the KPI sub-columns (項目, 基準値,
// 目標値 (令和6年度末時点), 令和2年度末時点, 達成率, 変更後の目標値 ...). Columns are found by
// that text each time a header repeats; the fiscal years come from it too. 【基本目標N】 lines
// give the goal. A row with a 施策番号 starts a measure; rows below it with an empty 施策番号
// carry further KPIs of that measure, or only more 主な個別事業 (not KPI rows). A KPI cell may
// hold several KPIs (①… ②…, values separated by spaces). The published rate is against the
// final target, so each KPI gets one observation without a year target.
#include "kpi/formats/toyama.hpp"
#include "kpi/formats/parse_kit.hpp"

#include <algorithm>
#include <unordered_map>

#include <fmt/format.h>

#include "kpi/formats/cell_values.hpp"
#include "kpi/formats/mid_plan.hpp"
#include "kpi/formats/plan_path.hpp"
#include "kpi/formats/printed_name.hpp"
#include "kpi/model/measured_year.hpp"
#include "kpi/text/era.hpp"
#include "kpi/text/line_reader.hpp"
#include "kpi/text/mapped.hpp"
#include "kpi/text/name_form.hpp"
#include "kpi/text/normalize.hpp"
#include "kpi/text/number.hpp"
#include "kpi/text/period.hpp"
#include "kpi/text/stable_text.hpp"
#include "kpi/text/strings.hpp"

namespace kpi::formats::toyama {
namespace {

using text::contains;
using text::starts_with;
using text::trim;

constexpr std::string_view municipality = "toyama";

// -- rows -----------------------------------------------------------------------------------

struct Row {
  int line = 0;
  std::vector<std::string_view> original;    // cells as printed, trimmed
  std::vector<std::string_view> normalized;  // NFKC of each cell

  std::string_view cell(int column) const { return at(original, column); }
  std::string_view norm(int column) const { return at(normalized, column); }
  bool blank() const {
    return std::all_of(original.begin(), original.end(), [](const auto& c) { return c.empty(); });
  }

 private:
  static std::string_view at(const std::vector<std::string_view>& cells, int column) {
    if (column < 0 || static_cast<std::size_t>(column) >= cells.size()) return {};
    return cells[static_cast<std::size_t>(column)];
  }
};

// Reads the lines of a sheet one at a time into the same row: cells are views of the line,
// a normalised cell one of a buffer kept for the next line when NFKC changes it. A line
// normalize() leaves as it is (most of a sheet: one test of the whole line, sixteen bytes at a
// time) has cells it leaves as they are too: each is its own normalised text.
class RowReader {
 public:
  const Row& read(std::string_view line, int number) {
    row_.line = number;
    row_.original.clear();
    for (std::size_t start = 0;;) {
      auto tab = line.find('\t', start);
      row_.original.push_back(
          trim(line.substr(start, tab == std::string_view::npos ? tab : tab - start)));
      if (tab == std::string_view::npos) break;
      start = tab + 1;
    }
    if (buffers_.size() < row_.original.size()) buffers_.resize(row_.original.size());
    row_.normalized.clear();
    if (text::is_stable_text(line)) {
      row_.normalized.assign(row_.original.begin(), row_.original.end());
      return row_;
    }
    for (std::size_t i = 0; i < row_.original.size(); ++i)
      row_.normalized.push_back(text::normalized_view(row_.original[i], buffers_[i]));
    return row_;
  }

 private:
  Row row_;
  std::vector<std::string> buffers_;
};

// -- header ---------------------------------------------------------------------------------

// Column indexes named by the header rows (-1 = absent).
struct Columns {
  int id = -1, measure = -1, business = -1;
  int name = -1, baseline = -1, target = -1, actual = -1, rate = -1;
  int revised_target = -1, revised_rate = -1;
  int final_year = 0;   // of 目標値 (令和6年度末時点)
  int actual_year = 0;  // of 令和2年度末時点

  bool complete() const {
    return id >= 0 && name >= 0 && baseline >= 0 && target >= 0 && actual >= 0 && rate >= 0 &&
           final_year && actual_year;
  }
  bool has_revisions() const { return revised_target >= 0 || revised_rate >= 0; }
};

// Header text without spaces ("変更後の 達成率" is 変更後の達成率).
std::string compact(std::string_view normalized) {
  std::string out;
  for (auto w : text::words(normalized)) out += w;
  return out;
}

bool has_cell(const Row& row, std::string_view text) {
  return std::any_of(row.normalized.begin(), row.normalized.end(),
                     [&](const auto& c) { return text::equals_without_spaces(c, text); });
}

// 達成率, or 達成率 with its unit: 達成率(%), 達成率（％） (NFKC: 達成率(%)). `t` is compact.
bool is_rate_header(std::string_view t) {
  return t == "達成率" || t == "達成率(%)" || t == "達成率%";
}

bool is_first_header_row(const Row& row) {
  return has_cell(row, "施策番号");
}
bool is_second_header_row(const Row& row) {
  return has_cell(row, "項目") &&
         std::any_of(row.normalized.begin(), row.normalized.end(),
                     [](const auto& c) { return is_rate_header(compact(c)); });
}

void read_header_cell(std::string_view t, int i, Columns& c) {
  if (t == "施策番号")
    c.id = i;
  else if (t == "施策")
    c.measure = i;
  else if (t == "主な個別事業")
    c.business = i;
  else if (t == "項目")
    c.name = i;
  else if (t == "基準値")
    c.baseline = i;
  else if (contains(t, "変更後") && contains(t, "目標値"))
    c.revised_target = i;
  else if (contains(t, "変更後") && contains(t, "達成率"))
    c.revised_rate = i;
  else if (contains(t, "目標値")) {
    c.target = i;
    c.final_year = text::fiscal_year_in(t).value_or(0);
  } else if (is_rate_header(t)) {
    // A plain 達成率 after 変更後の目標値 is the revised rate.
    if (c.revised_target >= 0 && i > c.revised_target)
      c.revised_rate = i;
    else
      c.rate = i;
  } else if (text::ends_with(t, "年度末時点")) {
    c.actual = i;
    c.actual_year = text::fiscal_year_in(t).value_or(0);
  }
}

void read_header(const Row& row, Columns& c) {
  for (std::size_t i = 0; i < row.normalized.size(); ++i)
    read_header_cell(compact(row.normalized[i]), static_cast<int>(i), c);
}

// -- parser state ---------------------------------------------------------------------------

struct Measure {
  std::string id;       // 施策番号 as printed ("1-07"); "" when the row has none
  std::string name;     // 施策 as printed, without its (再掲) marker
  std::string printed;  // 施策 as printed
  bool relisted = false;
  int next_seq = 1;
};

struct Context {
  model::SharedName path;  // the file's name, shared by its locations
  model::ParseOutput& out;
  Columns columns;
  int header_line = 0;
  std::string goal;                              // 【基本目標N】 as printed
  model::PlanLevel goal_level, direction_level;  // 【基本目標N】, 【基本的方向：ア】 as printed
  std::optional<Measure> measure;
};

void diagnose(Context& c, int line, model::Severity severity, std::string code,
              std::string message) {
  c.out.diagnostics.push_back({{c.path, line}, severity, std::move(code), std::move(message)});
}

void note(Context& c, int line, std::string message) {
  diagnose(c, line, model::Severity::note, "input.interpreted", std::move(message));
}

void warn(Context& c, int line, std::string message) {
  diagnose(c, line, model::Severity::warning, "input.ambiguous-cell", std::move(message));
}

void skip(Context& c, int line, std::string reason) {
  skip_row(c.out, c.path, line, std::move(reason));
}

// -- value cells ----------------------------------------------------------------------------

struct Cell {
  std::string_view what;  // header name, for messages
  std::string_view original;
  std::vector<CellPiece> pieces;
};

Cell cell_of(const Row& row, int column, std::string_view what) {
  return {what, row.cell(column), split_cell_values(row.cell(column))};
}

// A cell for one KPI: its only number, when there is exactly one; the text is the whole cell.
text::CellValue single_value(Context& c, int line, std::string_view id, const Cell& cell) {
  std::vector<const CellPiece*> numeric;
  for (const auto& p : cell.pieces)
    if (p.has_number) numeric.push_back(&p);
  if (numeric.empty()) return text::parse_cell(text::normalize(cell.original), cell.original);
  text::CellValue value;
  if (numeric.size() > 1) {
    warn(c, line,
         fmt::format("{}: the {} cell '{}' holds {} numbers for one KPI: not attributable, "
                     "left without a number",
                     id, cell.what, cell.original, numeric.size()));
  } else {
    value = parse_piece(*numeric.front());
    if (numeric.front() != &cell.pieces.back())
      note(c, line,
           fmt::format("{}: the {} cell '{}': read {} (the text after it is not a value)", id,
                       cell.what, cell.original, numeric.front()->original));
  }
  value.value.text = std::string(trim(cell.original));
  return value;
}

// One value per KPI of a cell holding `count` KPIs.
std::vector<text::CellValue> values_for(Context& c, int line, std::string_view id, const Cell& cell,
                                        std::size_t count) {
  if (count == 1) return {single_value(c, line, id, cell)};
  std::vector<text::CellValue> out(count);
  if (cell.pieces.empty()) return out;
  if (cell.pieces.size() != count) {
    warn(c, line,
         fmt::format("{}: the {} cell '{}' holds {} values for {} KPIs: not attributable, "
                     "left empty",
                     id, cell.what, cell.original, cell.pieces.size(), count));
    return out;
  }
  for (std::size_t i = 0; i < count; ++i) out[i] = parse_piece(cell.pieces[i]);
  return out;
}

// How many KPIs a row holds: one per published rate ("81% 14%"); without rates, as many as
// the target and current-value cells agree on.
std::size_t kpi_count(const Cell& target, const Cell& actual, const Cell& rate) {
  if (!rate.pieces.empty()) return rate.pieces.size();
  if (target.pieces.size() == actual.pieces.size() && !target.pieces.empty())
    return target.pieces.size();
  return 1;
}

// -- KPI names ------------------------------------------------------------------------------

// "①農業サポーター登録者 ②農業サポート…" → the two parts, each with its circled number.
std::vector<Span> split_at_circled_numbers(const text::MappedText& name) {
  std::string_view s = name.normalized;
  std::vector<Span> out;
  std::size_t start = 0;
  auto add = [&](std::size_t end) {
    if (auto part = trim(s.substr(start, end - start)); !part.empty())
      out.push_back(span_of(name, part));
  };
  for (std::size_t i = 0; i < s.size();) {
    if (i > start && starts_with_circled_number(s.substr(i))) {
      add(i);
      start = i;
    }
    i += static_cast<std::size_t>(text::utf8_length(static_cast<unsigned char>(s[i])));
  }
  add(s.size());
  return out;
}

std::vector<std::string> printed_parts(const text::MappedText& name,
                                       const std::vector<Span>& spans) {
  std::vector<std::string> out;
  for (const auto& s : spans) out.push_back(printed(name, s));
  return out;
}

std::vector<Span> word_spans(const text::MappedText& name) {
  std::vector<Span> out;
  for (auto w : text::words(name.normalized)) out.push_back(span_of(name, w));
  return out;
}

std::string display_label(const CellPiece& p) {
  if (starts_with_circled_number(p.label)) return "";
  std::string_view l = p.label;
  if (text::ends_with(l, ":")) l.remove_suffix(1);
  return std::string(trim(l));
}

// Group of each value: labelled values side by side with different labels ("平日…",
// "日曜…") are parts of one named KPI; an unlabelled value or a repeated label starts the next.
std::vector<std::size_t> label_groups(const std::vector<CellPiece>& pieces) {
  std::vector<std::size_t> group;
  std::vector<std::string> labels_in_group;
  for (const auto& p : pieces) {
    auto label = display_label(p);
    bool joins =
        !group.empty() && !label.empty() && !labels_in_group.empty() &&
        !labels_in_group.front().empty() &&
        std::find(labels_in_group.begin(), labels_in_group.end(), label) == labels_in_group.end();
    if (joins) {
      group.push_back(group.back());
      labels_in_group.push_back(label);
    } else {
      group.push_back(group.empty() ? 0 : group.back() + 1);
      labels_in_group = {label};
    }
  }
  return group;
}

// Names for `parts` fewer than the values: labels in a value cell show which values share a name.
std::optional<std::vector<std::string>> names_by_labels(const std::vector<std::string>& parts,
                                                        const std::vector<const Cell*>& cells,
                                                        std::size_t count) {
  for (const Cell* cell : cells) {
    if (cell->pieces.size() != count) continue;
    auto group = label_groups(cell->pieces);
    if (group.back() + 1 != parts.size()) continue;
    std::vector<std::string> out;
    for (std::size_t i = 0; i < count; ++i) {
      auto label = display_label(cell->pieces[i]);
      out.push_back(label.empty() ? parts[group[i]]
                                  : fmt::format("{} ({})", parts[group[i]], label));
    }
    return out;
  }
  return std::nullopt;
}

// The KPI names of a 項目 cell, as printed: the whole cell, or its parts when it names
// several KPIs (circled numbers, labels in the value cells, words).
std::vector<std::string> kpi_names(Context& c, int line, std::string_view id,
                                   std::string_view printed_cell,
                                   const std::vector<const Cell*>& cells, std::size_t count) {
  text::MappedText name;
  text::normalize_mapped_into(printed_cell, name);
  std::string whole = printed(name, {0, name.normalized.size()});
  if (count == 1) return {whole};
  auto parts = printed_parts(name, split_at_circled_numbers(name));
  if (parts.size() == count) return parts;
  if (parts.size() > 1 && parts.size() < count)
    if (auto named = names_by_labels(parts, cells, count)) return *named;
  auto words = printed_parts(name, word_spans(name));
  if (words.size() == count) return words;
  warn(c, line,
       fmt::format("{}: {} KPIs but the 項目 cell names {}: each KPI gets the whole cell "
                   "as its name",
                   id, count, parts.size()));
  return std::vector<std::string>(count, whole);
}

// -- revised target and rate (変更後) -------------------------------------------------------

struct Revision {
  model::Value target, rate;
  std::string note;  // 備考: why the target changed
};

// A short value cell ("12件(累計)", "8%"), as opposed to prose.
std::optional<text::CellValue> value_cell(std::string_view original) {
  auto pieces = split_cell_values(original);
  if (pieces.size() != 1 || !pieces[0].has_number || !pieces[0].label.empty()) return std::nullopt;
  auto value = parse_piece(pieces[0]);
  if (text::display_width(value.unit) > 10) return std::nullopt;
  return value;
}

bool is_percent(const model::Value& v) {
  return v.number && text::ends_with(trim(text::normalize(v.text)), "%");
}

// In this export the 変更後 values do not sit under their header cells (the header rows are
// shifted against the data), so they are read by content from the cells after 達成率, up to
// the one after 主な個別事業's header cell: value cells in header order (target, then rate),
// then the first prose cell is the 備考 that explains the change.
std::optional<Revision> read_revision(Context& c, const Row& row, std::string_view id,
                                      std::string_view unit) {
  const auto& cols = c.columns;
  if (!cols.has_revisions()) return std::nullopt;
  int end = cols.business >= 0 ? cols.business + 2 : cols.rate + 5;
  std::vector<std::pair<int, text::CellValue>> values;
  std::string prose;
  for (int i = cols.rate + 1; i < end && prose.empty(); ++i) {
    if (row.cell(i).empty()) continue;
    if (auto v = value_cell(row.cell(i)))
      values.emplace_back(i, *v);
    else if (!values.empty())
      prose = std::string(row.cell(i));
    else
      break;
  }
  if (values.empty()) return std::nullopt;
  Revision r;
  r.note = prose;
  std::string why;
  if (values.size() == 2 && is_percent(values[1].second.value)) {
    r.target = values[0].second.value;
    r.rate = values[1].second.value;
  } else if (values.size() == 1 && !is_percent(values[0].second.value)) {
    r.target = values[0].second.value;
  } else if (values.size() == 1 && unit != "%") {
    r.rate = values[0].second.value;
    why = fmt::format(
        "; the lone percentage is the revised rate (no target for a KPI in '{}'), "
        "no revised target printed",
        unit);
  } else {
    warn(c, row.line,
         fmt::format("{}: {} values after the 達成率 ({}…): not attributable to the "
                     "revised target and rate, left empty",
                     id, values.size(), values[0].second.value.text));
    return std::nullopt;
  }
  int expected = r.target.text.empty() ? cols.revised_rate : cols.revised_target;
  bool displaced = values[0].first != expected;
  if (displaced || !why.empty())
    note(c, row.line,
         fmt::format("{}: 変更後 values read by content from the cells after the 達成率: "
                     "revised target '{}', revised rate '{}'{}{}",
                     id, r.target.text, r.rate.text,
                     displaced ? " (this export does not keep them under the header's "
                                 "変更後 cells)"
                               : "",
                     why));
  return r;
}

// -- direction ------------------------------------------------------------------------------

struct DirectionGuess {
  model::Direction direction = model::Direction::unknown;
  model::DirectionSource source = model::DirectionSource::none;
  std::string text;
};

constexpr std::pair<std::string_view, model::Direction> direction_words[] = {
    {"増加", model::Direction::increase},
    {"減少", model::Direction::decrease},
    {"維持", model::Direction::maintain},
    {"以上", model::Direction::increase},
    {"以下", model::Direction::decrease}};

// Target against baseline; "新規" (a new activity) starts from zero.
std::optional<int> compare_to_baseline(const text::CellValue& target,
                                       const text::CellValue& baseline) {
  if (!target.value.number) return std::nullopt;
  model::Decimal from{0, 0};
  if (baseline.value.number)
    from = *baseline.value.number;
  else if (text::normalize(baseline.value.text) != "新規")
    return std::nullopt;
  auto t = target.value.number->to_double(), b = from.to_double();
  return t > b ? 1 : t < b ? -1 : 0;
}

// Not printed: from the target's words (増加, 以上 ...), else from meaning where unambiguous.
// A target "about" (程度) a level says nothing of the good side (a shrinking population).
DirectionGuess direction_of(const text::CellValue& target, const text::CellValue& baseline,
                            bool cumulative) {
  auto target_text = text::normalize(target.value.text);
  for (const auto& [word, direction] : direction_words)
    if (contains(target_text, word))
      return {direction, model::DirectionSource::qualifier, std::string(word)};
  if (target.qualifier == model::Qualifier::about) return {};
  using D = model::Direction;
  if (cumulative) return {D::increase, model::DirectionSource::inferred, "累計"};
  auto cmp = compare_to_baseline(target, baseline);
  if (!cmp) return {};
  const char* relation = *cmp > 0 ? ">" : *cmp < 0 ? "<" : "=";
  D direction = *cmp > 0 ? D::increase : *cmp < 0 ? D::decrease : D::maintain;
  return {direction, model::DirectionSource::inferred, fmt::format("目標値 {} 基準値", relation)};
}

// -- one KPI --------------------------------------------------------------------------------

struct KpiValues {
  std::string name;
  text::CellValue baseline, target, actual, rate;
};

std::string unit_of(const KpiValues& k) {
  for (const auto* v : {&k.target, &k.actual, &k.baseline})
    if (!v->unit.empty()) return v->unit;
  return "";
}

model::Qualifier qualifier_of(const text::CellValue& target) {
  if (target.qualifier == model::Qualifier::none &&
      contains(text::normalize(target.value.text), "維持"))
    return model::Qualifier::keep;  // "2.0%(現状維持を目指す)"
  return target.qualifier;
}

model::Observation observation_of(const Context& c, const Row& row, const KpiValues& k) {
  model::Observation o;
  o.fiscal_year = c.columns.actual_year;
  o.actual = k.actual.value;
  o.published_rate = k.rate.value;
  if (auto year = text::period_end_fiscal_year(k.actual.note); year && *year != o.fiscal_year)
    o.actual_fiscal_year = *year;
  o.provisional = contains(k.actual.note, "暫定") || contains(k.actual.note, "見込");
  o.source = {c.path, row.line};
  model::file_under_measured_year(o);
  return o;
}

model::Indicator indicator_of(Context& c, const Row& row, const KpiValues& k) {
  model::Indicator ind;
  ind.municipality = std::string(municipality);
  ind.id = c.measure->id;
  ind.seq = c.measure->next_seq++;
  ind.name = k.name;
  ind.unit = unit_of(k);
  ind.goal = c.goal;
  ind.measure = c.measure->name;
  add_level(ind.plan_path, c.goal_level);
  add_level(ind.plan_path, c.direction_level);
  add_level(ind.plan_path, plan_level("measure", c.measure->id, c.measure->printed));
  if (c.measure->relisted) ind.relisted_of = std::string();
  ind.cumulative = contains(k.target.note, "累計") || contains(k.actual.note, "累計");
  ind.baseline.value = k.baseline.value;
  ind.baseline.fiscal_year = text::period_end_fiscal_year(k.baseline.note);
  ind.final_target.value = k.target.value;
  ind.final_target.fiscal_year =
      text::period_end_fiscal_year(k.target.note).value_or(c.columns.final_year);
  ind.final_target.qualifier = qualifier_of(k.target);
  auto guess = direction_of(k.target, k.baseline, ind.cumulative);
  ind.direction = guess.direction;
  ind.direction_source = guess.source;
  ind.direction_text = guess.text;
  apply_mid_plan_start(ind);
  ind.observations.push_back(observation_of(c, row, k));
  ind.source = {c.path, row.line};
  return ind;
}

void read_kpis(Context& c, const Row& row) {
  const auto& cols = c.columns;
  const std::string& id = c.measure->id;
  Cell baseline = cell_of(row, cols.baseline, "基準値"),
       target = cell_of(row, cols.target, "目標値"), actual = cell_of(row, cols.actual, "現在値"),
       rate = cell_of(row, cols.rate, "達成率");
  std::size_t count = kpi_count(target, actual, rate);
  auto names =
      kpi_names(c, row.line, id, row.cell(cols.name), {&baseline, &target, &actual}, count);
  auto baselines = values_for(c, row.line, id, baseline, count);
  auto targets = values_for(c, row.line, id, target, count);
  auto actuals = values_for(c, row.line, id, actual, count);
  auto rates = values_for(c, row.line, id, rate, count);
  std::size_t first = c.out.indicators.size();
  for (std::size_t i = 0; i < count; ++i)
    c.out.indicators.push_back(
        indicator_of(c, row, {names[i], baselines[i], targets[i], actuals[i], rates[i]}));
  auto revision = read_revision(c, row, id, c.out.indicators[first].unit);
  if (!revision) return;
  if (count > 1) {
    warn(c, row.line,
         fmt::format("{}: 変更後 values beside {} KPIs: not attributable, left empty", id, count));
    return;
  }
  auto& obs = c.out.indicators[first].observations.front();
  model::set_revision(obs, std::move(revision->target), std::move(revision->rate));
  obs.notes = revision->note;
}

// -- rows -----------------------------------------------------------------------------------

constexpr std::string_view relisted_markers[] = {"(再掲)", "【再掲】", "[再掲]", "〔再掲〕",
                                                 "(再掲"};

Measure measure_of(const Row& row, const Columns& cols) {
  Measure m;
  m.id = std::string(trim(row.norm(cols.id)));
  m.printed = std::string(trim(row.cell(cols.measure)));
  m.name = m.printed;
  for (auto marker : relisted_markers)
    if (row.norm(cols.measure).find(marker) != std::string_view::npos) {
      m.relisted = true;
      text::MappedText cell;  // the mark left out of the printed text
      text::normalize_mapped_into(m.printed, cell);
      if (auto pos = cell.normalized.find(marker); pos != std::string::npos)
        m.name = printed_without(cell, {pos, pos + marker.size()});
      break;
    }
  return m;
}

bool has_kpi_cells(const Row& row, const Columns& cols) {
  for (int col : {cols.name, cols.baseline, cols.target, cols.actual, cols.rate})
    if (!row.cell(col).empty()) return true;
  return false;
}

std::string measure_label(const Measure& m) {
  if (m.id.empty()) return fmt::format("measure '{}' (no 施策番号)", m.name);
  return m.name.empty() ? m.id : fmt::format("{} ({})", m.id, m.name);
}

// A row of a table: a measure, a KPI, or only more 主な個別事業 of the measure above.
void read_table_row(Context& c, const Row& row) {
  const auto& cols = c.columns;
  bool starts_measure = !row.cell(cols.id).empty() || !row.cell(cols.measure).empty();
  bool kpi = has_kpi_cells(row, cols);
  if (!starts_measure && !kpi) return;  // 主な個別事業 of the measure above: not a KPI row
  ++c.out.rows_read;
  if (!cols.complete()) {  // an error: the rates it may print go unchecked
    skip_row(c.out, c.path, row.line,
             "row under an incomplete header (施策番号 … 項目, 基準値, 目標値, 令和N年度末時点, "
             "達成率): columns unknown, its values and rates are not read",
             model::Severity::error);
    return;
  }
  if (starts_measure) c.measure = measure_of(row, cols);
  if (!kpi) {
    skip(c, row.line,
         fmt::format("{}: no KPI in the sheet (項目 and values empty)", measure_label(*c.measure)));
    return;
  }
  if (!c.measure) {
    skip(c, row.line, "KPI row with no measure above it (empty 施策番号 and 施策)");
    return;
  }
  if (c.measure->id.empty())
    warn(c, row.line,
         fmt::format("{}: KPI without a 施策番号; its id is empty", measure_label(*c.measure)));
  read_kpis(c, row);
  ++c.out.rows_used;
}

std::string missing_header_cells(const Columns& cols) {
  std::vector<std::string> missing;
  if (cols.id < 0) missing.emplace_back("施策番号");
  if (cols.name < 0) missing.emplace_back("項目");
  if (cols.baseline < 0) missing.emplace_back("基準値");
  if (cols.target < 0 || !cols.final_year) missing.emplace_back("目標値 (令和N年度末時点)");
  if (cols.actual < 0 || !cols.actual_year) missing.emplace_back("令和N年度末時点");
  if (cols.rate < 0) missing.emplace_back("達成率");
  std::string out;
  for (const auto& m : missing) out += (out.empty() ? "" : ", ") + m;
  return out;
}

void read_header_row(Context& c, const Row& row) {
  if (is_first_header_row(row)) {
    c.columns = Columns{};  // a new table
    c.header_line = row.line;
  }
  read_header(row, c.columns);
  if (is_second_header_row(row) && !c.columns.complete())
    diagnose(c, row.line, model::Severity::error, "input.layout",
             "table header without " + missing_header_cells(c.columns));
}

bool starts_with_any(std::string_view s, std::initializer_list<std::string_view> prefixes) {
  return std::any_of(prefixes.begin(), prefixes.end(), [&](auto p) { return starts_with(s, p); });
}

bool only_first_cell(const Row& row) {
  return std::all_of(row.original.begin() + 1, row.original.end(),
                     [](const auto& c) { return c.empty(); });
}

void read_line(Context& c, const Row& row) {
  if (row.blank()) return;
  std::string_view first = row.norm(0);
  if (starts_with_any(first, {"【基本目標", "[基本目標"}) && only_first_cell(row)) {
    c.goal = std::string(row.cell(0));
    c.goal_level = plan_level("goal", bracket_code(first, "基本目標"), row.cell(0));
    c.direction_level = {};
    return;
  }
  if (starts_with_any(first, {"【基本的方向", "[基本的方向"}) && only_first_cell(row)) {
    c.direction_level = plan_level("direction", bracket_code(first, "基本的方向"), row.cell(0));
    return;
  }
  if (is_first_header_row(row) || is_second_header_row(row)) return read_header_row(c, row);
  if (row.original.size() < 2 || !c.header_line) return;  // title and prose around the tables
  read_table_row(c, row);
}

// (再掲) rows repeat a measure printed elsewhere in the sheet: find it by name (normalised: a
// re-listing may print it in other widths).
void resolve_relisted(Context& c) {
  std::unordered_map<std::string, std::string> original_ids;  // measure's name_form → id
  for (const auto& ind : c.out.indicators)
    if (!ind.relisted_of) original_ids.try_emplace(text::name_form(ind.measure), ind.id);
  for (auto& ind : c.out.indicators) {
    if (!ind.relisted_of) continue;
    if (auto it = original_ids.find(text::name_form(ind.measure)); it != original_ids.end())
      ind.relisted_of = it->second;
    if (ind.relisted_of->empty())
      note(c, ind.source.line,
           fmt::format("{}: (再掲) row whose original measure '{}' is not in "
                       "this sheet",
                       ind.id, ind.measure));
  }
}

}  // namespace

int sniff(std::string_view text) {
  if (!contains(text, "\t")) return 0;
  // Words and their weights; a sheet scores 7 or more. The search stops once the words left
  // cannot reach that.
  constexpr std::pair<std::string_view, int> words[] = {{"施策番号\t", 4},
                                                        {"項目\t基準値\t", 3},
                                                        {"年度末時点", 2},
                                                        {"変更後の目標値", 2},
                                                        {"各種施策の取組状況", 2}};
  int score = 0, left = max_sniff_score;
  for (const auto& [word, weight] : words) {
    if (score + left < 7) return 0;
    left -= weight;
    if (contains(text, word)) score += weight;
  }
  return score >= 7 ? score : 0;
}

model::ParseOutput parse(std::string_view text, std::string_view path) {
  model::ParseOutput out;
  Context c{model::SharedName(path), out, {}, 0, {}, {}, {}, std::nullopt};
  int number = 0;
  RowReader reader;
  text::LineReader lines(text);
  for (std::string_view line; lines.next(line);) read_line(c, reader.read(line, ++number));
  resolve_relisted(c);
  if (!c.header_line)
    diagnose(c, 1, model::Severity::error, "input.no-rows",
             "expected a table header with 施策番号 and 項目 / 基準値 / 目標値 / 達成率 cells");
  return out;
}

}  // namespace kpi::formats::toyama
