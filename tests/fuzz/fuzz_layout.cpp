// Every registered input layout (formats::input_formats()) on arbitrary text: sniff(),
// parse(), the parse contract (fuzz_check.hpp), then the rate engine and the JSON of each
// indicator on what the parser produced.
//
// KPI_FUZZ_LAYOUT=NAME restricts the run to one layout (run.sh starts one run per layout);
// unset, each input goes through all of them. A new layout needs no change here.
#include <cstdio>
#include <cstdlib>
#include <vector>

#include "fuzz_check.hpp"
#include "kpi/formats/registry.hpp"
#include "kpi/report/json.hpp"
#include "kpi/text/decode.hpp"
#include "kpi/verify/rate_check.hpp"

namespace {

std::vector<const kpi::formats::InputFormat*> layouts;

void parse_with(const kpi::formats::InputFormat& layout, std::string_view text, bool utf8) {
  FUZZ_REQUIRE(layout.sniff(text) >= 0);
  auto out = layout.parse(text, "fuzz.txt");
  kpi::fuzz::check_parse_output(out, text, "fuzz.txt");
  kpi::verify::check_rates(out.indicators);
  if (!utf8) return;  // the pipeline only hands decoded UTF-8 to the writers
  for (const auto& ind : out.indicators) (void)kpi::report::indicator_json(ind).dump();
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  const char* name = std::getenv("KPI_FUZZ_LAYOUT");
  if (name && *name) {
    const auto* layout = kpi::formats::find_format(name);
    if (!layout) {
      std::fprintf(stderr, "KPI_FUZZ_LAYOUT=%s: no such layout (see `kpi-report formats`)\n", name);
      std::exit(2);
    }
    layouts.push_back(layout);
  } else {
    for (const auto& layout : kpi::formats::input_formats()) layouts.push_back(&layout);
  }
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const unsigned char* data, std::size_t size) {
  auto text = kpi::fuzz::as_text(data, size);
  bool utf8 = kpi::text::is_valid_utf8(text);
  for (const auto* layout : layouts) parse_with(*layout, text, utf8);
  return 0;
}
