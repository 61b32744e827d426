#pragma once
// What the kernel says of this process's transparent huge pages (the arena and heap tests).
#include <cstddef>
#include <cstdint>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>

// Whether the kernel gives transparent huge pages to memory advised for them.
inline bool huge_pages_offered() {
  std::ifstream enabled("/sys/kernel/mm/transparent_hugepage/enabled");
  std::string modes((std::istreambuf_iterator<char>(enabled)), std::istreambuf_iterator<char>());
  return modes.find("[always]") != std::string::npos ||
         modes.find("[madvise]") != std::string::npos;
}

// AnonHugePages (bytes) of the mappings of this process that overlap the `size` bytes at
// `start` (/proc/self/smaps).
inline std::size_t huge_page_bytes(const void* start, std::size_t size) {
  std::ifstream smaps("/proc/self/smaps");
  auto begin = reinterpret_cast<std::uintptr_t>(start);
  auto end = begin + size;
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
