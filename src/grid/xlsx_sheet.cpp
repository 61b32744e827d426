// One worksheet of an .xlsx package into a Sheet: in pieces read as plain XML, on threads
// when the sheet is large and there are several, when that is possible (xlsx_sheet_split.hpp);
// otherwise, and when only expat is asked for, serially by expat.
#include "xlsx_sheet_handler.hpp"
#include "xlsx_sheet_split.hpp"

namespace kpi::grid {

ReadError read_worksheet(ZipArchive& archive, std::string_view entry, const XlsxContext& context,
                         GridBudget& budget, Sheet& sheet, const ReadThreads& threads) {
  if (threads.plain && read_worksheet_in_pieces(archive, entry, context, budget, sheet, threads)) {
    finish_sheet(sheet);
    return {};
  }
  WorksheetHandler handler(context, budget, sheet);
  auto error = parse_xml_entry(archive, entry, handler);
  finish_sheet(sheet);
  return error;
}

}  // namespace kpi::grid
