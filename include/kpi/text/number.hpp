#pragma once
// Numbers as printed in Japanese KPI tables: ▲/△ minus, "-" / "−" / "‐" / "–" / "－" right
// before the digits as minus, "+" / "＋" as plus, thousands separators,
// "-" / "－" / "―" / "—" as no value, %, units and notes glued on.
// Input must be normalised (see normalize.hpp) unless stated otherwise.
#include <optional>
#include <string>
#include <string_view>

#include "kpi/model/value.hpp"

namespace kpi::text {

struct NumberToken {
  model::Decimal number;
  std::size_t begin = 0;  // byte offset of the first char (sign or digit)
  std::size_t end = 0;    // byte offset past the last digit (before %, unit ...)
  bool percent = false;   // followed by %
};

// True for a cell that means "no value": "", "-", "－", "―", "—", "－－", "…".
bool is_no_value(std::string_view cell);

// True for a spreadsheet error shown in place of a formula's value: #DIV/0!, #VALUE!, #REF!,
// #NAME?, #N/A, #NUM!, #NULL!, #SPILL!, #CALC! (what a CSV export of such a cell prints).
bool is_excel_error(std::string_view cell);

// The first number in `s` starting at or after `from` (leading ▲/△/-/+ sign included).
// Rejects numbers with more than 18 significant digits or more than 12 decimals.
std::optional<NumberToken> find_number(std::string_view s, std::size_t from = 0);

// True when `s` prints a number beyond what find_number reads exactly: more than 18
// significant digits or more than 12 decimals ("12345678901234567890").
bool exceeds_exact_digits(std::string_view s);

// A cell that is exactly one number, optionally followed by % (e.g. "1,190", "▲ 441",
// "99.0%"). Anything else yields no number.
std::optional<model::Decimal> parse_exact_number(std::string_view s);

// A cell holding a number followed by unit/qualifier/note text: "30件(累計)", "25以下",
// "42.2%以上"; also after a leading mark ("※75.0%", "↑75.0%", "'75.0%", "=75.0%") or wholly
// in brackets ("(75.0%)" is 75.0%, not a negative). `text` keeps the original cell.
struct CellValue {
  model::Value value;
  std::string unit;  // text right after the number up to a qualifier/bracket ("件", "%")
  model::Qualifier qualifier = model::Qualifier::none;
  std::string note;  // text in brackets after the number: "累計", "平成30年度"
  // The mark the number was read past: "※", "*", "↑", "↓", "→", "'", "=" before it, "()"
  // for a number wholly in brackets; "" for a cell that starts with its number (most).
  std::string mark;
};
CellValue parse_cell(std::string_view normalized_cell, std::string_view original_text);

}  // namespace kpi::text
