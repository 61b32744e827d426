#pragma once
// The threads a step may use for --jobs N: N, or every core for 0. Generic.
#include <algorithm>
#include <thread>

namespace kpi::util {

// A step's threads: `threads`, or every core for 0 (what every step given a count does).
inline unsigned threads_or_cores(unsigned threads) {
  return threads > 0 ? threads : std::max(1u, std::thread::hardware_concurrency());
}

inline unsigned thread_count(int jobs) {
  return threads_or_cores(jobs > 0 ? static_cast<unsigned>(jobs) : 0u);
}

}  // namespace kpi::util
