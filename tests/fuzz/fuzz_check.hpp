#pragma once
// What the fuzz targets assert beyond "no crash": a violated rule aborts, so libFuzzer stops
// and saves the input under tests/fuzz/regressions/<target>/.
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "parse_contract.hpp"

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

// The parse contract (tests/unit/parse_contract.hpp): aborts with every broken rule.
inline void check_parse_output(const model::ParseOutput& out, std::string_view text,
                               std::string_view path) {
  auto violations = testing::parse_contract_violations(out, text, path);
  for (const auto& v : violations) std::fprintf(stderr, "parse contract broken: %s\n", v.c_str());
  if (!violations.empty()) std::abort();
}

}  // namespace kpi::fuzz
