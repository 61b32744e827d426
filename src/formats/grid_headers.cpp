#include "kpi/formats/grid_headers.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <deque>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

#include "kpi/text/era.hpp"
#include "kpi/text/normalize.hpp"
#include "kpi/text/number.hpp"
#include "kpi/text/strings.hpp"

namespace kpi::formats::grid_headers {
namespace {

constexpr int max_header_search_rows = 40;

using Word = VocabularyWord;

// Longer and more specific words first: the first word contained in a header decides.
constexpr std::array words{
    // Where a value comes from or how it is worked out (実績値の出典, 目標値の根拠, 指標の説明):
    // a note beside the column it names, not that column.
    Word{"出典", Role::note},
    Word{"根拠", Role::note},
    Word{"考え方", Role::note},
    Word{"説明", Role::note},
    Word{"算出方法", Role::note},
    Word{"算定方法", Role::note},
    // A rate's header names what it measures against: 目標達成率, 実績達成率 are rates.
    Word{"達成率", Role::rate},
    Word{"進捗率", Role::rate},
    Word{"達成度", Role::rate},
    Word{"進捗度", Role::rate},
    Word{"達成割合", Role::rate},
    // Percentages, grades (◎, A) or words (順調): grid_layout tells them apart by the values.
    Word{"進捗状況", Role::rate},
    Word{"達成状況", Role::rate},
    Word{"進ちょく率", Role::rate},
    Word{"達成比率", Role::rate},
    Word{"対目標比", Role::rate},
    Word{"目標比", Role::rate},
    Word{"到達率", Role::rate},
    Word{"充足率", Role::rate},
    Word{"進捗", Role::rate},
    Word{"達成評価", Role::grade},  // 目標達成評価 is no target (a grade, or rates: reclassified)
    Word{"最終目標年度", Role::final_year},
    Word{"目標年度", Role::final_year},
    Word{"目標年次", Role::final_year},
    Word{"目標時期", Role::final_year},
    Word{"最終目標", Role::final_target},
    Word{"基準年度", Role::baseline_year},
    Word{"基準年", Role::baseline_year},
    Word{"初期値年度", Role::baseline_year},
    Word{"重要業績評価指標", Role::name},
    Word{"指標の型", Role::type},
    Word{"指標区分", Role::type},
    Word{"指標タイプ", Role::type},
    Word{"指標の種類", Role::type},
    Word{"達成区分", Role::grade},
    Word{"区分", Role::type},
    Word{"目指す方向", Role::direction},
    Word{"方向性", Role::direction},
    Word{"増減", Role::direction},
    Word{"基本目標", Role::goal},
    Word{"政策分野", Role::goal},
    Word{"基本的方向", Role::measure},
    Word{"具体的施策", Role::measure},
    Word{"施策", Role::measure},
    Word{"政策", Role::goal},
    Word{"指標名", Role::name},
    Word{"kpi", Role::name},
    Word{"成果指標", Role::name},
    Word{"評価指標", Role::name},
    Word{"指標", Role::name},
    Word{"単位", Role::unit},
    Word{"基準値", Role::baseline},
    Word{"初期値", Role::baseline},
    Word{"当初値", Role::baseline},
    Word{"策定時", Role::baseline},
    Word{"現状値", Role::baseline},  // the actual beside another baseline (build_map)
    Word{"現在値", Role::baseline},
    Word{"目標値", Role::target},
    Word{"計画値", Role::target},
    Word{"目標", Role::target},
    Word{"実績値", Role::actual},
    Word{"実績", Role::actual},
    Word{"現況値", Role::actual},
    Word{"評価", Role::grade},
    Word{"達成区分", Role::grade},
    Word{"備考", Role::note},
    Word{"市町村", Role::municipality},
    Word{"自治体", Role::municipality},
    Word{"番号", Role::id},
    Word{"項番", Role::id},
    Word{"municipality", Role::municipality},
    Word{"baseline_year", Role::baseline_year},
    Word{"final_target", Role::final_target},
    Word{"baseline", Role::baseline},
    Word{"target", Role::target},
    Word{"actual", Role::actual},
    Word{"rate", Role::rate},
    Word{"unit", Role::unit},
    Word{"direction", Role::direction},
    Word{"grade", Role::grade},
    Word{"indicator", Role::name},
};

// The header without spaces, of a cell already NFKC; `lower` also ASCII lower case.
std::string header_key(std::string_view normalized_cell, bool lower) {
  std::string key;
  for (char c : normalized_cell) {
    if (c == ' ' || c == '\n' || c == '\r' || c == '\t') continue;
    key.push_back(lower ? static_cast<char>(std::tolower(static_cast<unsigned char>(c))) : c);
  }
  return text::replace_all(key, "\u3000", "");
}

// Headers that name a role only when they are the whole cell (方向 alone, not 方向性).
std::optional<Role> whole_cell_role(std::string_view key) {
  if (key == "方向" || key == "方向(増加・減少・維持)") return Role::direction;
  return std::nullopt;
}

std::optional<SubLabel> sub_label(std::string_view key) {
  if (key == "年度" || key == "年次" || key == "時点" || key == "年度(時点)") return SubLabel::year;
  if (key == "値" || key == "数値") return SubLabel::value;
  return std::nullopt;
}

// A year told relative to the sheet's own: 前年度実績 is last year's actual, not this one's.
int year_offset_in(std::string_view key) {
  if (key.find("前々年") != std::string_view::npos) return -2;
  if (key.find("前年") != std::string_view::npos || key.find("昨年") != std::string_view::npos)
    return -1;
  return 0;
}

bool is_id_header(std::string_view key) {
  return key == "no" || key == "no." || key == "id" || key == "#" || key == "指標no" ||
         key == "指標no." || key == "kpino" || key == "kpino.";
}

// The era's year of one or two digits, or 元 (its first year), ending `key` at `at`: the year and
// where it starts; 0 when there is none.
std::pair<int, std::size_t> era_year_before(std::string_view key, std::size_t at) {
  constexpr std::string_view first_year = "元";
  if (key.substr(0, at).ends_with(first_year)) return {1, at - first_year.size()};
  std::size_t start = at;
  while (start > 0 && text::is_ascii_digit(key[start - 1])) --start;
  std::size_t digits = at - start;
  if (digits == 0 || digits > 2) return {0, at};
  int year = 0;
  for (std::size_t i = start; i < at; ++i) year = year * 10 + (key[i] - '0');
  return {year, start};
}

// "5年度" / "4年度実績" / "目標値(6年度)" / "基準値(元年度)": a year of one or two digits (or 元)
// before 年度, at the header's start or in brackets, with no era or century (a header without
// a year find_fiscal_year reads); 0 when there is none. "過去5年度平均" counts years: none.
int era_less_year_in(std::string_view key) {
  auto at = key.find("年度");
  if (at == std::string_view::npos) return 0;
  auto [year, start] = era_year_before(key, at);
  if (year == 0) return 0;
  if (start > 0 && key[start - 1] != '(' && key[start - 1] != '[' && key[start - 1] != '/')
    return 0;
  return year;
}

// A year written as the whole header ("令和5年度", "R5", "2023年度", "R5年度末").
std::optional<int> header_year(std::string_view key) {
  auto year = text::find_fiscal_year(key);
  if (!year) return std::nullopt;
  return year->fiscal_year;
}

}  // namespace

const char* to_string(Role role) {
  switch (role) {
    case Role::id:
      return "番号 (No)";
    case Role::name:
      return "指標名 (KPI)";
    case Role::unit:
      return "単位";
    case Role::baseline:
      return "基準値";
    case Role::baseline_year:
      return "基準年度";
    case Role::target:
      return "目標値";
    case Role::final_target:
      return "最終目標";
    case Role::final_year:
      return "目標年度";
    case Role::actual:
      return "実績値";
    case Role::rate:
      return "達成率";
    case Role::grade:
      return "評価";
    case Role::type:
      return "指標の型";
    case Role::direction:
      return "方向";
    case Role::goal:
      return "基本目標";
    case Role::measure:
      return "施策";
    case Role::note:
      return "備考";
    case Role::year:
      return "年度";
    case Role::municipality:
      return "市町村";
    case Role::none:
      break;
  }
  return "";
}

std::span<const VocabularyWord> header_vocabulary() {
  return words;
}

// Every cell of a sheet's first rows asks: one pass over the key, trying at each byte only
// the words that start with it, instead of a search of the key for each of sixty words.
std::size_t first_vocabulary_word(std::string_view key) {
  static const auto by_first_byte = [] {
    std::array<std::vector<std::uint8_t>, 256> buckets;
    for (std::size_t i = 0; i < words.size(); ++i)
      buckets[static_cast<unsigned char>(words[i].text.front())].push_back(
          static_cast<std::uint8_t>(i));
    return buckets;
  }();
  std::size_t first = words.size();
  for (std::size_t at = 0; at < key.size(); ++at)
    for (auto i : by_first_byte[static_cast<unsigned char>(key[at])])
      if (i < first && key.substr(at, words[i].text.size()) == words[i].text) first = i;
  return first;
}

HeaderWord read_header(std::string_view cell_text) {
  return read_normalized_header(text::normalize(cell_text));
}

HeaderWord read_normalized_header(std::string_view normalized_cell) {
  auto key = header_key(normalized_cell, true);
  HeaderWord word;
  if (key.empty()) return word;
  if (is_id_header(key)) {
    word.role = Role::id;
    return word;
  }
  if (auto role = whole_cell_role(key)) {
    word.role = *role;
    return word;
  }
  if (auto sub = sub_label(key)) {
    word.sub = *sub;
    return word;
  }
  if (auto first = first_vocabulary_word(key); first < words.size()) word.role = words[first].role;
  // A year in a value header names the column's year; a year in a name header is a note.
  bool dated = word.role == Role::none || word.role == Role::target || word.role == Role::actual ||
               word.role == Role::rate || word.role == Role::grade ||
               word.role == Role::final_target || word.role == Role::baseline;
  if (dated) word.fiscal_year = header_year(header_key(normalized_cell, false));
  if (dated && !word.fiscal_year) word.era_less_year = era_less_year_in(key);
  if (!word.fiscal_year && word.role != Role::none) word.year_offset = year_offset_in(key);
  return word;
}

const Column* HeaderMap::find(Role role) const {
  for (const auto& c : columns)
    if (c.role == role) return &c;
  return nullptr;
}

namespace {

std::vector<HeaderWord> read_row(const grid::Sheet& sheet, int row) {
  std::vector<HeaderWord> out;
  if (row < 0 || row >= static_cast<int>(sheet.rows.size())) return out;
  for (const auto& cell : sheet.rows[static_cast<std::size_t>(row)])
    out.push_back(cell.display.size() > 80 ? HeaderWord{} : read_header(cell.display));
  return out;
}

// A value a header never holds: a cell the value grammar of the layouts reads as a number
// and nothing else ("10", "1,200", "１，２００", "▲3.5", "80.0%"), no unit, qualifier, note
// or mark ("※1", "(2023)") around it. Asking text::parse_cell keeps a header row judged by the
// rules a value cell is. A row of years or value words has none; a table's first row of data does.
bool is_plain_number(std::string_view display) {
  auto cell = text::parse_cell(text::normalize(text::trim(display)), display);
  bool no_unit = cell.unit.empty() || cell.unit == "%";
  return cell.value.has_number() && no_unit && cell.qualifier == model::Qualifier::none &&
         cell.note.empty() && cell.mark.empty();
}

// The header words of the rows searched for a header, each row read once (a row is asked
// for as a candidate and again as the neighbour of the rows around it).
class HeaderRows {
 public:
  explicit HeaderRows(const grid::Sheet& sheet) : sheet_(sheet) {}

