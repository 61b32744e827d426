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
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "huge_page_arena.hpp"

namespace {

constexpr std::size_t MiB = std::size_t{1} << 20;

bool inside(std::span<std::byte> arena, const void* p) {
  auto* b = static_cast<const std::byte*>(p);
  return b >= arena.data() && b < arena.data() + arena.size();
}

// Whether the kernel gives transparent huge pages to memory advised for them.
bool huge_pages_offered() {
  std::ifstream enabled("/sys/kernel/mm/transparent_hugepage/enabled");
  std::string modes((std::istreambuf_iterator<char>(enabled)), std::istreambuf_iterator<char>());
  return modes.find("[always]") != std::string::npos ||
         modes.find("[madvise]") != std::string::npos;
}

// AnonHugePages (bytes) of the mappings of this process that overlap `arena` (/proc/self/smaps).
std::size_t huge_page_bytes(std::span<std::byte> arena) {
  std::ifstream smaps("/proc/self/smaps");
  auto begin = reinterpret_cast<std::uintptr_t>(arena.data());
  auto end = begin + arena.size();
  bool overlapping = false;
  std::size_t bytes = 0;
  for (std::string line; std::getline(smaps, line);) {
    std::uintptr_t from = 0, to = 0;
    char dash = 0;
    std::istringstream fields(line);
    if (fields >> std::hex >> from >> dash >> to && dash == '-') {
      overlapping = from < end && to > begin;
    } else if (overlapping && line.rfind("AnonHugePages:", 0) == 0) {
      std::size_t kb = 0;
      std::istringstream(line.substr(14)) >> kb;
      bytes += kb * 1024;
    }
  }
  return bytes;
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
  if (huge_pages_offered()) CHECK(huge_page_bytes(arena) >= 16 * MiB);
  for (void* block : blocks) mi_free(block);
}
