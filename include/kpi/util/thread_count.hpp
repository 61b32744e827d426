#pragma once
// The threads a step may use for --jobs N: N, or every core for 0. Generic.
#include <algorithm>
#include <thread>

namespace kpi::util {

inline unsigned thread_count(int jobs) {
  return jobs > 0 ? static_cast<unsigned>(jobs) : std::max(1u, std::thread::hardware_concurrency());
}

}  // namespace kpi::util