  // Whether the row holds a number that is no year (a row of data, not of headers).
  bool holds_numbers(int row) {
    const auto& words = at(row);
    if (row < 0 || row >= static_cast<int>(sheet_.rows.size())) return false;
    const auto& cells = sheet_.rows[static_cast<std::size_t>(row)];
    for (std::size_t c = 0; c < cells.size() && c < words.size(); ++c)
      if (!words[c].fiscal_year && is_plain_number(cells[c].display)) return true;
    return false;
  }

  // Stays valid while other rows are read (a deque grows without moving its elements).
  const std::vector<HeaderWord>& at(int row) {
    static const std::vector<HeaderWord> none;
    if (row < 0 || row >= static_cast<int>(sheet_.rows.size())) return none;
    auto index = static_cast<std::size_t>(row);
    if (index >= words_.size()) words_.resize(index + 1);
    if (!words_[index]) words_[index] = read_row(sheet_, row);
    return *words_[index];
  }

 private:
  const grid::Sheet& sheet_;
  std::deque<std::optional<std::vector<HeaderWord>>> words_;
};

bool is_value_role(Role r) {
  return r == Role::target || r == Role::actual || r == Role::rate || r == Role::baseline ||
         r == Role::final_target;
}

// How much a row looks like a header: distinct roles, a KPI name column required.
int header_score(const std::vector<HeaderWord>& row) {
  std::vector<Role> seen;
  bool name = false;
  for (const auto& w : row) {
    if (w.role == Role::none) continue;
    name = name || w.role == Role::name;
    if (std::find(seen.begin(), seen.end(), w.role) == seen.end()) seen.push_back(w.role);
  }
  return name ? static_cast<int>(seen.size()) : 0;
}

int value_roles(const std::vector<HeaderWord>& row) {
  int n = 0;
  for (const auto& w : row) n += is_value_role(w.role);
  return n;
}

int sub_labels(const std::vector<HeaderWord>& row) {
  int n = 0;
  for (const auto& w : row) n += w.sub != SubLabel::none;
  return n;
}

// Years written alone in a row (the upper row of two): 令和5年度 merged over three columns.
int bare_years(const std::vector<HeaderWord>& row) {
  int n = 0;
  for (const auto& w : row) n += w.fiscal_year.has_value();
  return n;
}

// Years of the row above standing over the value columns of the named row (令和4年度 over
// 目標値): a title above the header (「令和5年度 新田町 KPI進捗状況」 over No) is not one.
int years_over_values(const std::vector<HeaderWord>& above, const std::vector<HeaderWord>& here) {
  int n = 0;
  for (std::size_t c = 0; c < above.size() && c < here.size(); ++c)
    n += above[c].fiscal_year && (is_value_role(here[c].role) || here[c].role == Role::grade);
  return n;
}

// An upper header that stands over the columns to its right until the next one: a year
// (令和5年度 over 目標値/実績値/達成率) or a value word (目標値 over R4/R5).
bool spans_right(const HeaderWord& w) {
  return w.fiscal_year || w.era_less_year > 0 || w.role == Role::target || w.role == Role::actual ||
         w.role == Role::rate || w.role == Role::grade;
}

// The upper row's words as they stand over each column: a cell's own word, the merged
// range's top-left word, or the nearest year header to the left over empty cells (a merge
// lost in a text export). One pass over the row.
std::vector<HeaderWord> upper_words(const grid::Sheet& sheet, const grid::MergedIndex& merges,
                                    const std::vector<HeaderWord>& upper, int row,
                                    std::size_t width) {
  std::vector<HeaderWord> out(width);
  HeaderWord left;  // the word of the nearest non-empty cell to the left, if a year
  for (std::size_t c = 0; c < width; ++c) {
    auto own = c < upper.size() ? upper[c] : HeaderWord{};
    const auto* cell = sheet.at(row, static_cast<int>(c));
    bool empty = !cell || text::trim(cell->display).empty();
    if (const auto* m = merges.at(row, static_cast<int>(c)); m && empty)
      own = static_cast<std::size_t>(m->first_col) < upper.size()
                ? upper[static_cast<std::size_t>(m->first_col)]
                : HeaderWord{};
    else if (empty)
      own = left;
    if (!empty) left = spans_right(own) ? own : HeaderWord{};
    out[c] = own;
  }
  return out;
}

std::string joined_header(const grid::Sheet& sheet, int first, int last, int col) {
  std::string out;
  for (int r = first; r <= last; ++r) {
    const auto* cell = sheet.at(r, col);
    if (!cell || text::trim(cell->display).empty()) continue;
    if (!out.empty()) out += " / ";
    out += text::squeeze_spaces(cell->display);
  }
  return out;
}

// The role of a 年度 cell under `upper`: the year of a baseline or of the final target.
Role year_role_under(Role upper) {
  if (upper == Role::baseline) return Role::baseline_year;
  if (upper == Role::target || upper == Role::final_target) return Role::final_year;
  return Role::none;
}

Column combine(const HeaderWord& upper, const HeaderWord& lower, int col) {
  Column c;
  c.index = col;
  if (lower.sub == SubLabel::year) {
    c.role = year_role_under(upper.role);
    return c;
  }
  c.role = lower.role != Role::none ? lower.role : upper.role;
  c.fiscal_year = lower.fiscal_year ? lower.fiscal_year : upper.fiscal_year;
  c.year_offset = lower.year_offset != 0 ? lower.year_offset : upper.year_offset;
  c.era_less_year = lower.era_less_year != 0 ? lower.era_less_year : upper.era_less_year;
  // "令和5年度" over "目標値": the year belongs to the lower role.
  if (upper.role != Role::none && lower.role == Role::none && lower.fiscal_year)
    c.role = upper.role;
  return c;
}

bool names_current_value(const Column& c) {
  return text::contains(c.header, "現状値") || text::contains(c.header, "現在値");
}

// 現状値 / 現在値 is the value now: the actual when another column names the baseline (基準値,
// 策定時 …) or when the sheet prints rates and names no actual; else, in a plan's table
// (現状値 and 目標値), the baseline the plan started from.
void current_values_as_actuals(HeaderMap& map) {
  bool other_baseline = false, rate = false, actual = false;
  for (const auto& c : map.columns) {
    other_baseline = other_baseline || (c.role == Role::baseline && !names_current_value(c));
    rate = rate || c.role == Role::rate;
    actual = actual || c.role == Role::actual;
  }
  if (!other_baseline && (actual || !rate)) return;
  for (auto& c : map.columns)
    if (c.role == Role::baseline && names_current_value(c)) c.role = Role::actual;
}

HeaderMap build_map(const grid::Sheet& sheet, const grid::MergedIndex& merges, HeaderRows& rows,
                    int first, int last) {
  HeaderMap map;
  map.first_row = first;
  map.last_row = last;
  const auto& upper = rows.at(first);
  const auto& lower = rows.at(last);
  std::size_t width = std::max(upper.size(), lower.size());
  auto over = first == last ? std::vector<HeaderWord>(width)
                            : upper_words(sheet, merges, upper, first, width);
  HeaderWord split;  // the nearest upper word to the left that a 年度 | 値 row may split
  for (int col = 0; col < static_cast<int>(width); ++col) {
    HeaderWord up = over[static_cast<std::size_t>(col)];
    HeaderWord low =
        col < static_cast<int>(lower.size()) ? lower[static_cast<std::size_t>(col)] : HeaderWord{};
    if (up.role != Role::none)
      split = up;
    else if (up.fiscal_year || up.era_less_year > 0)
      split = {};
    else if (low.sub != SubLabel::none)
      up = split;  // 基準値 merged over 年度 | 値, the merge lost in a CSV
    auto c = combine(up, low, col);
    if (c.role == Role::none && (c.fiscal_year || c.era_less_year > 0))
      c.role = Role::year;  // R2 alone
    // 基準値 | 年度 side by side in one row: the year of the value to its left.
    if (c.role == Role::none && low.sub == SubLabel::year && !map.columns.empty() &&
        map.columns.back().index == col - 1)
      c.role = year_role_under(map.columns.back().role);
    if (c.role == Role::none) continue;
    c.header = joined_header(sheet, first, last, col);
    map.columns.push_back(std::move(c));
  }
  current_values_as_actuals(map);
  return map;
}

// Which neighbour of the name row completes the header: the row above when it holds years
// or roles over the value columns, the row below when it holds 目標値/実績値 under years (and
// no number: a first row of data printing years, "R1" and "R6" under 基準年度 and 目標年度, is
// data).
std::pair<int, int> header_rows(HeaderRows& rows, int row) {
  const auto& below = rows.at(row + 1);
  const auto& here = rows.at(row);
  bool here_has_years = bare_years(here) > 0;
  if (header_score(below) == 0 &&
      (value_roles(below) >= 2 || bare_years(below) >= 2 || sub_labels(below) >= 2) &&
      !rows.holds_numbers(row + 1))
    return {row, row + 1};
  const auto& above = rows.at(row - 1);
  if (row > 0 && header_score(above) == 0 && years_over_values(above, here) >= 1 && !here_has_years)
    return {row - 1, row};
  return {row, row};
}

}  // namespace

// Columns of values (目標値, 実績値, 達成率 …) or of years alone.
int value_columns(const HeaderMap& map) {
  int values = 0;
  for (const auto& c : map.columns) values += is_value_role(c.role) || c.role == Role::year;
  return values;
}

// Distinct roles of a header with a KPI name column; 0 without one.
int map_score(const HeaderMap& map) {
  std::vector<Role> seen;
  bool name = false;
  for (const auto& c : map.columns) {
    name = name || c.role == Role::name;
    if (std::find(seen.begin(), seen.end(), c.role) == seen.end()) seen.push_back(c.role);
  }
  return name ? static_cast<int>(seen.size()) : 0;
}

std::optional<HeaderMap> find_header(const grid::Sheet& sheet) {
  return find_header(sheet, grid::MergedIndex(sheet));
}

std::optional<HeaderMap> header_at(const grid::Sheet& sheet, const grid::MergedIndex& merges,
                                   int row) {
  HeaderRows words(sheet);
  if (header_score(words.at(row)) == 0) return std::nullopt;
  auto [first, last] = header_rows(words, row);
  auto map = build_map(sheet, merges, words, first, last);
  if (map_score(map) == 0 || value_columns(map) < 2) return std::nullopt;
  return map;
}

std::optional<HeaderMap> find_header(const grid::Sheet& sheet, const grid::MergedIndex& merges) {
  std::optional<HeaderMap> best;
  int best_score = 0;
  int rows = std::min(static_cast<int>(sheet.rows.size()), max_header_search_rows);
  HeaderRows words(sheet);
  for (int r = 0; r < rows; ++r) {
    if (header_score(words.at(r)) == 0) continue;
    // The row with its companion row of years or value words; the first best one wins (a
    // header repeated further down is not the header).
    auto [first, last] = header_rows(words, r);
    auto map = build_map(sheet, merges, words, first, last);
    int score = map_score(map);
    if (score > best_score) best = std::move(map), best_score = score;
  }
  if (!best || value_columns(*best) < 2) return std::nullopt;
  return best;
}

std::vector<Role> missing_roles(const HeaderMap& map) {
  std::vector<Role> missing;
  for (Role r : {Role::name, Role::target, Role::actual})
    if (!map.find(r) && !(r == Role::target && map.find(Role::final_target))) missing.push_back(r);
  return missing;
}

std::string role_list(const std::vector<Role>& roles) {
  std::string list;
  for (Role r : roles) list.append(list.empty() ? "" : ", ").append(to_string(r));
  return list;
}

std::string header_report(const grid::Sheet& sheet) {
  int best_row = -1, best_count = 0;
  int rows = std::min(static_cast<int>(sheet.rows.size()), max_header_search_rows);
  for (int r = 0; r < rows; ++r) {
    int count = 0;
    for (const auto& w : read_row(sheet, r)) count += w.role != Role::none;
    if (count > best_count) best_row = r, best_count = count;
  }
  if (best_row < 0) return "no header row names a KPI column (指標名, KPI, 重要業績評価指標)";
  HeaderRows words(sheet);
  auto map = build_map(sheet, grid::MergedIndex(sheet), words, best_row, best_row);
  std::string recognised;
  for (const auto& c : map.columns)
    recognised += (recognised.empty() ? "" : ", ") + std::string(to_string(c.role));
  std::string missing = role_list(missing_roles(map));
  return "row " + std::to_string(best_row + 1) + " recognised: " + recognised +
         (missing.empty() ? "" : "; missing: " + missing);
}

}  // namespace kpi::formats::grid_headers
