// Joetsu KPI progress table (上越市, tab-separated, exported from an HTML table).
//
// The table repeats its two header rows (政策分野 … / 項目 戦略策定時 現状値（R5年度末）
// 目標（R6）) before every block; the second gives the order of the value columns and the
// fiscal years of the current value and the target. Cells merged over several rows were
// dropped by the export, so a row's cells start at different columns: the KPI name (項目) is
// the first cell that is no heading, and the three cells after it are the values in header
// order; further cells list the main projects (主な具体的事業), which are no KPI.
// Heading rows give the policy field (分野1【しごとづくり】…), the basic direction (A-1 …) and
// the measure (A-1-1 …); a 数値目標 cell starts the numeric targets of the policy field.
#include "kpi/formats/joetsu.hpp"

#include "kpi/formats/grid_headers.hpp"
#include "kpi/formats/parse_kit.hpp"

#include <algorithm>
#include <array>
#include <cstring>
#include <map>

#include <fmt/format.h>

#include "kpi/formats/mid_plan.hpp"
#include "kpi/formats/part_matching.hpp"
#include "kpi/formats/plan_path.hpp"
#include "kpi/formats/value_parts.hpp"
#include "kpi/model/measured_year.hpp"
#include "kpi/text/era.hpp"
#include "kpi/text/line_reader.hpp"
#include "kpi/text/mapped.hpp"
#include "kpi/text/markup.hpp"
#include "kpi/text/normalize.hpp"
#include "kpi/text/stable_text.hpp"
#include "kpi/text/strings.hpp"

namespace kpi::formats::joetsu {
namespace {

using text::contains;
using text::starts_with;

constexpr std::string_view municipality = "joetsu";
constexpr std::string_view numeric_target_marker = "数値目標";

// -- rows and cells ------------------------------------------------------------------------

struct Cell {
  std::string_view text;        // markup removed, spaces squeezed, original characters
  std::string_view normalized;  // NFKC of `text`
};

struct Row {
  int line = 0;
  std::vector<Cell> cells;

  std::size_t first_filled(std::size_t from = 0) const {
    while (from < cells.size() && cells[from].text.empty()) ++from;
    return from;
  }
  std::size_t filled_count() const {
    return static_cast<std::size_t>(
        std::count_if(cells.begin(), cells.end(), [](const Cell& c) { return !c.text.empty(); }));
  }
};

// Reads the lines of a sheet one at a time into the same row: a cell is a view of the line
// when it needs no cleaning and no normalisation, else of a buffer kept for the next line.
class RowReader {
 public:
  const Row& read(std::string_view line, int number) {
    fields_.clear();
    for (std::size_t start = 0;;) {
      auto tab = line.find('\t', start);
      fields_.push_back(line.substr(start, tab == std::string_view::npos ? tab : tab - start));
      if (tab == std::string_view::npos) break;
      start = tab + 1;
    }
    if (texts_.size() < fields_.size()) texts_.resize(fields_.size());
    if (normalized_.size() < fields_.size()) normalized_.resize(fields_.size());
    row_.line = number;
    row_.cells.clear();
    for (std::size_t i = 0; i < fields_.size(); ++i) {
      auto text = cleaned(fields_[i], texts_[i]);
      row_.cells.push_back({text, text::normalized_view(text, normalized_[i])});
    }
    return row_;
  }

 private:
  // The field without markup and with its spaces squeezed.
  static std::string_view cleaned(std::string_view field, std::string& buffer) {
    bool plain = !std::memchr(field.data(), '<', field.size()) &&
                 !std::memchr(field.data(), '&', field.size());
    if (plain && text::is_squeezed(field)) return field;
    buffer = text::squeeze_spaces(plain ? field : text::strip_markup(field));
    return buffer;
  }

