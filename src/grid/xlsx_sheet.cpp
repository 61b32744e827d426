// One worksheet of an .xlsx package into a Sheet: serially, or a large one in pieces on
// threads when that is possible (xlsx_sheet_split.hpp).
#include "xlsx_sheet_handler.hpp"
#include "xlsx_sheet_split.hpp"

namespace kpi::grid {

ReadError read_worksheet(ZipArchive& archive, std::string_view entry, const XlsxContext& context,
                         GridBudget& budget, Sheet& sheet, const ReadThreads& threads) {
  bool large = archive.declared_size(entry) >= 2 * threads.piece_bytes;
  if (threads.count > 1 && large &&
      read_worksheet_in_pieces(archive, entry, context, budget, sheet, threads)) {
    finish_sheet(sheet);
    return {};
  }
  WorksheetHandler handler(context, budget, sheet);
  auto error = parse_xml_entry(archive, entry, handler);
  finish_sheet(sheet);
  return error;
}

}  // namespace kpi::grid
