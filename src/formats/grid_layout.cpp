#include "kpi/formats/grid_layout.hpp"
#include "kpi/formats/parse_kit.hpp"

#include <algorithm>
#include <array>
#include <atomic>
#include <cctype>
#include <map>
#include <unordered_map>

#include <fmt/format.h>

#include "kpi/calc/profile.hpp"
#include "kpi/formats/body_of_sheet.hpp"
#include "kpi/formats/grid_direction.hpp"
#include "kpi/formats/grid_fractions.hpp"
#include "kpi/formats/grid_headers.hpp"
#include "kpi/formats/grid_stacked.hpp"
#include "kpi/formats/grid_tables.hpp"
#include "kpi/formats/grid_values.hpp"
#include "kpi/formats/name_unit.hpp"
#include "kpi/formats/plan_path.hpp"
#include "kpi/grid/delimited.hpp"
#include "kpi/text/body_name.hpp"
#include "kpi/text/era.hpp"
#include "kpi/text/normalize.hpp"
#include "kpi/text/percentage.hpp"
#include "kpi/text/strings.hpp"
#include "kpi/util/alongside.hpp"
#include "kpi/util/occurrence_counter.hpp"
#include "kpi/util/parallel_chunks.hpp"
#include "kpi/util/thread_count.hpp"

