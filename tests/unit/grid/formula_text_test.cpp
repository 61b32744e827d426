// Formula text in Excel's spelling from each file kind: xlsx shared formulas moved to their
// cells, OpenFormula of .ods, and the parsed tokens of .xls (src/grid internals).
#include <catch2/catch.hpp>

#include "grid/biff_formula.hpp"
#include "grid/cell_ref.hpp"
#include "grid/ods_formula.hpp"

using namespace kpi::grid;

namespace {

std::string bytes(std::initializer_list<int> values) {
  std::string out;
  for (int v : values) out.push_back(static_cast<char>(v));
  return out;
}

}  // namespace

TEST_CASE("shared xlsx formulas move their relative references", "[grid]") {
  CHECK(shift_formula("ROUND(O5/K5,3)", 2, 0) == "ROUND(O7/K7,3)");
  CHECK(shift_formula("$A$1+A$1+$A1+A1", 1, 1) == "$A$1+B$1+$A2+B2");
  CHECK(shift_formula("SUM(H5:H9)/LOG10(A1)", 1, 0) == "SUM(H6:H10)/LOG10(A2)");
  CHECK(shift_formula("'R5 A1'!A1&\"A1\"", 1, 0) == "'R5 A1'!A2&\"A1\"");
  CHECK(shift_formula("A1", -1, 0) == "#REF!");
  CHECK(shift_formula("Table1[[#This Row],[A1]]", 1, 0) == "Table1[[#This Row],[A1]]");
  // Columns past one letter and the grid's edges: Z→AA, AZ→BA, XFC→XFD, then #REF!.
  CHECK(shift_formula("Z9+AZ9+XFC9+ZZ1048575", 1, 1) == "AA10+BA10+XFD10+AAA1048576");
  CHECK(shift_formula("XFD1+A1048576", 1, 1) == "#REF!+#REF!");
  CHECK(shift_formula("$XFD$1048576", 5, 5) == "$XFD$1048576");
  // Appended after what the text holds (a cell's formula after its "="), reusing its buffer.
  std::string out = "=";
  kpi::grid::append_shifted_formula(out, "ROUND(P4/O4,3)*100", 3, 0);
  CHECK(out == "=ROUND(P7/O7,3)*100");
  kpi::grid::append_shifted_formula(out, "+B2", 0, -1);
  CHECK(out == "=ROUND(P7/O7,3)*100+A2");
  auto range = parse_range("B2:D10");
  REQUIRE(range);
  CHECK(range->first_row == 1);
  CHECK(range->last_col == 3);
  CHECK_FALSE(parse_cell_ref("XFE1"));
  CHECK_FALSE(parse_cell_ref("A0"));
}

TEST_CASE("OpenFormula of .ods in Excel's spelling", "[grid]") {
  CHECK(excel_formula_from_ods("of:=ROUND([.I5]/[.H5];3)") == "=ROUND(I5/H5,3)");
  CHECK(excel_formula_from_ods("of:=SUM([.$A$1:.B2])") == "=SUM($A$1:B2)");
  CHECK(excel_formula_from_ods("of:=[$'R5 年度'.A1]&\";\"") == "='R5 年度'!A1&\";\"");
  CHECK(excel_formula_from_ods("of:=IF([.A1]>0;1;0)") == "=IF(A1>0,1,0)");
}

TEST_CASE("xls parsed formulas as text", "[grid]") {
  // ROUND(D3/C3,3) in E3: ptgRef D3, ptgRef C3, ptgDiv, ptgInt 3, ptgFunc ROUND.
  std::string round =
      bytes({0x44, 2, 0, 3, 0xC0, 0x44, 2, 0, 2, 0xC0, 0x06, 0x1E, 3, 0, 0x41, 27, 0});
  CHECK(biff_formula_text(round, 2, 4) == "ROUND(D3/C3,3)");
  // A shared formula's ptgRefN: same row, one column left of the cell.
  CHECK(biff_formula_text(bytes({0x4C, 0, 0, 0xFF, 0xC0}), 3, 4) == "D4");
  // SUM(A1:A5) through tAttrSum; an absolute $B$2; a string with a quote.
  CHECK(biff_formula_text(bytes({0x25, 0, 0, 4, 0, 0, 0xC0, 0, 0xC0, 0x19, 0x10, 0, 0}), 0, 0) ==
        "SUM(A1:A5)");
  CHECK(biff_formula_text(bytes({0x24, 1, 0, 1, 0}), 0, 0) == "$B$2");
  CHECK(biff_formula_text(bytes({0x17, 2, 0, 'a', '"'}), 0, 0) == "\"a\"\"\"");
  // Not decoded: a name, truncated tokens, an unbalanced stack.
  CHECK(biff_formula_text(bytes({0x23, 1, 0, 0, 0}), 0, 0).empty());
  CHECK(biff_formula_text(bytes({0x44, 2}), 0, 0).empty());
  CHECK(biff_formula_text(bytes({0x06}), 0, 0).empty());
}
