#pragma once
// Workbook files into the grid model: .xlsx/.xlsm (libzip + expat), .ods (libzip + expat),
// .xls BIFF8 (its OLE2 container and records read by src/grid itself). Every reader gives
// values, displays, number formats (.ods: from its data styles), formulas with their cached
// values (.xls: "" for formulas with 3-D references, names or arrays), merged ranges and
// hidden rows, columns and sheets. Readers are pure: bytes in, grid out; hostile files
// (corrupt or truncated ZIP, ZIP bombs, XML entities, encrypted workbooks) end in an error value,
// never a crash, a hang or unbounded memory.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "kpi/grid/grid.hpp"

namespace kpi::grid {

enum class WorkbookKind { none, xlsx, ods, xls, encrypted };

// What the first bytes say: a ZIP holding xl/workbook.xml → xlsx, a ZIP with an
// OpenDocument spreadsheet mimetype → ods, an OLE2 compound file → xls (or encrypted, when
// the OLE file is an encrypted OOXML package: "EncryptionInfo" stream, or an .xls whose
// workbook globals hold a FILEPASS record). none otherwise.
WorkbookKind sniff_workbook(std::string_view bytes);

// True when the bytes start as a ZIP or an OLE2 file: a workbook, or a damaged or foreign
// one that read_workbook explains.
bool has_container_magic(std::string_view bytes);

struct Limits {
  std::uint64_t max_entry_bytes = 256ull << 20;  // one uncompressed ZIP entry
  std::uint64_t max_total_bytes = 512ull << 20;  // all entries read
  // Cells stored over all sheets: the grid is dense, so every row and every cell up to a
  // row's last one counts (a lone value at XFD1000 costs 1000 rows + 16384 cells). 64 bytes
  // each, their texts kept once in the workbook's TextStore (bounded by max_text_bytes): the
  // default bounds the grid near 130 MB. The 1.6M cells of an 89,000-row .xlsx (87 MB of
  // sheet XML) read in about 0.9 s CPU and 140 MB.
  std::uint64_t max_cells = 2'000'000;
  std::uint64_t max_text_bytes = 64ull << 20;   // cell text (values, displays, formulas) in all
  std::uint64_t max_string_bytes = 1ull << 20;  // one string (Excel allows 32,767 characters)
  std::uint64_t max_sheets = 1024;
};

// The threads a reader may use, and how an .xlsx worksheet's rows are read: as plain XML
// (src/grid/plain_xml.hpp) in pieces of about piece_bytes, on `count` threads when there are
// more than one and the sheet has more than two pieces, else on the calling thread. What the
// plain reading cannot redo exactly as expat would is read serially by expat, and so is
// everything when `plain` is false (expat_only: the reference the plain reading is tested
// against). The result is the same either way.
struct ReadThreads {
  unsigned count = 1;
  std::size_t piece_bytes = 2u << 20;
  bool plain = true;

  static constexpr ReadThreads expat_only() { return {1, 2u << 20, false}; }
};

struct WorkbookResult {
  std::optional<Workbook> book;
  // When book is empty: one line, no location prefix, saying what is wrong and what to do
  // ("encrypted workbook: save it without a password", "corrupt ZIP archive: ...").
  std::string error;
  std::string error_where;  // "xl/worksheets/sheet2.xml:14" or "" (for the message prefix)
  std::string error_sheet;  // the sheet being read when the error is in one ("KPI進捗"), or ""
};

WorkbookResult read_workbook(std::string_view bytes, const Limits& limits = {},
                             const ReadThreads& threads = {});
WorkbookResult read_xlsx(std::string_view bytes, const Limits& limits = {},
                         const ReadThreads& threads = {});
WorkbookResult read_ods(std::string_view bytes, const Limits& limits = {});
WorkbookResult read_xls(std::string_view bytes, const Limits& limits = {});

}  // namespace kpi::grid