namespace kpi::formats::grid_layout {
namespace {

using grid_headers::Column;
using grid_headers::HeaderMap;
using grid_headers::Role;

constexpr std::size_t sniffed_bytes = 64 * 1024;

// The columns of one fiscal year.
struct YearColumns {
  int target = -1, actual = -1, rate = -1, grade = -1;
};

constexpr std::size_t role_count = static_cast<std::size_t>(Role::municipality) + 1;

struct Layout {
  HeaderMap header;
  std::map<int, YearColumns> years;  // by fiscal year
  int final_target = -1;
  std::optional<int> final_year;
  std::optional<int> baseline_year_in_header;
  // Stacked value rows (grid_stacked.hpp): the column of kind labels, and the columns headed
  // by a year alone with their years. -1 and none when the rows are not stacked.
  int kind_column = -1;
  std::vector<std::pair<int, int>> stacked_years;
  // Value columns without a year when neither the header nor the title or sheet name gives
  // one: their values cannot be filed under a year, so they are not read (an error says so).
  std::vector<const Column*> undated;
  // Columns of the same year and role as another: {the column read, the one left out}.
  std::vector<std::pair<int, int>> unread;
  const std::vector<int>* hidden_cols = nullptr;  // the sheet's, ascending
  std::array<int, role_count> first_column{};     // by role: the first column, or -1
  // The header's last column with a title, read or not (前年度比, 備考): a delimited row with
  // values past it was split by an unquoted comma (wider_than_header).
  int last_titled_column = -1;
  int column(Role role) const { return first_column[static_cast<std::size_t>(role)]; }
};

// The last column of the header rows holding any text, or of a column read.
int last_titled_column(const grid::Sheet& sheet, const HeaderMap& header) {
  int last = -1;
  for (const auto& c : header.columns) last = std::max(last, c.index);
  for (int r = header.first_row; r <= header.last_row; ++r) {
    const auto& cells = sheet.rows[static_cast<std::size_t>(r)];
    for (int c = static_cast<int>(cells.size()) - 1; c > last; --c)
      if (!cell_text(&cells[static_cast<std::size_t>(c)]).empty()) {
        last = c;
        break;
      }
  }
  return last;
}

void index_columns(Layout& layout) {
  layout.first_column.fill(-1);
  for (const auto& c : layout.header.columns) {
    auto& slot = layout.first_column[static_cast<std::size_t>(c.role)];
    if (slot < 0) slot = c.index;
  }
}

int& slot(YearColumns& y, Role role) {
  switch (role) {
    case Role::target:
      return y.target;
    case Role::actual:
      return y.actual;
    case Role::rate:
      return y.rate;
    default:
      return y.grade;
  }
}

bool is_year_role(Role r) {
  return r == Role::target || r == Role::actual || r == Role::rate || r == Role::grade;
}

// The latest year that has an actual column (a rate or grade column without a year is the
// evaluation of the latest actual).
std::optional<int> latest_actual_year(const Layout& layout) {
  std::optional<int> year;
  for (const auto& [y, cols] : layout.years)
    if (cols.actual >= 0) year = y;
  return year;
}

// The one year whose rate column has neither a target nor an actual column of its year
// (達成率(R4) beside an undated 実績値), or none.
std::optional<int> rate_only_year(const Layout& layout) {
  std::optional<int> year;
  for (const auto& [y, cols] : layout.years) {
    if (cols.rate < 0 || cols.actual >= 0 || cols.target >= 0) continue;
    if (year) return std::nullopt;
    year = y;
  }
  return year;
}

// A target whose year has no actual column is the final target (目標値（R6）).
void find_final_target(Layout& layout) {
  if (const auto* c = layout.header.find(Role::final_target)) {
    layout.final_target = c->index;
    layout.final_year = c->fiscal_year;
    return;
  }
  for (auto it = layout.years.rbegin(); it != layout.years.rend(); ++it) {
    if (it->second.actual >= 0 || it->second.target < 0) continue;
    layout.final_target = it->second.target;
    layout.final_year = it->first;
    it->second.target = -1;
    return;
  }
}

// A cell printing a rate: a number alone, with % or nothing after it ("75.0%", "0.9"), or
// one percentage among words or a grade ("B（91.4%）").
bool prints_a_rate(std::string_view normalized) {
  auto v = text::parse_cell(normalized, normalized);
  return (v.value.number && (v.unit.empty() || v.unit == "%")) ||
         !lone_percentage(normalized).empty();
}

// What a 達成度 / 進捗状況 column holds below the header: rates (numbers), grades (A–D,
// ◎○△×; under a 状況 header also short words, 順調) or remarks (sentences). Counted over its
// first 200 rows. Under 達成率 or 達成度 one printed rate keeps the column a rate column: its
// words (○, ×, 集計中) are rates not given as numbers, each unchecked, and a wrong number among
// them is still caught; only a column without any number is a grade.
Role role_by_values(const grid::Sheet& sheet, int first_row, const Column& column) {
  bool status_header = column.header.find("状況") != std::string::npos;
  const std::size_t longest_grade = status_header ? 12 : 3;  // bytes: 概ね順調, ◎
  int col = column.index;
  int words = 0, numbers = 0, sentences = 0, percentages = 0;
  int end = std::min(static_cast<int>(sheet.rows.size()), first_row + 200);
  for (int r = first_row; r < end; ++r) {
    auto t = text::normalize(cell_text(sheet.at(r, col)));
    if (t.empty() || text::is_no_value(t)) continue;
    if (prints_a_rate(t))
      ++numbers;
    else if (t.size() <= longest_grade)
      ++words;
    else
      ++sentences;
    percentages += text::prints_a_percentage(t);
  }
  if (!status_header) return numbers == 0 && words > 0 ? Role::grade : Role::rate;
  // A percentage among 順調 / 概ね順調 is a rate printed: the column is read as rates (its
  // words unchecked), or a wrong one would pass as a grade.
  if (percentages > 0) return Role::rate;
  if (numbers >= words && numbers >= sentences) return Role::rate;
  return words >= sentences ? Role::grade : Role::note;
}

// A 評価 / 達成評価 column of a sheet without a rate column that prints a percentage
// (80.0%, B（85.0%）) prints rates: read as a rate column, its grades (B, C) unchecked, so that
// a wrong percentage among them does not pass as a grade.
bool grades_print_percentages(const grid::Sheet& sheet, int first_row, const Column& column) {
  int end = std::min(static_cast<int>(sheet.rows.size()), first_row + 200);
  for (int r = first_row; r < end; ++r) {
    auto t = text::normalize(cell_text(sheet.at(r, column.index)));
    if (!t.empty() && text::prints_a_percentage(t)) return true;
  }
  return false;
}

void reclassify_rates(HeaderMap& header, const grid::Sheet& sheet) {
  for (auto& c : header.columns) {
    if (c.role == Role::rate) c.role = role_by_values(sheet, header.last_row + 1, c);
    if (c.role == Role::grade && !header.find(Role::rate) &&
        grades_print_percentages(sheet, header.last_row + 1, c))
      c.role = Role::rate;
  }
}

bool is_hidden_column(const grid::Sheet& sheet, int col) {
  return std::binary_search(sheet.hidden_cols.begin(), sheet.hidden_cols.end(), col);
}

// A hidden column (達成率(計算用)) beside a visible one of the same role and year: the visible
// one is what the sheet prints and what is checked; the hidden one is left out.
void prefer_visible_columns(HeaderMap& header, const grid::Sheet& sheet) {
  auto same_place = [](const Column& a, const Column& b) {
    return a.role == b.role && a.fiscal_year == b.fiscal_year && a.year_offset == b.year_offset &&
           a.era_less_year == b.era_less_year;
  };
  std::vector<Column> kept;
  for (const auto& c : header.columns) {
    bool shadowed =
        is_hidden_column(sheet, c.index) &&
        std::any_of(header.columns.begin(), header.columns.end(), [&](const Column& other) {
          return same_place(other, c) && !is_hidden_column(sheet, other.index);
        });
    if (!shadowed) kept.push_back(c);
  }
  header.columns = std::move(kept);
}

// A year's target, actual or rate column: `col` when the slot is free or `later_wins`; the
// column left out is noted (a warning names it). Of a hidden column and a printed one, the
// printed one is read and nothing noted, in either order: 達成率(計算用), given the title's
// year only here, beside 達成率（R5）.
void take_slot(Layout& layout, int& slot, int col, bool later_wins) {
  auto hidden = [&](int c) {
    return std::binary_search(layout.hidden_cols->begin(), layout.hidden_cols->end(), c);
  };
  if (slot >= 0 && hidden(slot) != hidden(col)) {
    if (hidden(slot)) slot = col;
    return;
  }
  if (slot >= 0) layout.unread.push_back({later_wins ? col : slot, later_wins ? slot : col});
  if (slot < 0 || later_wins) slot = col;
}

// A year printed without its era ("4年度") in the era of the sheet's year (令和5年度: 2022), when
// that lands within 15 years of it; else in the era before (平成 30年度 on a 令和 sheet).
std::optional<int> year_in_era_of(int context_year, int era_less_year) {
  constexpr int era_starts[] = {2018, 1988, 1925};  // the year before 令和1, 平成1, 昭和1
  for (int start : era_starts) {
    if (start >= context_year) continue;
    int year = start + era_less_year;
    if (std::abs(year - context_year) <= 15) return year;
  }
  return std::nullopt;
}

// Era-less years placed by the sheet's year, else by the latest year the header prints whole
// (4年度 beside 令和5年度).
void place_era_less_years(HeaderMap& header, std::optional<int> context_year) {
  auto context = context_year;
  for (const auto& c : header.columns)
    if (!context_year && c.fiscal_year && (!context || *c.fiscal_year > *context))
      context = c.fiscal_year;
  if (!context) return;
  for (auto& c : header.columns)
    if (!c.fiscal_year && c.era_less_year > 0)
      c.fiscal_year = year_in_era_of(*context, c.era_less_year);
}

Layout resolve(HeaderMap header, std::optional<int> context_year, const grid::Sheet& sheet) {
  place_era_less_years(header, context_year);
  Layout layout;
  layout.hidden_cols = &sheet.hidden_cols;
  layout.header = std::move(header);
  index_columns(layout);
  std::vector<const Column*> without_year;
  for (const auto& c : layout.header.columns) {
    if (c.role == Role::baseline && c.fiscal_year) layout.baseline_year_in_header = c.fiscal_year;
    if (!is_year_role(c.role)) continue;
    if (c.fiscal_year)
      take_slot(layout, slot(layout.years[*c.fiscal_year], c.role), c.index, true);
    else
      without_year.push_back(&c);
  }
  find_final_target(layout);
  auto latest = latest_actual_year(layout);
  auto rate_only = rate_only_year(layout);
  // Years in value headers, or headed alone (a stacked sheet's R3, R4 …): a target without
  // one is the final target.
  bool year_columns = !layout.years.empty() || layout.header.find(Role::year) != nullptr;
  // A plan's table (基準値 and 目標値, no actual or rate yet): its target is the final one.
  bool plan_only = !layout.header.find(Role::actual) && !layout.header.find(Role::rate);
  // Targets and actuals first: an undated rate is the latest actual's, and that actual may be
  // undated itself (前年度実績 beside 達成率: both the sheet's year less one).
  std::stable_partition(without_year.begin(), without_year.end(), [](const Column* c) {
    return c->role == Role::actual || c->role == Role::target;
  });
  bool placed_values = false;
  for (const auto* c : without_year) {
    bool value = c->role == Role::actual || c->role == Role::target;
    if (!value && !placed_values) {
      latest = latest_actual_year(layout);
      placed_values = true;
    }
    if (c->role == Role::target && layout.final_target < 0 && (year_columns || plan_only)) {
      layout.final_target = c->index;
      continue;
    }
    auto year = c->role == Role::actual || c->role == Role::target ? context_year : latest;
    // An undated actual beside the one rate column it lacks is that rate's: the title's year
    // is the report's, and a report of FY2023 prints FY2022's actuals and rates.
    if (c->role == Role::actual && rate_only && c->year_offset == 0) year = rate_only;
    if (!year) year = latest ? latest : context_year;
    if (year && c->year_offset != 0) {
      // 前年度実績: the sheet's year less one, never the latest actual's (that may be its own).
      year = context_year ? std::optional(*context_year + c->year_offset) : std::nullopt;
    }
    if (!year) {
      layout.undated.push_back(c);
      continue;
    }
    take_slot(layout, slot(layout.years[*year], c->role), c->index, false);
  }
  return layout;
}

// Stacked value rows: when the header has columns headed by a year alone and a column below
// it holds kind labels (目標値 / 実績値), each KPI's rows give those years' values. The label
// column is sought among the columns that hold no value: unnamed ones, a 区分 (taken for an
// indicator type until now) or a note.
void find_stacked_rows(Layout& layout, const grid::Sheet& sheet) {
  std::vector<std::pair<int, int>> years;
  std::vector<int> named;
  for (const auto& c : layout.header.columns) {
    named.push_back(c.index);
    if (c.role == Role::year && c.fiscal_year) years.emplace_back(c.index, *c.fiscal_year);
  }
  if (years.empty()) return;
  std::vector<int> candidates;
  int width = years.back().first;
  for (int col = 0; col < width; ++col) {
    bool label_like = std::find(named.begin(), named.end(), col) == named.end() ||
                      col == layout.column(Role::type) || col == layout.column(Role::note);
    if (label_like) candidates.push_back(col);
  }
  auto kinds = grid_stacked::kind_column(sheet, layout.header.last_row + 1, candidates);
  if (!kinds) return;
  layout.kind_column = *kinds;
  layout.stacked_years = std::move(years);
  for (auto role : {Role::type, Role::note})
    if (layout.column(role) == *kinds) layout.first_column[static_cast<std::size_t>(role)] = -1;
}

// -- the rows -------------------------------------------------------------------------------

struct RowContext {
  const grid::Sheet& sheet;
  grid::MergedIndex merges;
  model::SharedName path;  // the file's name, shared by its locations
  const std::vector<int>& row_lines;
  std::string municipality{};       // the title's body: its profile slug, or "unknown"
  std::string municipality_name{};  // and its printed name, or ""
  // The goal and measure headings met so far, each kept once; a KPI names its own by index.
  std::vector<std::string> goals{std::string()}, measures{std::string()};
  // KPIs met so far by id: views of the ids in the started KPIs (take_row).
  util::OccurrenceCounter ids_seen{};
  std::vector<std::string> header_names{};  // the KPI column's title in each header row
};

int line_of(const RowContext& ctx, int row) {
  auto r = static_cast<std::size_t>(row);
  return r < ctx.row_lines.size() ? ctx.row_lines[r] : row + 1;
}

// A label cell's text as a view: of the cell's own text, or of `scratch` when it needs a
// change; a merged range gives every row its top-left text.
std::string_view label_into(const RowContext& ctx, int row, int col, std::string& scratch) {
  if (col < 0) return {};
  if (const auto* m = ctx.merges.at(row, col))
    return cell_text_view(ctx.sheet.at(m->first_row, m->first_col), scratch);
  return cell_text_view(ctx.sheet.at(row, col), scratch);
}

// The same as a string of its own.
std::string label_at(const RowContext& ctx, int row, int col) {
  std::string scratch;
  return std::string(label_into(ctx, row, col, scratch));
}

text::CellValue value_at(const grid::Sheet& sheet, int row, int col) {
  if (col < 0) return {};
  return read_grid_value(sheet.at(row, col), row, col);
}

bool row_empty(const grid::Sheet& sheet, int row) {
  for (const auto& c : sheet.rows[static_cast<std::size_t>(row)])
    if (!text::trim(c.display).empty()) return false;
  return true;
}

int filled_cells(const grid::Sheet& sheet, int row) {
  int n = 0;
  for (const auto& c : sheet.rows[static_cast<std::size_t>(row)])
    n += !text::trim(c.display).empty();
  return n;
}

// A lone cell under a table that annotates it (※達成率＝…, 注1, 出典：市調べ, 資料：…).
bool is_footnote(const grid::Sheet& sheet, int row) {
  for (const auto& c : sheet.rows[static_cast<std::size_t>(row)]) {
    auto t = text::normalize(text::trim(c.display));
    if (t.empty()) continue;
    for (std::string_view mark : {"※", "*", "注", "出典", "資料", "備考"})
      if (text::starts_with(t, mark)) return true;
    return false;
  }
  return false;
}

// A total row's label (合計, 小計, 計, 総計; spaced as 合　計 too) in its number, goal or measure
// column while the name cell is empty, or "": such a row prints a target, an actual and a rate
// like a KPI, and is read as one named by its label, so that its rate is checked too.
std::string total_row_label(const RowContext& ctx, const Layout& layout, int row) {
  for (Role role : {Role::id, Role::goal, Role::measure}) {
    auto label = label_at(ctx, row, layout.column(role));
    for (std::string_view total : {"合計", "小計", "計", "総計"})
      if (text::equals_without_spaces(label, total)) return std::string(total);
  }
  return {};
}

// A note alone in its row, in whichever column (※ 実績値は速報値 under the name column).
bool is_lone_note(const grid::Sheet& sheet, int row) {
  return filled_cells(sheet, row) == 1 && is_footnote(sheet, row);
}

bool has_values(const Layout& layout, const grid::Sheet& sheet, int row) {
  for (const auto& [year, cols] : layout.years)
    for (int c : {cols.target, cols.actual, cols.rate})
      if (c >= 0 && !cell_text(sheet.at(row, c)).empty()) return true;
  return false;
}

std::optional<int> year_of_note(std::string_view note) {
  if (note.empty()) return std::nullopt;
  return text::fiscal_year_in(text::normalize(note));
}

void read_baseline(model::Indicator& ind, const Layout& layout, const RowContext& ctx, int row) {
  auto v = value_at(ctx.sheet, row, layout.column(Role::baseline));
  ind.baseline.value = std::move(v.value);
  if (ind.unit.empty() && v.unit != "%") ind.unit = v.unit;
  auto year_cell = label_at(ctx, row, layout.column(Role::baseline_year));
  if (auto y = year_of_note(year_cell))
    ind.baseline.fiscal_year = y;
  else if (auto n = year_of_note(v.note))
    ind.baseline.fiscal_year = n;
  else
    ind.baseline.fiscal_year = layout.baseline_year_in_header;
}

void read_final_target(model::Indicator& ind, const Layout& layout, const RowContext& ctx,
                       int row) {
  auto v = value_at(ctx.sheet, row, layout.final_target);
  ind.final_target.value = std::move(v.value);
  ind.final_target.qualifier = v.qualifier;
  // Its year: in a 目標年度 column, else printed with the value ("10 (R6)"), else the header's.
  ind.final_target.fiscal_year = year_of_note(label_at(ctx, row, layout.column(Role::final_year)));
  if (!ind.final_target.fiscal_year) ind.final_target.fiscal_year = year_of_note(v.note);
  if (!ind.final_target.fiscal_year) ind.final_target.fiscal_year = layout.final_year;
  if (ind.unit.empty() && v.unit != "%") ind.unit = v.unit;
}

// The year's observation appended to `out` (made in place), unless its cells are all empty.
void read_year(const RowContext& ctx, int row, int year, const YearColumns& cols,
               std::vector<model::Observation>& out) {
  auto& obs = out.emplace_back();
  obs.fiscal_year = year;
  auto target = value_at(ctx.sheet, row, cols.target);
  auto actual = value_at(ctx.sheet, row, cols.actual);
  auto rate = cols.rate < 0 ? text::CellValue{}
                            : read_grid_rate(ctx.sheet.at(row, cols.rate), row, cols.rate);
  obs.target = std::move(target.value);
  obs.actual = std::move(actual.value);
  obs.published_rate = std::move(rate.value);
  if (auto y = year_of_note(actual.note); y && *y != year) obs.actual_fiscal_year = y;
  auto grade = label_at(ctx, row, cols.grade);
  if (!grade.empty()) obs.notes = "評価 " + grade;
  for (const auto* v : {&obs.target, &obs.actual})
    if (v->workbook->stored)
      obs.notes += fmt::format("{}{} holds {} but shows {}", obs.notes.empty() ? "" : "; ",
                               v->cell.name().view(), v->workbook->stored->to_string(), v->text);
  if (obs.target.text.empty() && obs.actual.text.empty() && obs.published_rate.text.empty() &&
      grade.empty()) {
    out.pop_back();
    return;
  }
  int anchor = cols.rate >= 0 ? cols.rate : cols.actual >= 0 ? cols.actual : cols.target;
  obs.source = {ctx.path, line_of(ctx, row), {}, model::CellRef::at(row, anchor)};
}

// The observation of `year` in `out`, made (in year order) when there is none yet.
model::Observation& observation_of(std::vector<model::Observation>& out, int year) {
  auto at = std::find_if(out.begin(), out.end(),
                         [&](const model::Observation& o) { return o.fiscal_year >= year; });
  if (at != out.end() && at->fiscal_year == year) return *at;
  auto made = out.emplace(at);
  made->fiscal_year = year;
  return *made;
}

// The kind each row's label names (grid_stacked::kind_of) from the first row below the
// header on: found once as the rows are read, taken again for a KPI's stacked rows.
struct RowKinds {
  int first_row = 0;
  std::vector<Role> kinds;

