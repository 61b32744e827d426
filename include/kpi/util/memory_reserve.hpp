#pragma once
// Memory a run is about to fill, announced before it fills it: a large workbook's grid before
// its cells are read, its model before its KPIs are made. The program (src/main.cpp, with
// mimalloc) registers a reserver that maps that much at once as transparent huge pages
// (src/huge_page_arena.cpp); without one (the tests, the sanitizer builds) announcing does
// nothing. Touching fresh pages one 4 KiB fault at a time was a third of the CPU time of a
// 10 MB workbook on a virtual machine (docs/performance.md).
#include <cstddef>

namespace kpi::util {

using MemoryReserver = void (*)(std::size_t bytes);

// Set once, before any thread runs (main).
void set_memory_reserver(MemoryReserver reserver);

// About `bytes` more will be allocated soon. Small amounts are left to the allocator (the
// reserver decides); thread-safe.
void reserve_memory(std::size_t bytes);

}  // namespace kpi::util
