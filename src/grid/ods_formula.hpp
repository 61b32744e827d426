#pragma once
// OpenFormula as .ods stores it, in Excel's spelling (private to src/grid/):
// "of:=ROUND([.I5]/[.H5];3)" → "=ROUND(I5/H5,3)", "[$Sheet2.A1:.B3]" → "Sheet2!A1:B3".
#include <string>
#include <string_view>

namespace kpi::grid {

std::string excel_formula_from_ods(std::string_view formula);

}  // namespace kpi::grid
