#pragma once
// Column roles of a KPI grid from its Japanese (or English) header words: one or two header
// rows, fiscal years in any form (令和5年度, R5, 2023年度, H30), year headers merged over
// 目標値 / 実績値 / 達成率. Shared by the header-driven grid layout and the canonical CSV.
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "kpi/grid/grid.hpp"

namespace kpi::formats::grid_headers {

enum class Role {
  none,
  id,             // No / 番号
  name,           // 指標名 / KPI / 重要業績評価指標
  unit,           // 単位
  baseline,       // 基準値 / 初期値 / 策定時 / 現状値
  baseline_year,  // 基準年度
  target,         // 目標値 (a year's, or the final one when no actual column shares its year)
  final_target,   // 最終目標
  final_year,     // 目標年度 / 最終目標年度 (the final target's year)
  actual,         // 実績値
  rate,           // 達成率 / 進捗率 / 達成度
  grade,          // 評価 / 達成区分
  type,           // 指標区分 / 指標の型
  direction,      // 方向 / 増減
  goal,           // 基本目標 / 政策
  measure,        // 施策 / 基本的方向
  note,           // 備考
  year,           // a year alone (R2, 令和3年度) over values whose kind each row tells
  municipality,   // 自治体 / 市町村 (keep last: grid_layout indexes roles up to it)
};
const char* to_string(Role role);

// A lower header cell that only splits the one above it in two: 基準値 over 年度 | 値.
enum class SubLabel {
  none,
  year,  // 年度 / 年次 / 時点: the year of the value beside it (基準値 / 年度 → 基準年度)
  value,  // 値 / 数値: the value itself (基準値 / 値 → 基準値)
};

// The role and the fiscal year one header text names ("R5実績値" → actual, 2023).
struct HeaderWord {
  Role role = Role::none;
  std::optional<int> fiscal_year;
  int year_offset = 0;  // a year told relative to the sheet's: 前年度実績 -1, 前々年度 -2
  // A year printed without its era ("5年度", "4年度実績"): 1–99, placed in the era of the
  // sheet's year (the title's 令和5年度) when the layout is resolved; 0 for none.
  int era_less_year = 0;
  SubLabel sub = SubLabel::none;
};
HeaderWord read_header(std::string_view cell_text);
// The same for a cell already normalised (text::normalize): a caller that normalised it for
// its own test does not pay for it twice.
HeaderWord read_normalized_header(std::string_view normalized_cell);

// The words a header is recognised by, in the order they are tried: the first one a header
// contains decides its role ("最終目標" before "目標").
struct VocabularyWord {
  std::string_view text;  // normalised, ASCII lower case
  Role role;
};
std::span<const VocabularyWord> header_vocabulary();
// The index in header_vocabulary() of the first word `key` (a normalised header without
// spaces, lower case) contains, or header_vocabulary().size() when it contains none.
std::size_t first_vocabulary_word(std::string_view key);

struct Column {
  int index = 0;
  Role role = Role::none;
  std::optional<int> fiscal_year;
  int year_offset = 0;    // without a fiscal year: relative to the sheet's year (前年度 -1)
  int era_less_year = 0;  // without a fiscal year: "5年度", in the sheet's era (HeaderWord)
  std::string header;     // the header text (both rows joined by " / ")
};

struct HeaderMap {
  int first_row = 0;  // 0-based rows of the header
  int last_row = 0;
  std::vector<Column> columns;          // recognised columns only, by index
  const Column* find(Role role) const;  // the first column with that role
};

// The header of a KPI table in `sheet`: the row (with its companion year or role row) that
// names a KPI column and at least two value columns. nullopt when no row does.
std::optional<HeaderMap> find_header(const grid::Sheet& sheet, const grid::MergedIndex& merges);
std::optional<HeaderMap> find_header(const grid::Sheet& sheet);
// The header whose name row is `row` (with its companion row of years or value words), when
// that row names a KPI column and at least two value columns; nullopt otherwise.
std::optional<HeaderMap> header_at(const grid::Sheet& sheet, const grid::MergedIndex& merges,
                                   int row);
// Roles a KPI table needs that `map` lacks (name, target, actual).
std::vector<Role> missing_roles(const HeaderMap& map);
// The roles' names, comma-separated ("actual, target").
std::string role_list(const std::vector<Role>& roles);
// The best header-like row's recognised and missing columns, for the message when no
// table was found ("recognised: 指標名, 単位; missing: 実績値, 目標値").
std::string header_report(const grid::Sheet& sheet);

}  // namespace kpi::formats::grid_headers
