// The whole heap in transparent huge pages: mimalloc is told to advise its segments for them
// before anything allocates. On the virtual machines measured a 4 KiB page costs ~11 µs to
// fault in and a 2 MiB page ~0.1–0.3 ms, so a one-sheet run's few megabytes of heap cost half
// the page faults (docs/performance.md). Only in the program linked with mimalloc
// (CMakeLists.txt); MIMALLOC_LARGE_OS_PAGES=0 in the environment turns it off.
#include <mimalloc.h>

#include <cstring>

namespace {

bool names_the_option(char** environment) {
  constexpr const char name[] = "MIMALLOC_LARGE_OS_PAGES=";
  for (char** entry = environment; entry && *entry; ++entry)
    if (std::strncmp(*entry, name, sizeof name - 1) == 0) return true;
  return false;
}

// Called from .preinit_array: before every shared library's constructor, so before the first
// allocation (libstdc++'s, at load) opens mimalloc's first segment. libc's getenv cannot be
// used yet (its environ is set by its own constructor), so the environment is the argument.
// Nothing here allocates.
void advise_huge_pages_for_the_heap(int, char**, char** environment) {
  if (!names_the_option(environment)) mi_option_enable(mi_option_large_os_pages);
}

}  // namespace

[[gnu::section(".preinit_array"),
  gnu::used]] static void (*const heap_in_huge_pages)(int, char**,
                                                      char**) = &advise_huge_pages_for_the_heap;
