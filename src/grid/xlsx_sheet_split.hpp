#pragma once
// A worksheet read in pieces (private to src/grid/). Its XML is inflated and cut, at the
// start of a <row> element, into pieces of about piece_bytes; each piece is read apart by a
// WorksheetHandler, as plain XML (plain_xml.hpp) or by expat, on threads when there are
// several and the sheet has more than two pieces, and the pieces are joined in order. What
// surrounds the rows (<cols>, <mergeCells>) is read by one more handler, the frame.
//
// The read is optimistic: a cut may fall inside a comment or an element, a row may lack its
// number, a shared formula may point back across pieces, a limit may be reached. Anything the
// join cannot redo exactly as the serial read would (and every error) gives the sheet back,
// untouched, to the serial read, which then decides. So the result is always the serial
// read's, only sooner.
#include <string_view>

#include "kpi/grid/workbook_reader.hpp"
#include "xlsx_parts.hpp"

namespace kpi::grid {

// True when the sheet was read; false when the sheet, the budget and the archive's count of
// bytes read are as they were and the sheet must be read serially.
bool read_worksheet_in_pieces(ZipArchive& archive, std::string_view entry,
                              const XlsxContext& context, GridBudget& budget, Sheet& sheet,
                              const ReadThreads& threads);

}  // namespace kpi::grid
