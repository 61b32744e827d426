// Memory announced by the run (kpi/util/memory_reserve.hpp) mapped at once as transparent
// huge pages and handed to mimalloc as an arena: the allocator then carves its segments from
// memory that faults in 2 MiB at a time instead of 4 KiB. Only in the program linked with
// mimalloc (CMakeLists.txt); see docs/performance.md.
#include "huge_page_arena.hpp"

#include <mimalloc.h>
#include <sys/mman.h>
#include <unistd.h>

#include <algorithm>
#include <cstdint>
#include <fstream>
#include <mutex>

namespace kpi {

namespace {

// mimalloc finds a block's segment by masking its address: an arena starts on a segment
// boundary and holds whole segments (32 MiB in mimalloc 2.0; 64 MiB covers any 2.x).
constexpr std::size_t arena_alignment = std::size_t{64} << 20;
// Below this, a run is small: an arena of its own costs more than it saves.
constexpr std::size_t smallest_reservation = std::size_t{64} << 20;

std::size_t round_up(std::size_t bytes, std::size_t unit) {
  return (bytes + unit - 1) / unit * unit;
}

// The memory a container may use (cgroup v2's memory.max), or 0 when no limit is set.
std::size_t container_limit() {
  std::ifstream max("/sys/fs/cgroup/memory.max");
  std::size_t bytes = 0;
  return max >> bytes ? bytes : 0;  // "max": no limit
}

// A quarter of the memory the run may have (the machine's, or its container's when less), and
// never more than 2 GiB, over the whole run.
std::size_t reservation_budget() {
  long pages = sysconf(_SC_PHYS_PAGES), page = sysconf(_SC_PAGESIZE);
  std::size_t memory = pages > 0 && page > 0 ? static_cast<std::size_t>(pages) * page : 0;
  if (std::size_t limit = container_limit(); limit > 0) memory = std::min(memory, limit);
  return std::min(memory / 4, std::size_t{2} << 30);
}

// `size` bytes at an address aligned to arena_alignment, or nullptr.
void* map_aligned(std::size_t size) {
  std::size_t mapped = size + arena_alignment;
  void* at = mmap(nullptr, mapped, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (at == MAP_FAILED) return nullptr;
  auto start = reinterpret_cast<std::uintptr_t>(at);
  auto aligned = round_up(start, arena_alignment);
  if (aligned > start) munmap(at, aligned - start);
  std::size_t tail = start + mapped - (aligned + size);
  if (tail > 0) munmap(reinterpret_cast<void*>(aligned + size), tail);
  return reinterpret_cast<void*>(aligned);
}

}  // namespace

std::span<std::byte> huge_page_arena(std::size_t bytes) {
  static std::mutex mutex;
  static std::size_t left = reservation_budget();
  if (bytes < smallest_reservation) return {};
  std::size_t size = round_up(bytes, arena_alignment);
  {
    std::lock_guard lock(mutex);
    if (size > left) return {};
    left -= size;
  }
  void* arena = map_aligned(size);
  if (arena == nullptr) return {};
  // Faulted in 2 MiB at a time as it is used: thirty times cheaper than 4 KiB pages on the
  // virtual machines measured, and nothing touched that is not used (populating it ahead
  // cleared pages never used, on the main thread). Refused without transparent huge pages:
  // the pages then come 4 KiB at a time, as from the allocator.
  madvise(arena, size, MADV_HUGEPAGE);
  if (!mi_manage_os_memory(arena, size, /*is_committed=*/true, /*is_large=*/false,
                           /*is_zero=*/true, /*numa_node=*/-1)) {
    munmap(arena, size);
    return {};
  }
  return {static_cast<std::byte*>(arena), size};
}

}  // namespace kpi
