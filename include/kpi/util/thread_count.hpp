#pragma once
// The threads a step may use for --jobs N: N, or every core for 0. Generic.
#include <algorithm>
#include <cstddef>
#include <thread>

namespace kpi::util {

// A step's threads: `threads`, or every core for 0 (what every step given a count does).
inline unsigned threads_or_cores(unsigned threads) {
  return threads > 0 ? threads : std::max(1u, std::thread::hardware_concurrency());
}

// The threads a loop over `count` items gets: one below `parallel_from` items (starting
// threads would cost more than such a loop saves), else threads_or_cores(threads).
inline unsigned threads_for(std::size_t count, std::size_t parallel_from, unsigned threads) {
  return count < parallel_from ? 1u : threads_or_cores(threads);
}

inline unsigned thread_count(int jobs) {
  return threads_or_cores(jobs > 0 ? static_cast<unsigned>(jobs) : 0u);
}

}  // namespace kpi::util
