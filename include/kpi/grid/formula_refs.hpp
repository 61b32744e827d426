#pragma once
// The A1 cell references of a formula, found the way Excel reads them: not inside strings,
// quoted sheet names or [structured] parts, not a name followed by "(" (a function) or "!"
// (a sheet). Shared by the readers (shared formulas) and the verifier (what a rate cell uses).
#include <cstddef>
#include <string_view>
#include <vector>

namespace kpi::grid {

struct FormulaReference {
  std::size_t begin = 0, end = 0;  // byte range in the formula, "$" anchors included
  int row = 0, col = 0;            // 0-based
  bool row_absolute = false, col_absolute = false;
  bool other_sheet = false;  // written after "Sheet!"
};

std::vector<FormulaReference> formula_references(std::string_view formula);
// The same into `out` (cleared first): a buffer reused from formula to formula.
void formula_references(std::string_view formula, std::vector<FormulaReference>& out);

}  // namespace kpi::grid
