// read_ods on arbitrary bytes. An input starting with "PK" is read as the package itself;
// any other input becomes content.xml of a package, so the mutations reach the table parser.
#include "fuzz_grid.hpp"
#include "workbook_files.hpp"

extern "C" int LLVMFuzzerTestOneInput(const unsigned char* data, std::size_t size) {
  auto bytes = kpi::fuzz::as_text(data, size);
  auto limits = kpi::fuzz::fuzz_limits();
  if (bytes.substr(0, 2) == "PK") {
    kpi::fuzz::check_workbook_result(kpi::grid::read_ods(bytes, limits), limits);
    return 0;
  }
  std::string package =
      kpi::testing::zip_bytes({{"mimetype", "application/vnd.oasis.opendocument.spreadsheet", true},
                               {"content.xml", std::string(bytes), true}});
  kpi::fuzz::check_workbook_result(kpi::grid::read_ods(package, limits), limits);
  return 0;
}
