#pragma once
// The BIFF8 records of an .xls Workbook stream (private to src/grid/): shared strings (SST
// with its CONTINUE records), number formats (FORMAT, XF), sheets and their visibility
// (BOUNDSHEET), cell values (NUMBER, RK, MULRK, LABELSST, LABEL, BOOLERR), formula results
// (FORMULA, STRING) and their text (biff_formula.hpp, shared ones via SHRFMLA), hidden rows (ROW)
// and columns (COLINFO), merged ranges (MERGEDCELLS), the 1904 date system (DATEMODE) and
// encryption (FILEPASS). Every count is checked against the record it comes from, so hostile files
// end in an error or fewer cells, never in reads past the stream.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "kpi/grid/grid.hpp"

namespace kpi::grid {

struct BiffCell {
  int row = 0, col = 0;
  std::uint16_t xf = 0;
  CellKind kind = CellKind::empty;  // number, text, boolean or error
  std::string value;
  std::string formula;  // "=ROUND(D3/C3,3)"; "" for a value or a formula not decoded
};

struct BiffSheet {
  std::string name;
  bool hidden = false;
  std::vector<BiffCell> cells;  // in file order
  std::vector<int> hidden_rows, hidden_cols;
  std::vector<Range> merged;
};

struct BiffWorkbook {
  std::string error;                    // "" when the stream was read
  std::vector<std::string> xf_formats;  // format code of each XF record, in order
  bool date1904 = false;
  std::vector<BiffSheet> sheets;  // worksheets in BOUNDSHEET order

  const std::string& format_of_xf(std::uint16_t xf) const;
};

// Whether the workbook globals hold a FILEPASS record (a password-protected .xls).
bool biff_is_encrypted(std::string_view workbook_stream);

// The text of a BIFF error code (0x07 → "#DIV/0!"), in cells and in formula tokens.
const char* biff_error_text(unsigned char code);

// The workbook in a BIFF8 Workbook stream, at most max_cells cells.
BiffWorkbook read_biff_workbook(std::string_view stream, std::uint64_t max_cells);

}  // namespace kpi::grid
