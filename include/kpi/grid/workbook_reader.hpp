#pragma once
// Workbook files into the grid model: .xlsx/.xlsm (libzip + expat), .ods (libzip + expat),
// .xls BIFF8 (libfreexl). Readers are pure: bytes in, grid out; hostile files (corrupt or
// truncated ZIP, ZIP bombs, XML entities, encrypted workbooks) end in an error value, never
// a crash, a hang or unbounded memory.
#include <optional>
#include <string>
#include <string_view>

#include "kpi/grid/grid.hpp"

namespace kpi::grid {

enum class WorkbookKind { none, xlsx, ods, xls, encrypted };

// What the first bytes say: a ZIP holding xl/workbook.xml → xlsx, a ZIP with an
// OpenDocument spreadsheet mimetype → ods, an OLE2 compound file → xls (or encrypted, when
// the OLE file is an encrypted OOXML package: "EncryptionInfo" stream). none otherwise.
WorkbookKind sniff_workbook(std::string_view bytes);

struct Limits {
  std::uint64_t max_entry_bytes = 256ull << 20;  // one uncompressed ZIP entry
  std::uint64_t max_total_bytes = 512ull << 20;  // all entries read
  std::uint64_t max_cells = 20'000'000;          // cells stored over all sheets
};

struct WorkbookResult {
  std::optional<Workbook> book;
  // When book is empty: one line, no location prefix, saying what is wrong and what to do
  // ("encrypted workbook: save it without a password", "corrupt ZIP archive: ...").
  std::string error;
  std::string error_where;  // "xl/worksheets/sheet2.xml:14" or "" (for the message prefix)
};

WorkbookResult read_workbook(std::string_view bytes, const Limits& limits = {});
WorkbookResult read_xlsx(std::string_view bytes, const Limits& limits = {});
WorkbookResult read_ods(std::string_view bytes, const Limits& limits = {});
WorkbookResult read_xls(std::string_view bytes, const Limits& limits = {});

}  // namespace kpi::grid
