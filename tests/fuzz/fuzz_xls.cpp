// read_xls (the OLE2 container and BIFF8 records) and the workbook sniffer on arbitrary bytes.
#include "fuzz_grid.hpp"

extern "C" int LLVMFuzzerTestOneInput(const unsigned char* data, std::size_t size) {
  auto bytes = kpi::fuzz::as_text(data, size);
  auto limits = kpi::fuzz::fuzz_limits();
  kpi::fuzz::check_workbook_result(kpi::grid::read_xls(bytes, limits), limits);
  auto kind = kpi::grid::sniff_workbook(bytes);
  if (kind == kpi::grid::WorkbookKind::none || kind == kpi::grid::WorkbookKind::encrypted)
    FUZZ_REQUIRE(!kpi::grid::read_workbook(bytes, limits).book);
  return 0;
}
