#pragma once
// A spreadsheet cell holding several values side by side, separated by spaces:
// "766人(平成30年度) 14件(平成30年度)", "320 社(累計) 366 件(累計)", "81% 14%",
// "平日38,924人/日(平成26年度) 日曜30,420人/日(平成26年度)". One piece per value.
#include <string>
#include <string_view>
#include <vector>

#include "kpi/formats/parse_kit.hpp"
#include "kpi/text/number.hpp"

namespace kpi::formats {

struct CellPiece {
  std::string original;    // printed text of the value ("平日38,924人/日(平成26年度)")
  std::string normalized;  // NFKC of it
  std::string label;  // normalised text before the number ("平日", "回数:", "①"); "" if none
  bool has_number = false;  // a number outside brackets
};

// Splits `original_cell` at spaces outside brackets, then keeps together what belongs to one
// value: a bracketed note after a space ("24社 (平成30年度)"), a unit after a bare number
// ("320 社(累計)"), and what follows a label ending in ':' ("栽培面積: 32.7ha") or a lone
// circled number ("① 5件").
std::vector<CellPiece> split_cell_values(std::string_view original_cell);

// The value of one piece: the value after its label (formats::read_value), up to a bracket
// that holds its note ("累計", "平成30年度"). The unit drops a label glued after the number
// ("39.9栽培面積: ha" → "ha").
text::CellValue parse_piece(const CellPiece& piece);

}  // namespace kpi::formats
