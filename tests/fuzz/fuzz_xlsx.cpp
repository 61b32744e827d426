// read_xlsx on arbitrary bytes. An input starting with "PK" is read as the package itself;
// any other input becomes the worksheet XML of a small package (with a shared-string table
// and styles), so the mutations reach the sheet parser rather than the ZIP checksums. Each
// package is read serially by expat, and as plain XML in pieces on threads and on the calling
// thread (pieces of 1 to 64 bytes, so that every row is cut): the reads must agree.
#include <algorithm>

#include "fuzz_grid.hpp"
#include "workbook_compare.hpp"
#include "workbook_files.hpp"

namespace {

const std::string kSharedStrings =
    R"(<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>指標</t></si>)"
    R"(<si><r><t>移住</t></r><r><t>者数</t></r><rPh><t>イジュウ</t></rPh></si></sst>)";
const std::string kStyles =
    R"(<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts>)"
    R"(<numFmt numFmtId="164" formatCode="[$-ja-JP]ggge&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/>)"
    R"(<numFmt numFmtId="165" formatCode="#,##0&quot;人&quot;;&quot;▲&quot;#,##0"/></numFmts>)"
    R"(<cellXfs><xf numFmtId="0"/><xf numFmtId="10"/><xf numFmtId="164"/><xf numFmtId="165"/>)"
    R"(<xf numFmtId="3"/><xf numFmtId="14"/></cellXfs></styleSheet>)";

void read_both_ways(const std::string& package, const kpi::grid::Limits& limits) {
  auto serial = kpi::grid::read_xlsx(package, limits, kpi::grid::ReadThreads::expat_only());
  kpi::fuzz::check_workbook_result(serial, limits);
  std::size_t piece_bytes = 1 + package.size() % 64;
  auto in_pieces = kpi::grid::read_xlsx(package, limits, {2, piece_bytes});
  FUZZ_REQUIRE(kpi::testing::workbook_difference(serial, in_pieces).empty());
  auto one_thread = kpi::grid::read_xlsx(package, limits, {1, piece_bytes});
  FUZZ_REQUIRE(kpi::testing::workbook_difference(serial, one_thread).empty());
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const unsigned char* data, std::size_t size) {
  auto bytes = kpi::fuzz::as_text(data, size);
  auto limits = kpi::fuzz::fuzz_limits();
  if (bytes.substr(0, 2) == "PK") {
    read_both_ways(std::string(bytes), limits);
    return 0;
  }
  std::string package = kpi::testing::xlsx_bytes(
      {{"KPI", std::string(bytes)}, {"旧", "<worksheet/>", "hidden"}}, kSharedStrings, kStyles);
  read_both_ways(package, limits);
  return 0;
}
