#pragma once
// The program's memory reserver when linked with mimalloc (huge_page_arena.cpp).
#include <cstddef>
#include <span>

namespace kpi {

// Maps about `bytes` as a mimalloc arena of transparent huge pages, and returns it (empty when
// nothing was mapped): nothing below 64 MiB, nothing once the run has reserved a quarter of
// the memory it may have (the machine's, or its container's under a cgroup limit; 2 GiB at
// most).
std::span<std::byte> huge_page_arena(std::size_t bytes);

// The reserver main registers (kpi/util/memory_reserve.hpp).
inline void reserve_huge_page_arena(std::size_t bytes) {
  huge_page_arena(bytes);
}

}  // namespace kpi
