#pragma once
// The program's memory reserver when linked with mimalloc (populated_arena.cpp).
#include <cstddef>

namespace kpi {

// Maps and populates about `bytes` as a mimalloc arena; nothing below 64 MiB, nothing once
// the run has reserved a quarter of the memory it may have (the machine's, or its container's
// under a cgroup limit; 2 GiB at most).
void populated_arena(std::size_t bytes);

}  // namespace kpi