  Row row_;
  std::vector<std::string_view> fields_;
  std::vector<std::string> texts_, normalized_;
};

// -- header --------------------------------------------------------------------------------

enum class Kind { baseline, current, target };

struct Columns {
  bool usable = false;
  std::string rate_header;  // a 達成率 column's header: a column this layout does not read
  int current_year = 0;     // 現状値（R5年度末） → 2023
  int target_year = 0;      // 目標（R6） → 2024
  std::array<Kind, 3> order{Kind::baseline, Kind::current, Kind::target};  // after the name
};

bool is_header_row(const Row& row) {
  return std::any_of(row.cells.begin(), row.cells.end(), [](const Cell& c) {
    return c.normalized == "項目" || starts_with(c.normalized, "政策分野");
  });
}

bool is_column_header(const Row& row) {
  return std::any_of(row.cells.begin(), row.cells.end(),
                     [](const Cell& c) { return c.normalized == "項目"; });
}

Columns read_columns(const Row& row) {
  Columns columns;
  std::vector<std::pair<std::size_t, Kind>> found;
  for (std::size_t i = 0; i < row.cells.size(); ++i) {
    const auto& s = row.cells[i].normalized;
    if (starts_with(s, "戦略策定時")) found.emplace_back(i, Kind::baseline);
    if (starts_with(s, "現状値")) {
      found.emplace_back(i, Kind::current);
      columns.current_year = text::fiscal_year_in(s).value_or(0);
    }
    if (starts_with(s, "目標")) {
      found.emplace_back(i, Kind::target);
      columns.target_year = text::fiscal_year_in(s).value_or(0);
    }
    // Any word a grid reads as a rate column (達成率, 到達率, 進捗状況, 対目標比 …).
    if (text::contains(s, "達成率") || text::contains(s, "進捗率") || text::contains(s, "達成度") ||
        formats::grid_headers::read_normalized_header(s).role == formats::grid_headers::Role::rate)
      columns.rate_header = s;
  }
  // Values are read by position after the name: a column of rates among them would shift
  // them, and its rates would go unchecked.
  if (!columns.rate_header.empty()) return columns;
  if (found.size() != 3 || !columns.current_year) return columns;
  std::sort(found.begin(), found.end());
  for (std::size_t k = 0; k < 3; ++k) columns.order[k] = found[k].second;
  columns.usable = true;
  return columns;
}

// -- headings ------------------------------------------------------------------------------

enum class Level { field, direction, measure };

struct Heading {
  Level level;
  std::string code;   // "分野1", "A-1", "A-1-1"
  std::string title;  // field: the whole cell; others: the text after the code
};

// "分野1【しごとづくり】安定的で…": a policy field.
std::optional<Heading> field_heading(const Cell& cell) {
  constexpr std::string_view field = "分野";
  const auto& s = cell.normalized;
  if (!starts_with(s, field)) return std::nullopt;
  std::size_t i = field.size();
  while (i < s.size() && text::is_ascii_digit(s[i])) ++i;
  if (i == field.size() || !starts_with(s.substr(i), "【")) return std::nullopt;
  return Heading{Level::field, std::string(s.substr(0, i)), std::string(cell.text)};
}

// "A-1 地域産業の活性化" (a basic direction), "A-1-1 地域産業の…" (a measure).
std::optional<Heading> code_heading(const Cell& cell) {
  const auto& s = cell.normalized;
  if (s.size() < 4 || s[0] < 'A' || s[0] > 'Z' || s[1] != '-') return std::nullopt;
  std::size_t i = 1;
  int levels = 0;
  while (i + 1 < s.size() && s[i] == '-' && text::is_ascii_digit(s[i + 1])) {
    ++levels;
    for (++i; i < s.size() && text::is_ascii_digit(s[i]);) ++i;
  }
  if (levels == 0 || levels > 2 || (i < s.size() && s[i] != ' ')) return std::nullopt;
  text::MappedText mapped;
  text::normalize_mapped_into(cell.text, mapped);
  std::string title(text::trim(mapped.original_slice(i, s.size())));
  return Heading{levels == 1 ? Level::direction : Level::measure, std::string(s.substr(0, i)),
                 title};
}

std::optional<Heading> heading_of(const Cell& cell) {
  if (auto h = field_heading(cell)) return h;
  return code_heading(cell);
}

// Where the KPIs below a heading belong.
struct Place {
  std::string goal;     // the policy field's heading
  std::string field;    // "分野1"
  std::string id;       // "A-1-1", or the field for its numeric targets
  std::string measure;  // the measure's title, or "数値目標"
  model::PlanLevel field_level, direction_level, measure_level;  // as printed
};

void enter(Place& place, const Heading& h) {
  if (h.level == Level::field) {
    place = {h.title, h.code, "", "", plan_level("goal", h.code, h.title), {}, {}};
    return;
  }
  place.id = h.code;
  place.measure = h.title;
  if (h.level == Level::direction) {
    place.direction_level = plan_level("direction", h.code, h.title);
    place.measure_level = {};
  } else {
    place.measure_level = plan_level("measure", h.code, h.title);
  }
}

// -- output helpers ------------------------------------------------------------------------

struct Context {
  model::SharedName path;  // the file's name, shared by its locations
  Columns columns;
  Place place;
  std::map<std::string, int> seq;  // KPIs seen per id
  model::ParseOutput& out;
};

void diagnose(Context& c, int line, model::Severity severity, std::string code,
              std::string message) {
  c.out.diagnostics.push_back({{c.path, line}, severity, std::move(code), std::move(message)});
}

void skip(Context& c, int line, std::string reason) {
  skip_row(c.out, c.path, line, std::move(reason));
}

void add_note(std::string& notes, std::string_view piece) {
  if (piece.empty()) return;
  if (!notes.empty()) notes += "; ";
  notes += piece;
}

// -- values of one KPI ---------------------------------------------------------------------

// The three value cells of a row in the order baseline, current, target.
struct RowValues {
  std::array<ValueCell, 3> cells;
  const ValueCell& baseline() const { return cells[0]; }
  const ValueCell& current() const { return cells[1]; }
  const ValueCell& target() const { return cells[2]; }
};

constexpr std::size_t baseline_slot = 0, current_slot = 1, target_slot = 2;

std::size_t slot_of(Kind kind) {
  switch (kind) {
    case Kind::baseline:
      return baseline_slot;
    case Kind::current:
      return current_slot;
    case Kind::target:
      break;
  }
  return target_slot;
}

// A value's time point: its own, its total's (a breakdown part), or the cell's.
const TimePoint* time_of(const ValueCell& cell, const ValuePart* part) {
  if (part && part->time) return &*part->time;
  for (const auto& total : cell.parts)
    for (const auto& p : total.breakdown)
      if (&p == part && total.time) return &*total.time;
  return cell.time ? &*cell.time : nullptr;
}

// The printed value of a group in a cell: its part, or the whole cell when it prints no
// number (qualitative text, "-"), or nothing when the cell's values could not be assigned.
model::Value value_of(const ValueCell& cell, const PartMatch& match) {
  if (match.part) return match.part->value;
  if (!match.why_absent.empty()) return {};
  return {std::nullopt, cell.text};
}

// "※R4実績は未確定", "※R5実績は6月上旬頃確定", "※R5数値はR6.12確定 見込": not final yet.
bool says_not_final(std::string_view remark) {
  auto s = text::normalize(remark);
  if (contains(s, "未確定")) return true;
  bool settles = contains(s, "確定") || contains(s, "把握");
  return settles && (contains(s, "予定") || contains(s, "頃") || contains(s, "見込"));
}

model::Baseline baseline_of(const ValueCell& cell, const PartMatch& match) {
  model::Baseline b;
  b.value = value_of(cell, match);
  if (const auto* time = time_of(cell, match.part)) {
    b.fiscal_year = time->fiscal_year;
    // "4,246人 (H26～H30の平均値)": no single year, so the period stays with the value.
    if (!time->fiscal_year && match.part) b.value.text += " (" + time->text + ")";
  }
  if (match.part)
    for (const auto& r : match.part->references) b.alternatives.push_back(r.value);
  return b;
}

model::FinalTarget target_of(const ValueCell& cell, const PartMatch& match, int year) {
  model::FinalTarget t;
  t.value = value_of(cell, match);
  if (match.part) t.qualifier = match.part->qualifier;
  if (year) t.fiscal_year = year;
  return t;
}

model::Observation observation_of(const ValueCell& cell, const PartMatch& match, int year,
                                  const model::SourceLocation& source) {
  model::Observation o;
  o.fiscal_year = year;
  o.actual = value_of(cell, match);
  o.source = source;
  if (const auto* time = time_of(cell, match.part)) {
    if (time->fiscal_year && *time->fiscal_year != year) o.actual_fiscal_year = time->fiscal_year;
    if (!time->fiscal_year) add_note(o.notes, fmt::format("period {}", time->text));
  }
  o.provisional = says_not_final(cell.remark);
  add_note(o.notes, cell.remark);
  if (match.part && !match.part->reference_text.empty())
    add_note(o.notes, "(" + match.part->reference_text + ")");
  if (!cell.parts.empty()) add_note(o.notes, cell.leftover);
  add_note(o.notes, match.why_absent);
  model::file_under_measured_year(o);
  return o;
}

// The unit printed with the baseline, else the target's, else the current value's.
std::string unit_of(const PartGroup& g) {
  for (std::size_t slot : {baseline_slot, target_slot, current_slot})
    if (const auto* p = g.matches[slot].part; p && !p->unit.empty()) return p->unit;
  return "";
}

// Exact comparison of two printed decimals (-1, 0, 1); no binary floating point.
int compare(const model::Decimal& a, const model::Decimal& b) {
  int scale = std::max(a.scale, b.scale);
  __extension__ typedef __int128 wide;
  wide x = a.units, y = b.units;
  for (int k = a.scale; k < scale; ++k) x *= 10;
  for (int k = b.scale; k < scale; ++k) y *= 10;
  return x < y ? -1 : x > y ? 1 : 0;
}

// Direction from the target's qualifier (以上 / 以下 / を維持), else from the target against
// the baseline: above it = increase, equal = maintain. A target below the baseline says
// nothing: in this sheet it is how a decline is limited (認定農業者数 1,150人 → 1,040人,
// 路線バス…の利用者数) far more often than a decrease indicator, so it stays unknown.
void set_direction(model::Indicator& ind) {
  using model::Direction;
  ind.direction = direction_of(ind.final_target.qualifier);
  if (ind.direction != Direction::unknown) {
    ind.direction_source = model::DirectionSource::qualifier;
    ind.direction_text = model::to_string(ind.final_target.qualifier);
    return;
  }
  const auto& target = ind.final_target.value.number;
  const auto& base = ind.baseline.value.number;
  if (!target || !base) return;
  int cmp = compare(*target, *base);
  if (cmp < 0) return;
  ind.direction = cmp > 0 ? Direction::increase : Direction::maintain;
  ind.direction_source = model::DirectionSource::inferred;
}

// -- checks on the printed values ----------------------------------------------------------

void check_units(Context& c, const model::Indicator& ind, const PartGroup& g) {
  static constexpr std::array<std::pair<std::size_t, const char*>, 3> slots = {
      {{baseline_slot, "baseline"}, {current_slot, "current value"}, {target_slot, "target"}}};
  std::string listed;
  bool differ = false;
  for (const auto& [slot, name] : slots) {
    const auto* p = g.matches[slot].part;
    if (!p) continue;
    differ = differ || p->unit != ind.unit;
    add_note(listed, fmt::format("{} {}", name, p->value.text));
  }
  if (differ)
    diagnose(c, ind.source.line, model::Severity::note, "input.unit-differs",
             fmt::format("{} {}: the cells print different units ({}); unit taken as '{}'", ind.id,
                         ind.name, listed, ind.unit));
}

void report_absent(Context& c, const model::Indicator& ind, const PartGroup& g) {
  static constexpr std::array<std::pair<std::size_t, const char*>, 3> slots = {
      {{baseline_slot, "baseline"}, {current_slot, "current value"}, {target_slot, "target"}}};
  for (const auto& [slot, name] : slots)
    if (!g.matches[slot].why_absent.empty())
      diagnose(c, ind.source.line, model::Severity::warning, "input.ambiguous-value",
               fmt::format("{} {}: {} left empty: {}", ind.id, ind.name, name,
                           g.matches[slot].why_absent));
}

void report_unknown_direction(Context& c, const model::Indicator& ind) {
  if (ind.direction != model::Direction::unknown || !ind.final_target.value.number ||
      !ind.baseline.value.number)
    return;
  diagnose(c, ind.source.line, model::Severity::note, "input.direction-unknown",
           fmt::format("{} {}: direction unknown: the target {} is below the baseline {} and the "
                       "sheet does not say whether less is better or a decline is being limited",
                       ind.id, ind.name, ind.final_target.value.text, ind.baseline.value.text));
}

// -- KPI rows ------------------------------------------------------------------------------

model::Indicator indicator_of(Context& c, const Row& row, const std::string& name,
                              const RowValues& v, const PartGroup& g) {
  model::Indicator ind;
  ind.municipality = std::string(municipality);
  ind.id = c.place.id;
  ind.seq = ++c.seq[ind.id];
  ind.name = g.label.empty() ? name : fmt::format("{} ({})", name, g.label);
  ind.goal = c.place.goal;
  ind.measure = c.place.measure;
  for (const auto* level : {&c.place.field_level, &c.place.direction_level, &c.place.measure_level})
    add_level(ind.plan_path, *level);
  ind.cumulative = contains(text::normalize(name), "累計");
  ind.source = {c.path, row.line};
  ind.unit = unit_of(g);
  ind.baseline = baseline_of(v.baseline(), g.matches[baseline_slot]);
  ind.final_target = target_of(v.target(), g.matches[target_slot], c.columns.target_year);
  ind.observations.push_back(
      observation_of(v.current(), g.matches[current_slot], c.columns.current_year, ind.source));
  set_direction(ind);
  apply_mid_plan_start(ind);
  return ind;
}

RowValues values_of(const Row& row, std::size_t name_index, const Columns& columns) {
  RowValues v;
  for (std::size_t k = 0; k < 3; ++k) {
    std::size_t i = name_index + 1 + k;
    v.cells[slot_of(columns.order[k])] =
        read_value_cell(i < row.cells.size() ? row.cells[i].text : "");
  }
  return v;
}

bool all_empty(const RowValues& v) {
  return std::all_of(v.cells.begin(), v.cells.end(),
                     [](const ValueCell& cell) { return cell.text.empty(); });
}

// "1,150人 (H31.4)" where a name should be: a row that lost its name cell.
bool is_values_only(std::string_view cell) {
  auto v = read_value_cell(cell);
  return !v.parts.empty() && v.parts.front().label.empty() && v.leftover.empty();
}

void read_kpi_row(Context& c, const Row& row, std::size_t name_index) {
  ++c.out.rows_read;
  std::string name(row.cells[name_index].text);
  if (!c.columns.usable) {
    skip(c, row.line, "KPI row without a usable header row above it (項目 戦略策定時 現状値 目標)");
    return;
  }
  if (c.place.id.empty()) {
    skip(c, row.line, "KPI row before any policy field, measure or 数値目標 heading: no id");
    return;
  }
  if (is_values_only(name)) {
    skip(c, row.line, "row starts with a value, not a KPI name (項目)");
    return;
  }
  auto values = values_of(row, name_index, c.columns);
  if (all_empty(values)) {
    skip(c, row.line, fmt::format("'{}': no baseline, current value or target", name));
    return;
  }
  auto groups = match_parts({&values.cells[0], &values.cells[1], &values.cells[2]}, target_slot);
  for (const auto& g : groups) {
    auto ind = indicator_of(c, row, name, values, g);
    check_units(c, ind, g);
    report_absent(c, ind, g);
    report_unknown_direction(c, ind);
    c.out.indicators.push_back(std::move(ind));
  }
  ++c.out.rows_used;
}

// -- the table -----------------------------------------------------------------------------

// Heading cells of a row ("C-2 …", "C-2-1 …" may share one), entered in order. Other cells
// of a heading row list main projects.
bool read_headings(Context& c, const Row& row) {
  std::size_t first = row.first_filled();
  if (!heading_of(row.cells[first])) return false;
  for (const auto& cell : row.cells)
    if (auto h = heading_of(cell)) enter(c.place, *h);
  return true;
}

// A 数値目標 cell: the KPIs from here to the next heading are the field's numeric targets.
std::size_t after_marker(Context& c, const Row& row, std::size_t first) {
  if (row.cells[first].normalized != numeric_target_marker) return first;
  c.place.id = c.place.field;
  c.place.measure = std::string(numeric_target_marker);
  c.place.direction_level = {};
  c.place.measure_level = plan_level("measure", "", numeric_target_marker);
  return row.first_filled(first + 1);
}

void read_line(Context& c, const Row& row) {
  std::size_t first = row.first_filled();
  if (first == row.cells.size()) return;  // blank
  if (is_header_row(row)) {
    if (is_column_header(row)) c.columns = read_columns(row);
    if (is_column_header(row) && !c.columns.rate_header.empty())
      diagnose(c, row.line, model::Severity::error, "input.layout",
               fmt::format("header row with a rate column ({}): the Joetsu layout reads "
                           "戦略策定時, 現状値 and 目標 by their place after 項目, and a rate "
                           "column among them is not read: its rows are skipped, for the rates "
                           "they print cannot be checked",
                           c.columns.rate_header));
    else if (is_column_header(row) && !c.columns.usable)
      diagnose(c, row.line, model::Severity::error, "input.layout",
               "header row without 戦略策定時, 現状値（R?年度末） and 目標 columns");
    return;
  }
  if (read_headings(c, row)) return;
  bool table_started = c.columns.usable || !c.place.goal.empty();
  bool lone_text = row.filled_count() == 1;
  if (lone_text && (!table_started || starts_with(row.cells[first].normalized, "※")))
    return;  // title above the table, footnote below it
  std::size_t name_index = after_marker(c, row, first);
  if (name_index == row.cells.size()) return;  // a 数値目標 cell alone
  read_kpi_row(c, row, name_index);
}

}  // namespace

int sniff(std::string_view text) {
  // Words and their weights, rarest first; a sheet scores 9 or more. The search stops once
  // the words left cannot reach that.
  constexpr std::pair<std::string_view, int> words[] = {
      {"戦略策定時", 3}, {"具体的施策", 2}, {"現状値", 2}, {"\t", 2}, {"重要業績評価指標", 1}};
  int score = 0, left = max_sniff_score;
  for (const auto& [word, weight] : words) {
    if (score + left < 9) return 0;
    left -= weight;
    if (contains(text, word)) score += weight;
  }
  return score >= 9 ? score : 0;
}

model::ParseOutput parse(std::string_view text, std::string_view path) {
  model::ParseOutput out;
  Context c{model::SharedName(path), {}, {}, {}, out};
  int number = 0;
  bool saw_header = false;
  RowReader reader;
  text::LineReader lines(text);
  for (std::string_view line; lines.next(line);) {
    const auto& row = reader.read(line, ++number);
    saw_header = saw_header || is_column_header(row);
    read_line(c, row);
  }
  if (!saw_header)
    diagnose(c, 1, model::Severity::error, "input.layout",
             "expected a header row with 項目, 戦略策定時, 現状値（R?年度末） and 目標（R?）");
  return out;
}

}  // namespace kpi::formats::joetsu
