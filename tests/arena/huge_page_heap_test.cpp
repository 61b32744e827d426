// The program's heap in transparent huge pages (src/huge_page_heap.cpp), in a program linked
// with mimalloc as kpi-report is: mimalloc is told so before anything allocates, unless the
// environment names MIMALLOC_LARGE_OS_PAGES (ctest runs these tests both ways).
#include <catch2/catch.hpp>

#include <mimalloc.h>

#include <algorithm>
#include <cstddef>
#include <cstdlib>
#include <cstring>
#include <string_view>
#include <vector>

#include "huge_pages.hpp"

namespace {

bool environment_turns_it_off() {
  const char* value = std::getenv("MIMALLOC_LARGE_OS_PAGES");
  return value != nullptr && (std::string_view(value) == "0" || std::string_view(value) == "off");
}

}  // namespace

TEST_CASE("mimalloc advises its segments for huge pages unless the environment says not",
          "[heap]") {
  CHECK(mi_option_is_enabled(mi_option_large_os_pages) == !environment_turns_it_off());
}

TEST_CASE("the heap's first megabytes come as huge pages", "[heap]") {
  // 1 KiB blocks, as a sheet's strings and vectors are: more than the first segment's first
  // 2 MiB, which early allocations (libstdc++'s, at load) may have opened in small pages.
  constexpr std::size_t block = 1024, total = std::size_t{8} << 20;
  std::vector<char*> blocks;
  for (std::size_t made = 0; made < total; made += block) {
    auto* b = static_cast<char*>(mi_malloc(block));
    std::memset(b, 1, block);
    blocks.push_back(b);
  }
  auto [low, high] = std::minmax_element(blocks.begin(), blocks.end());
  std::size_t huge = huge_page_bytes(*low, static_cast<std::size_t>(*high - *low) + block);
  if (environment_turns_it_off() || !huge_pages_offered())
    CHECK(huge == 0);
  else
    CHECK(huge >= std::size_t{4} << 20);
  for (char* b : blocks) mi_free(b);
}
