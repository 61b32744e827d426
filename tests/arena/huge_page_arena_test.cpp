// The program's arena (src/huge_page_arena.cpp), in a program linked with mimalloc as
// kpi-report is: a large reservation is mapped as one aligned arena, later allocations take
// its memory, and where the kernel offers transparent huge pages it comes 2 MiB at a time; a
// small reservation is left to the allocator.
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>

#include <mimalloc.h>

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <vector>

#include "huge_page_arena.hpp"
#include "huge_pages.hpp"

namespace {

constexpr std::size_t MiB = std::size_t{1} << 20;

bool inside(std::span<std::byte> arena, const void* p) {
  auto* b = static_cast<const std::byte*>(p);
  return b >= arena.data() && b < arena.data() + arena.size();
}

}  // namespace

TEST_CASE("a small reservation maps nothing", "[arena]") {
  CHECK(kpi::huge_page_arena(32 * MiB).empty());
}

TEST_CASE("a large reservation is one aligned arena that later allocations take", "[arena]") {
  auto arena = kpi::huge_page_arena(128 * MiB);
  REQUIRE(arena.size() >= 128 * MiB);
  CHECK(reinterpret_cast<std::uintptr_t>(arena.data()) % (64 * MiB) == 0);

  std::vector<void*> blocks;
  std::size_t in_arena = 0;
  for (std::size_t made = 0; made < 96 * MiB; made += 2048) {
    void* block = mi_malloc(2048);
    std::memset(block, 1, 2048);
    in_arena += inside(arena, block);
    blocks.push_back(block);
  }
  // Not all: the segment mimalloc had open before the reservation fills first (up to 32 MiB).
  CHECK(in_arena * 2048 >= 48 * MiB);
  if (huge_pages_offered()) CHECK(huge_page_bytes(arena.data(), arena.size()) >= 16 * MiB);
  for (void* block : blocks) mi_free(block);
}
