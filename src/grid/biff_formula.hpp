#pragma once
// Excel formula text from the parsed tokens (Rgce) of a BIFF8 FORMULA or SHRFMLA record
// (private to src/grid/): "ROUND(D3/C3,3)". Operators, numbers, strings, booleans, errors,
// references and areas on the same sheet (also the relative ones of shared formulas) and the
// common worksheet functions; anything else (3-D references, names, arrays) gives "".
#include <string>
#include <string_view>

namespace kpi::grid {

// The formula (without "=") of tokens stored for the cell at (row, col), 0-based.
std::string biff_formula_text(std::string_view tokens, int row, int col);

}  // namespace kpi::grid