  Role of(int row) const {
    if (row < first_row) return Role::none;
    auto index = static_cast<std::size_t>(row - first_row);
    return index < kinds.size() ? kinds[index] : Role::none;
  }
};

// A KPI's stacked rows, first..last: each row's values under the year columns, of the kind
// its label names (`row_kinds`, found once when the rows were read), into that year's
// observation.
void read_stacked(const RowContext& ctx, const Layout& layout, int first, int last,
                  const RowKinds& row_kinds, std::vector<model::Observation>& out) {
  for (int row = first; row <= last; ++row) {
    auto kind = row_kinds.of(row);
    if (kind == Role::none) continue;
    for (auto [col, year] : layout.stacked_years) {
      if (kind == Role::grade) {
        auto grade = label_at(ctx, row, col);
        if (!grade.empty()) observation_of(out, year).notes = "評価 " + grade;
        continue;
      }
      auto v = kind == Role::rate ? read_grid_rate(ctx.sheet.at(row, col), row, col)
                                  : value_at(ctx.sheet, row, col);
      if (v.value.text.empty()) continue;
      auto& obs = observation_of(out, year);
      if (kind == Role::target) obs.target = std::move(v.value);
      if (kind == Role::rate) obs.published_rate = std::move(v.value);
      if (kind == Role::actual) {
        obs.actual = std::move(v.value);
        if (auto y = year_of_note(v.note); y && *y != year) obs.actual_fiscal_year = y;
      }
      // Located at its actual, else its rate, else its target: what a reader checks first.
      bool locate = kind == Role::actual || obs.source.line == 0 ||
                    (kind == Role::rate && obs.actual.text.empty());
      if (locate) obs.source = {ctx.path, line_of(ctx, row), {}, model::CellRef::at(row, col)};
    }
  }
}

// The number a heading starts with ("1 移住・定住の促進" → "1", "(2) 観光" → "(2)"), or "".
std::string leading_code(std::string_view heading) {
  auto normalized = text::normalize(heading);
  auto words = text::words(normalized);
  if (words.size() < 2) return {};
  auto first = words.front();
  bool numbered = !first.empty() && (text::find_number(first).has_value() || first.front() == '(');
  return numbered && first.size() <= 8 ? std::string(first) : std::string();
}

// The printed id, or the name when the row prints none.
std::string id_of(const RowContext& ctx, const Layout& layout, int row, const std::string& name) {
  auto id = label_at(ctx, row, layout.column(Role::id));
  return id.empty() ? name : id;
}

// What a KPI row takes from the rows above it: its goal and measure headings, and its place
// among the KPIs of its id (seq). Read row by row, in order.
struct StartedKpi {
  int row = 0;
  int last_row = 0;  // the last of its stacked value rows (row itself when none)
  std::string name, id;
  std::size_t goal = 0, measure = 0;  // in RowContext::goals and ::measures
  std::optional<std::string> relisted_of;
  int seq = 1;
  grid_stacked::KindRows kind_rows{};  // the first of its rows naming each kind (stacked)
};

// The rest of a KPI: its own row's cells only, so rows can be read in any order.
model::Indicator finish_kpi(StartedKpi started, const RowContext& ctx, const Layout& layout,
                            const RowKinds& row_kinds) {
  int row = started.row;
  int last_row = started.last_row;
  model::Indicator ind;
  auto municipality = label_at(ctx, row, layout.column(Role::municipality));
  if (municipality.empty()) {
    ind.municipality = ctx.municipality;
    ind.municipality_name = ctx.municipality_name;
  } else {
    name_body_from_cell(ind, municipality);
  }
  ind.name = std::move(started.name);
  ind.relisted_of = std::move(started.relisted_of);
  ind.id = std::move(started.id);
  ind.seq = started.seq;
  ind.unit = label_at(ctx, row, layout.column(Role::unit));
  ind.goal = ctx.goals[started.goal];
  ind.measure = ctx.measures[started.measure];
  add_level(ind.plan_path, plan_level("goal", leading_code(ind.goal), ind.goal));
  add_level(ind.plan_path, plan_level("measure", leading_code(ind.measure), ind.measure));
  ind.type_text = label_at(ctx, row, layout.column(Role::type));
  ind.cumulative = text::contains(ind.name, "累計") || text::contains(ind.unit, "累計");
  read_baseline(ind, layout, ctx, row);
  read_final_target(ind, layout, ctx, row);
  if (ind.unit.empty()) ind.unit = unit_in_name(ind.name);  // 企業誘致件数（件）
  ind.observations.reserve(layout.years.size());
  for (const auto& [year, cols] : layout.years) read_year(ctx, row, year, cols, ind.observations);
  if (layout.kind_column >= 0)
    read_stacked(ctx, layout, row, last_row, row_kinds, ind.observations);
  grid_direction::assign(ind, label_at(ctx, row, layout.column(Role::direction)), ind.type_text);
  ind.source = {ctx.path, line_of(ctx, row), {}, {}};
  return ind;
}

// From this many KPIs on, their rows' cells are read in runs on several threads.
constexpr std::size_t parallel_rows_from = 2048;
constexpr std::size_t kpis_per_chunk = 256;   // taken in turn by the threads
constexpr std::size_t rows_per_chunk = 1024;  // read in turn by the threads

// The KPIs started, finished into `out` (one made KPI for each: RowsRead::made) on at most
// `threads` threads (0: every core), in row order.
void finish_kpis(std::vector<StartedKpi>& started, const RowContext& ctx, const Layout& layout,
                 const RowKinds& row_kinds, unsigned threads, std::vector<model::Indicator>& out) {
  util::for_each_chunk(started.size(),
                       util::threads_for(started.size(), parallel_rows_from, threads),
                       kpis_per_chunk, [&](std::size_t begin, std::size_t end) {
                         for (auto i = begin; i < end; ++i)
                           out[i] = finish_kpi(std::move(started[i]), ctx, layout, row_kinds);
                       });
}

// A heading printed on a row holds for the rows below it until another is printed.
void note_heading(std::vector<std::string>& headings, std::string_view label) {
  if (!label.empty() && label != headings.back()) headings.emplace_back(label);
}

// A row that prints the header's KPI-column title again (a header repeated on every page).
std::vector<std::string> header_names(const RowContext& ctx, const Layout& layout) {
  std::vector<std::string> names;
  int col = layout.column(Role::name);
  for (int r = layout.header.first_row; r <= layout.header.last_row; ++r)
    names.push_back(label_at(ctx, r, col));
  return names;
}

bool is_repeated_header(const RowContext& ctx, const std::string& name) {
  return std::find(ctx.header_names.begin(), ctx.header_names.end(), name) !=
         ctx.header_names.end();
}

// A skipped row that prints a published rate is an error: the rate would pass unchecked. So
// is a row whose values cannot be placed (`error`).
void skip(model::ParseOutput& out, const RowContext& ctx, int row, std::string reason,
          bool prints_rates = false, bool error = false) {
  if (prints_rates) reason += "; it prints a published rate, which would pass unchecked";
  skip_row(out, ctx.path, line_of(ctx, row), std::move(reason),
           prints_rates || error ? model::Severity::error : model::Severity::warning);
}

// A delimited row (CSV, TSV) with values past the header's last column: a number with an
// unquoted comma (1,000) split into two fields shifts every value after it, so none of the
// row's values is where its header says. A workbook's rows are not asked: side columns
// without a header are common there.
bool wider_than_header(const RowContext& ctx, const Layout& layout, int row) {
  if (ctx.row_lines.empty()) return false;
  const auto& cells = ctx.sheet.rows[static_cast<std::size_t>(row)];
  for (auto c = static_cast<std::size_t>(layout.last_titled_column + 1); c < cells.size(); ++c)
    if (!cell_text(&cells[c]).empty()) return true;
  return false;
}

// Whether any of the row's rate cells prints a rate.
bool prints_rates(const Layout& layout, const grid::Sheet& sheet, int row) {
  std::string normalized;
  for (const auto& [year, cols] : layout.years) {
    if (cols.rate < 0) continue;
    normalized.clear();
    text::append_normalize(normalized, cell_text(sheet.at(row, cols.rate)));
    if (!normalized.empty() && prints_a_rate(normalized)) return true;
  }
  return false;
}

// What one row's own cells say, read apart from the rows around it (so rows are read on
// threads): its headings, and the KPI it starts or why it starts none.
struct RowRead {
  int row = 0;
  bool empty = true;                    // no cell with text: not even read
  std::string_view goal, measure;       // the headings printed ("" none): views of a cell's
  std::string goal_text, measure_text;  // text, or of these when it needs a change
  const char* skipped = nullptr;        // why the row is no KPI; nullptr for a KPI row
  bool skipped_prints_rates = false;    // a skipped row with a rate in a rate column
  bool skipped_error = false;           // a row whose values cannot be placed
  Role kind = Role::none;               // the kind its label names (stacked sheets only)
  bool continues = false;               // a stacked value row of the KPI above
  StartedKpi kpi;                       // its name, id and printed 再掲 number
};

// A stacked value row of the KPI above: a kind label, and no name of its own (an empty name
// cell, the KPI's name merged down over its rows as a workbook prints it, or its name and id
// printed again on each of its rows; a name printed again without an id may be a second KPI
// of that name, and starts one).
bool continues_stacked(const RowContext& ctx, const Layout& layout, int row, Role kind,
                       std::string_view name) {
  if (kind == Role::none) return false;
  if (name.empty()) return true;
  int name_col = layout.column(Role::name), id_col = layout.column(Role::id);
  const auto* merged = ctx.merges.at(row, name_col);
  if (merged && merged->first_row < row) return true;
  // Views of the cells (a scratch holds a cell's text only when it needs a change).
  std::string name_above_scratch, id_scratch, id_above_scratch;
  if (row <= layout.header.last_row + 1 ||
      label_into(ctx, row - 1, name_col, name_above_scratch) != name)
    return false;
  auto id = label_into(ctx, row, id_col, id_scratch);
  return !id.empty() && label_into(ctx, row - 1, id_col, id_above_scratch) == id;
}

// The kind of value the row's label names, asked on a sheet with a column of kind labels only
// (most have none). An empty row is asked too: its label may be a cell merged down over it.
Role kind_of_row(const RowContext& ctx, const Layout& layout, int row) {
  if (layout.kind_column < 0) return Role::none;
  std::string scratch;
  return grid_stacked::kind_of(label_into(ctx, row, layout.kind_column, scratch));
}

void read_row_kind(const RowContext& ctx, const Layout& layout, int row, RowRead& read);

void read_row_cells(const RowContext& ctx, const Layout& layout, int row, RowRead& read) {
  read_row_kind(ctx, layout, row, read);
  if (!read.empty && wider_than_header(ctx, layout, row)) {
    read.skipped =
        "values past the header's last column: a number with an unquoted comma (1,000 written "
        "without quotes) shifts every value after it; quote it, or give the column a header";
    read.skipped_error = true;
    read.continues = false;
    return;
  }
  if (read.skipped) read.skipped_prints_rates = prints_rates(layout, ctx.sheet, row);
}

constexpr const char* note_row = "a note on the table (※, 注, 出典), no KPI";

void read_row_kind(const RowContext& ctx, const Layout& layout, int row, RowRead& read) {
  read.row = row;
  read.kind = kind_of_row(ctx, layout, row);
  if (row_empty(ctx.sheet, row)) return;
  read.empty = false;
  read.goal = label_into(ctx, row, layout.column(Role::goal), read.goal_text);
  read.measure = label_into(ctx, row, layout.column(Role::measure), read.measure_text);
  auto name = label_at(ctx, row, layout.column(Role::name));
  if (continues_stacked(ctx, layout, row, read.kind, name)) {
    read.continues = true;
    return;
  }
  bool values = name.empty() && has_values(layout, ctx.sheet, row);
  if (values) name = total_row_label(ctx, layout, row);
  if (name.empty()) {
    if (values)
      read.skipped = "values without a KPI name (指標名 column empty)";
    else if (is_lone_note(ctx.sheet, row))
      read.skipped = note_row;
    else if (filled_cells(ctx.sheet, row) == 1)
      read.skipped = "section heading, no KPI";
    else
      read.skipped = "no KPI name (指標名 column empty)";
    return;
  }
  if (is_lone_note(ctx.sheet, row)) {  // typed in the wide name column: ※ 観光入込客数は暦年の値
    read.skipped = note_row;
    return;
  }
  if (is_repeated_header(ctx, name)) {
    read.skipped = "repeated header row";
    return;
  }
  auto& kpi = read.kpi;
  kpi.row = row;
  kpi.last_row = row;
  kpi.name = std::move(name);
  kpi.relisted_of = take_relisted_mark(kpi.name);  // the printed number, resolved below
  kpi.id = id_of(ctx, layout, row, kpi.name);
}

// The rows read, in order: headings hold for the rows below them, a KPI is numbered among
// those of its id (seq), a row that starts none is reported. `started` holds room for one KPI
// a row (the counted ids are views of the KPIs' own: the vector must never move them).
bool starts_kpi(const RowRead& read) {
  return !read.empty && read.skipped == nullptr && !read.continues;
}

// A second stacked row of a kind for one KPI (two 達成率 rows): its values would silently
// replace the first's. Skipped: a warning when it repeats the first row's values, else an
// error, since which the sheet publishes is not told. Its kind is cleared so that the KPI's
// stacked rows leave it out.
bool skip_second_of_kind(model::ParseOutput& out, const RowContext& ctx, const Layout& layout,
                         RowRead& read, StartedKpi& kpi) {
  auto first = kpi.kind_rows.earlier(read.kind, read.row);
  if (!first) return false;
  bool repeated = grid_stacked::same_values(ctx.sheet, *first, read.row, layout.stacked_years);
  auto label = grid_stacked::kind_label(read.kind);
  read.kind = Role::none;
  skip(out, ctx, read.row,
       repeated ? fmt::format("repeats the {} row of line {} ({}): read once", label,
                              line_of(ctx, *first), kpi.name)
                : fmt::format("a second {} row for {} (the first: line {}) with other values: "
                              "which the sheet publishes is not told",
                              label, kpi.name, line_of(ctx, *first)),
       false, !repeated);
  return true;
}

void take_row(model::ParseOutput& out, RowContext& ctx, const Layout& layout, RowRead& read,
              std::vector<StartedKpi>& started) {
  if (read.empty) return;
  ++out.rows_read;
  note_heading(ctx.goals, read.goal);
  note_heading(ctx.measures, read.measure);
  if (read.skipped)
    return skip(out, ctx, read.row, read.skipped, read.skipped_prints_rates, read.skipped_error);
  if (read.continues) {
    if (started.empty())
      return skip(out, ctx, read.row, "stacked values (目標値 / 実績値 row) before any KPI row");
    if (skip_second_of_kind(out, ctx, layout, read, started.back())) return;
    started.back().last_row = read.row;
    ++out.rows_used;
    return;
  }
  auto& kpi = started.emplace_back(std::move(read.kpi));
  kpi.kind_rows.earlier(read.kind, read.row);  // the KPI's own row names its first kind
  kpi.seq = ctx.ids_seen.next(kpi.id);
  kpi.goal = ctx.goals.size() - 1;
  kpi.measure = ctx.measures.size() - 1;
  ++out.rows_used;
}

RowKinds kinds_of(const std::vector<RowRead>& reads, int first_row) {
  RowKinds out{first_row, {}};
  out.kinds.reserve(reads.size());
  for (const auto& read : reads) out.kinds.push_back(read.kind);
  return out;
}

// The rows below the header: the KPIs they start, and as many KPIs made (default-constructed),
// for finish_kpis to fill.
struct RowsRead {
  std::vector<StartedKpi> started;
  std::vector<model::Indicator> made;
  RowKinds kinds;  // each row's kind label, for the KPIs' stacked rows (stacked sheets only)
};

// Every row below the header read (on at most `threads` threads for a large sheet), then
// taken in order; skipped rows and their diagnostics go to `out`.
RowsRead read_rows(model::ParseOutput& out, RowContext& ctx, const Layout& layout,
                   unsigned threads) {
  auto first = layout.header.last_row + 1;
  auto count = ctx.sheet.rows.size() - static_cast<std::size_t>(first);
  std::vector<RowRead> reads(count);
  std::atomic<std::size_t> kpi_rows{0};
  util::for_each_chunk(count, util::threads_for(count, parallel_rows_from, threads), rows_per_chunk,
                       [&](std::size_t begin, std::size_t end) {
                         std::size_t kpis = 0;
                         for (auto i = begin; i < end; ++i) {
                           read_row_cells(ctx, layout, first + static_cast<int>(i), reads[i]);
                           kpis += starts_kpi(reads[i]);
                         }
                         kpi_rows += kpis;
                       });
  RowsRead rows;
  rows.started.reserve(count);  // one KPI a row at most: never moved (take_row)
  auto take_all = [&] {
    ctx.ids_seen = util::OccurrenceCounter(count);
    for (auto& read : reads) take_row(out, ctx, layout, read, rows.started);
  };
  // The rows are taken in order on one thread (headings and sequence numbers run down the
  // sheet); a large sheet's KPIs are made meanwhile on another, for finish_kpis to fill
  // (making 100,000 of them is tens of milliseconds on one core).
  if (util::threads_for(kpi_rows, parallel_rows_from, threads) > 1)
    util::alongside([&] { rows.made = std::vector<model::Indicator>(kpi_rows); }, take_all);
  else
    take_all();
  rows.made.resize(rows.started.size());  // a no-op unless a row counted did not start a KPI
  // After take_row: a second row of a kind for one KPI was skipped and its kind cleared.
  if (layout.kind_column >= 0) rows.kinds = kinds_of(reads, first);
  return rows;
}

std::string digits_of(std::string_view id) {
  std::string out;
  for (char c : id)
    if (text::is_ascii_digit(c)) out.push_back(c);
  return out;
}

// A 再掲 mark prints the original's number (【再掲（№1）】): the id of the first KPI whose id
// has that number, else "" (re-listed from a row not found).
void resolve_relisted(std::vector<model::Indicator>& indicators) {
  auto numbered = [](const model::Indicator& ind) {
    return ind.relisted_of && !ind.relisted_of->empty();
  };
  std::unordered_map<std::string, std::string> id_by_number;  // the numbers printed in marks only
  for (const auto& ind : indicators)
    if (numbered(ind)) id_by_number.emplace(*ind.relisted_of, std::string());
  if (id_by_number.empty()) return;
  for (const auto& ind : indicators) {
    if (ind.relisted_of) continue;
    auto wanted = id_by_number.find(digits_of(ind.id));
    if (wanted != id_by_number.end() && wanted->second.empty()) wanted->second = ind.id;
  }
  for (auto& ind : indicators)
    if (numbered(ind)) ind.relisted_of = id_by_number.find(*ind.relisted_of)->second;
}

// -- the title above the header --------------------------------------------------------------

std::string title_text(const grid::Sheet& sheet, int header_row) {
  std::string title;
  for (int r = 0; r < header_row; ++r)
    for (const auto& c : sheet.rows[static_cast<std::size_t>(r)])
      if (!text::trim(c.display).empty()) title += text::squeeze_spaces(c.display) + " ";
  return title;
}

// The fiscal year of a sheet's undated columns: the title's (令和5年度 …), else the sheet's
// name (a workbook's 「R5」 tab).
std::optional<int> year_of_sheet(const grid::Sheet& sheet, const std::string& title) {
  if (auto year = text::fiscal_year_in(text::normalize(title))) return year;
  return text::fiscal_year_in(text::normalize(sheet.name));
}

// Whether any cell of column `col` below the header holds something (an empty template's
// undated columns lose nothing).
bool holds_values_below(const grid::Sheet& sheet, int header_row, int col) {
  for (int r = header_row + 1; r < static_cast<int>(sheet.rows.size()); ++r)
    if (!cell_text(sheet.at(r, col)).empty()) return true;
  return false;
}

// An error, not a silent drop: the published rates of those columns would go unchecked.
model::Diagnostic undated_columns(const RowContext& ctx, const Layout& layout) {
  std::string list;
  for (const auto* c : layout.undated) list += (list.empty() ? "" : ", ") + c->header;
  return {{ctx.path, line_of(ctx, layout.header.last_row), {}, {}},
          model::Severity::error,
          "input.no-year",
          "the columns " + list +
              " name no fiscal year, nor do the title and the sheet's name: their values are "
              "not read (expected a year in the header, R5実績値, or a title line above it, "
              "令和5年度)"};
}

// Whether a column of published rates holds a value below the header.
bool prints_rates(const grid::Sheet& sheet, const Layout& layout) {
  for (const auto& [year, cols] : layout.years)
    if (cols.rate >= 0 && holds_values_below(sheet, layout.header.last_row, cols.rate)) return true;
  return false;
}

const Column* column_at(const Layout& layout, int col) {
  for (const auto& c : layout.header.columns)
    if (c.index == col) return &c;
  return nullptr;
}

std::string column_text(const Layout& layout, int col) {
  const auto* c = column_at(layout, col);
  return c ? fmt::format("{} ({})", c->header, grid::column_name(col)) : grid::column_name(col);
}

// Two columns for one year's value: the one not read is named, for its values go unchecked.
// A warning, and an error when a rate column left out prints rates (a wrong one would pass).
model::Diagnostic unread_columns(const RowContext& ctx, const Layout& layout) {
  std::string list;
  bool rates_unread = false;
  for (const auto& [read, left_out] : layout.unread) {
    list += fmt::format("{}{} is not read, {} is", list.empty() ? "" : "; ",
                        column_text(layout, left_out), column_text(layout, read));
    const auto* c = column_at(layout, left_out);
    rates_unread =
        rates_unread || (c && c->role == Role::rate &&
                         holds_values_below(ctx.sheet, layout.header.last_row, left_out));
  }
  return {{ctx.path, line_of(ctx, layout.header.last_row), {}, {}},
          rates_unread ? model::Severity::error : model::Severity::warning,
          "input.duplicate-column",
          "two columns give the same year's value: " + list +
              (rates_unread ? " (the rates it prints cannot be checked: hide the one that is not "
                              "printed, or give each its own year)"
                            : " (its values are not checked; hide or rename the one that is not "
                              "printed)")};
}

// A header without a column a KPI table needs: a warning, and an error when the sheet prints
// rates that the missing actual or target would check (they would pass unchecked otherwise).
model::Diagnostic missing_columns(const RowContext& ctx, const Layout& layout,
                                  const std::vector<Role>& missing) {
  bool checks_rates =
      std::ranges::any_of(missing, [](Role r) { return r == Role::actual || r == Role::target; });
  bool unchecked = checks_rates && prints_rates(ctx.sheet, layout);
  return {{ctx.path, line_of(ctx, layout.header.last_row), {}, {}},
          unchecked ? model::Severity::error : model::Severity::warning,
          "input.grid-columns",
          "header without " + grid_headers::role_list(missing) +
              " columns: " + grid_headers::header_report(ctx.sheet) +
              (unchecked ? "; the published rates cannot be checked without them (name the "
                           "column 実績値 or 目標値)"
                         : "")};
}

}  // namespace

int sniff_sheet(const grid::Sheet& sheet) {
  return grid_headers::find_header(sheet) ? sniff_score : 0;
}

namespace {

bool header_says_percent(const Layout& layout, int col) {
  const auto* c = column_at(layout, col);
  return c && text::has_percent_sign(c->header);
}

// A rate column whose cells print fractions of one rather than percentages (0.75, 0.8, 1.304,
// as Excel shows =実績/目標 under the General format), its header without %: read as
// percentages, with a note. A column of percentages printed without % (80.0, 95.5) is left as
// it is.
void read_fraction_rates(model::ParseOutput& out, const RowContext& ctx, const Layout& layout,
                         std::vector<model::Indicator>& indicators) {
  for (const auto& [year, cols] : layout.years) {
    if (cols.rate < 0 || header_says_percent(layout, cols.rate)) continue;
    auto rates =
        grid_fractions::fraction_rates(indicators, static_cast<std::uint32_t>(cols.rate) + 1);
    if (rates.empty()) continue;
    for (auto* rate : rates) rate->number = grid_fractions::as_percent(*rate->number);
    out.diagnostics.push_back(
        {{ctx.path, line_of(ctx, layout.header.last_row), {}, {}},
         model::Severity::note,
         "input.fraction-rates",
         fmt::format("the rate column {} prints fractions of one ({} for {}%): read as "
                     "percentages",
                     grid::column_name(cols.rate), rates.front()->text,
                     rates.front()->number->to_string())});
  }
}

// One table's KPIs, diagnostics and skipped rows into `out`.
void parse_table(model::ParseOutput& out, RowContext& ctx, grid_tables::Table table_read,
                 std::optional<int> context_year, unsigned threads) {
  const auto& sheet = ctx.sheet;
  auto header = std::move(table_read.header);
  reclassify_rates(header, sheet);
  prefer_visible_columns(header, sheet);
  auto missing = grid_headers::missing_roles(header);
  auto layout = resolve(std::move(header), context_year, sheet);
  layout.last_titled_column = last_titled_column(sheet, layout.header);
  find_stacked_rows(layout, sheet);
  if (layout.kind_column >= 0) missing.clear();  // the rows name targets and actuals
  if (!missing.empty()) out.diagnostics.push_back(missing_columns(ctx, layout, missing));
  std::erase_if(layout.undated, [&](const Column* c) {
    return !holds_values_below(sheet, layout.header.last_row, c->index);
  });
  if (!layout.undated.empty()) out.diagnostics.push_back(undated_columns(ctx, layout));
  if (!layout.unread.empty()) out.diagnostics.push_back(unread_columns(ctx, layout));
  ctx.header_names = header_names(ctx, layout);
  for (auto& name : table_read.repeated_names) ctx.header_names.push_back(std::move(name));
  model::ParseOutput table;
  auto rows = read_rows(table, ctx, layout, threads);
  table.indicators = std::move(rows.made);
  finish_kpis(rows.started, ctx, layout, rows.kinds, threads, table.indicators);
  read_fraction_rates(out, ctx, layout, table.indicators);
  if (out.indicators.empty())
    out.indicators = std::move(table.indicators);
  else
    std::move(table.indicators.begin(), table.indicators.end(), std::back_inserter(out.indicators));
  std::move(table.diagnostics.begin(), table.diagnostics.end(),
            std::back_inserter(out.diagnostics));
  std::move(table.skipped.begin(), table.skipped.end(), std::back_inserter(out.skipped));
  out.rows_read += table.rows_read;
  out.rows_used += table.rows_used;
}

}  // namespace

model::ParseOutput parse_sheet(const grid::Sheet& sheet, std::string_view path,
                               const std::vector<int>& row_lines,
                               std::optional<grid_headers::HeaderMap> header, unsigned threads) {
  model::ParseOutput out;
  RowContext ctx{.sheet = sheet,
                 .merges = grid::MergedIndex(sheet),
                 .path = model::SharedName(path),
                 .row_lines = row_lines};
  if (!header) header = grid_headers::find_header(sheet, ctx.merges);
  if (!header) {
    out.diagnostics.push_back({{ctx.path, 0, {}, {}},
                               model::Severity::error,
                               "input.no-kpi-table",
                               "no KPI table header found: " + grid_headers::header_report(sheet) +
                                   " (expected 指標名 and 目標値 / 実績値 / 達成率 columns)"});
    return out;
  }
  auto tables = grid_tables::tables_of(sheet, ctx.merges, *header);
  auto title = title_text(sheet, tables.front().header.first_row);
  auto year = year_of_sheet(sheet, title);
  ctx.municipality_name = text::body_name_in(title);
  ctx.municipality = calc::slug_for_name(ctx.municipality_name);
  if (ctx.municipality.empty()) ctx.municipality = "unknown";
  if (tables.size() == 1) {
    parse_table(out, ctx, std::move(tables.front()), year, threads);
  } else {
    for (std::size_t t = 0; t < tables.size(); ++t) {
      const auto h = tables[t].header;
      if (t > 0)
        for (int r = h.first_row; r <= h.last_row; ++r, ++out.rows_read)
          skip(out, ctx, r, "header of another table: the rows below it are read by its columns");
      auto part = grid_tables::rows_of(sheet, h.first_row, tables[t].end_row);
      RowContext table_ctx{.sheet = part,
                           .merges = grid::MergedIndex(part),
                           .path = ctx.path,
                           .row_lines = row_lines,
                           .municipality = ctx.municipality,
                           .municipality_name = ctx.municipality_name};
      parse_table(out, table_ctx, std::move(tables[t]), year, threads);
    }
  }
  resolve_relisted(out.indicators);
  return out;
}

bool header_only(const model::ParseOutput& out) {
  return out.rows_read == 0 && out.indicators.empty() &&
         std::none_of(out.diagnostics.begin(), out.diagnostics.end(),
                      [](const auto& d) { return d.severity == model::Severity::error; });
}

int sniff(std::string_view text) {
  auto head = text.substr(0, std::min(text.size(), sniffed_bytes));
  auto cut = head.rfind('\n');
  if (cut != std::string_view::npos && head.size() < text.size()) head = head.substr(0, cut);
  auto grid = grid::read_delimited(head, grid::delimiter_of(head));
  return sniff_sheet(grid.sheet);
}

model::ParseOutput parse(std::string_view text, std::string_view path) {
  auto grid = grid::read_delimited(text, grid::delimiter_of(text));
  auto out = parse_sheet(grid.sheet, path, grid.row_lines);
  // A header and nothing below it: a file of no KPIs is no sheet to report on (a workbook's
  // sheet of headers only is a template among others, and says so in its sheet list).
  if (header_only(out))
    out.diagnostics.push_back(
        {{std::string(path), static_cast<int>(grid.row_lines.empty() ? 1 : grid.row_lines.back())},
         model::Severity::error,
         "input.no-rows",
         "the table's header has no KPI rows below it: expected a row for each KPI"});
  if (grid.unterminated_line > 0)
    out.diagnostics.push_back(
        {{std::string(path), grid.unterminated_line},
         model::Severity::error,
         "input.unterminated-quote",
         "a quoted field without its closing quote (\") runs to the end of the file and takes "
         "every row after it into one cell: close the quote, or remove the stray \""});
  return out;
}

}  // namespace kpi::formats::grid_layout
