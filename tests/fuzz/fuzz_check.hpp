#pragma once
// Invariants the fuzz targets assert beyond "no crash": a violated one aborts, so libFuzzer
// stops and saves the input under tests/fuzz/regressions/<target>/.
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "kpi/model/sheet.hpp"

#define FUZZ_REQUIRE(condition)                                                                    \
  do {                                                                                             \
    if (!(condition)) {                                                                            \
      std::fprintf(stderr, "fuzz invariant failed: %s (%s:%d)\n", #condition, __FILE__, __LINE__); \
      std::abort();                                                                                \
    }                                                                                              \
  } while (0)

namespace kpi::fuzz {

// The input bytes as text.
inline std::string_view as_text(const unsigned char* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

// What every layout's parse() must guarantee for any text (see docs/robustness.md):
// rows_read == rows_used + skipped, each skipped row also a warning, every location in
// `path` inside the file, and UTF-8 out when UTF-8 went in (the JSON writer refuses anything
// else).
void check_parse_output(const model::ParseOutput& out, std::string_view text, std::string_view path,
                        bool utf8_input);

}  // namespace kpi::fuzz
