#pragma once
// The parts of an .xlsx package (private to src/grid/): shared strings, styles and
// worksheets, each streamed through expat. xlsx_reader.cpp finds them and builds the book.
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "grid_budget.hpp"
#include "xml_stream.hpp"
#include "zip_archive.hpp"

namespace kpi::grid {

// styles.xml: the number format code of each cell format (the s="" index of a cell).
struct XlsxStyles {
  std::vector<std::string> cell_formats;
  const std::string& format_of(std::size_t style_index) const;
};

struct XlsxContext {
  // The workbook's text store: shared strings, number formats and every sheet's cell texts.
  std::shared_ptr<TextStore> texts = std::make_shared<TextStore>();
  std::vector<std::string_view> shared_strings;  // kept in texts
  XlsxStyles styles;
  bool date1904 = false;  // workbookPr date1904: serials count from 1904-01-01
};

// sharedStrings.xml: rich-text runs concatenated, phonetic (<rPh>) runs skipped.
ReadError read_shared_strings(ZipArchive& archive, std::string_view entry, GridBudget& budget,
                              TextStore& texts, std::vector<std::string_view>& strings);
ReadError read_styles(ZipArchive& archive, std::string_view entry, XlsxStyles& styles);
// One worksheet into the sheet: cells, shared formulas expanded, merged ranges, hidden rows
// and columns; a large one on threads (xlsx_sheet_split.hpp).
ReadError read_worksheet(ZipArchive& archive, std::string_view entry, const XlsxContext& context,
                         GridBudget& budget, Sheet& sheet, const ReadThreads& threads = {});

}  // namespace kpi::grid
