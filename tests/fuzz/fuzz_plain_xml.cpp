// The plain XML reader (src/grid/plain_xml.hpp) on arbitrary content: whatever it reads, expat
// reads too, and both report the same elements, attributes and text.
#include "fuzz_check.hpp"
#include "xml_events.hpp"

extern "C" int LLVMFuzzerTestOneInput(const unsigned char* data, std::size_t size) {
  auto content = kpi::fuzz::as_text(data, size);
  kpi::grid::PlainRead read;
  std::string plain = kpi::testing::plain_record(content, read);
  if (read != kpi::grid::PlainRead::read) return 0;
  bool ok = false;
  std::string expat = kpi::testing::expat_record(content, ok);
  FUZZ_REQUIRE(ok);
  FUZZ_REQUIRE(plain == expat);
  return 0;
}
