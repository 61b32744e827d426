// The program's arena (src/populated_arena.cpp), in a program linked with mimalloc as
// kpi-report is: a reservation is populated at once, and later allocations take its pages
// instead of faulting in new ones; a small one is left to the allocator.
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>

#include <mimalloc.h>

#include <cstddef>
#include <cstring>
#include <fstream>
#include <string>
#include <vector>

#include "populated_arena.hpp"

namespace {

constexpr std::size_t MiB = std::size_t{1} << 20;

// Resident memory of this process, from /proc/self/statm.
std::size_t resident_bytes() {
  std::ifstream statm("/proc/self/statm");
  std::size_t pages = 0, resident = 0;
  statm >> pages >> resident;
  return resident * 4096;
}

}  // namespace

TEST_CASE("a reservation is populated, and allocations then take its pages", "[arena]") {
  std::size_t before = resident_bytes();
  kpi::populated_arena(32 * MiB);  // below the smallest reservation: nothing mapped
  CHECK(resident_bytes() < before + 8 * MiB);

  kpi::populated_arena(128 * MiB);
  std::size_t populated = resident_bytes();
  CHECK(populated >= before + 120 * MiB);

  std::vector<void*> blocks;
  for (std::size_t made = 0; made < 96 * MiB; made += 2048) {
    void* block = mi_malloc(2048);
    std::memset(block, 1, 2048);
    blocks.push_back(block);
  }
  // Not 96 MiB of new pages: the segment mimalloc had open before the reservation fills first
  // (up to 32 MiB), the rest comes from the arena.
  CHECK(resident_bytes() < populated + 48 * MiB);
  for (void* block : blocks) mi_free(block);
}
