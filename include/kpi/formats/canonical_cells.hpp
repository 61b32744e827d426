#pragma once
// The cell conventions of the canonical CSV (docs/canonical.md), shared by its reader
// (formats/canonical_csv.cpp) and its writer (report/csv.cpp) so that they stay inverse.
#include <optional>
#include <string>
#include <string_view>

#include "kpi/formats/parse_kit.hpp"
#include "kpi/model/indicator.hpp"

namespace kpi::formats::canonical {

// -- Excel formula injection --------------------------------------------------------------
// Writing: a ' before a cell Excel would run as a formula (starting with = + - @), except a
// plain number ("-5", "-328.2%") or the no-value dash "-"; and before a cell that itself
// starts with ', so that reading stays the exact inverse.
std::string protect_cell(std::string_view text);
// Reading: drops one leading ' (Excel's "this is text" mark).
std::string_view unprotect_cell(std::string_view cell);

// A header cell as a column name: trimmed, Excel's ' removed, ASCII lower case; a Japanese
// header by its meaning (年度 → fiscal_year, 指標名 → name, 達成率 → published_rate ...).
std::string column_name(std::string_view header_cell);
// True when the header is written in Japanese (not ASCII).
bool is_japanese_header(std::string_view header_cell);
// Whether a header cell names a fiscal year (R5目標値, 令和5年度): a grid's header, whose
// years run across, not the canonical sheet's.
bool names_a_year(std::string_view header_cell);

// -- values ---------------------------------------------------------------------------------
// The number a printed value cell stands for, as the reader derives it ("▲ 441" -> -441,
// "99.0%" -> 99.0, "25以下" -> 25, "継続実施" -> none).
std::optional<model::Decimal> number_in_text(std::string_view printed);
// The text written for a value: as printed, or the number when nothing was printed.
std::string printed_text(const model::Value& value);
// The *_number cell for a value: "" when its printed text yields exactly its number (same
// digits and decimals), else the number ("-275", "58.0") or "-" for "deliberately none".
std::string explicit_number_cell(const model::Value& value);
// Reads a *_number cell: "-" is "no number"; nullopt outer = not a number.
std::optional<std::optional<model::Decimal>> read_explicit_number(std::string_view cell);
// A value from its printed cell and its optional *_number cell (already validated).
model::Value read_value(std::string_view printed, std::string_view number_cell);

// -- other cells ----------------------------------------------------------------------------
// "2023", "FY2023", "2023年度", "R5", "令和5年度", "H30" -> fiscal year.
std::optional<int> read_fiscal_year(std::string_view cell);
// true/false, yes/no, 1/0, ○/×, 累計 (any case); "" is false.
std::optional<bool> read_flag(std::string_view cell);
const char* flag_text(bool flag);
// increase/decrease/maintain, 増加指標/減少指標/維持指標, 増加/減少/維持; "" = unknown.
std::optional<model::Direction> read_direction(std::string_view cell);
// True when the cell names the direction in English (so it is not printed label text).
bool is_direction_keyword(std::string_view cell);
// label/qualifier/inferred/none.
std::optional<model::DirectionSource> read_direction_source(std::string_view cell);
// 以上/以下/程度/を維持 or at_least/at_most/about/keep; "none" (or なし) = explicitly none.
std::optional<model::Qualifier> read_qualifier(std::string_view cell);
// relisted_of: "" = not re-listed, "再掲" = re-listed from an unknown row, else the id.
std::optional<std::string> read_relisted(std::string_view cell);
std::string relisted_text(const std::optional<std::string>& relisted_of);

inline constexpr std::string_view relisted_unknown = "再掲";

}  // namespace kpi::formats::canonical
