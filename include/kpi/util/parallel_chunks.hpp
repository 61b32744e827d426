#pragma once
// One loop over [0, count) in chunks of `chunk` indices taken in turn by `threads` threads
// (the calling thread one of them): fn(begin, end) for each chunk, every index once. A thread
// that is done takes the next chunk, so uneven work still keeps every thread busy to the end
// (for_each_run's equal runs leave the quicker threads idle). For loops whose iterations are
// independent of each other and write only their own index's result.
//
// Every chunk taken has ended when this returns. After an exception no further chunk is taken;
// the exception of the earliest chunk that threw propagates, the one a serial loop would have
// met first (chunks are taken in order, so every earlier chunk was taken and has ended). A
// thread that cannot be started leaves its share to the others. Generic: knows nothing of
// kpi-report.
#include <algorithm>
#include <atomic>
#include <cstddef>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace kpi::util {

template <typename Fn>
void for_each_chunk(std::size_t count, unsigned threads, std::size_t chunk, Fn fn) {
  chunk = std::max<std::size_t>(chunk, 1);
  std::size_t chunks = (count + chunk - 1) / chunk;
  if (threads > chunks) threads = static_cast<unsigned>(chunks);
  if (threads <= 1) {
    if (count > 0) fn(std::size_t{0}, count);
    return;
  }
  std::atomic<std::size_t> next{0};
  std::atomic<bool> failed{false};
  std::mutex mutex;
  std::exception_ptr error;
  std::size_t error_chunk = chunks;
  auto work = [&] {
    for (;;) {
      if (failed.load(std::memory_order_relaxed)) return;
      auto c = next.fetch_add(1, std::memory_order_relaxed);
      if (c >= chunks) return;
      try {
        fn(c * chunk, std::min(count, (c + 1) * chunk));
      } catch (...) {
        std::lock_guard lock(mutex);
        if (c < error_chunk) error_chunk = c, error = std::current_exception();
        failed = true;
      }
    }
  };
  std::vector<std::thread> helpers;
  helpers.reserve(threads - 1);
  try {
    for (unsigned t = 1; t < threads; ++t) helpers.emplace_back(work);
  } catch (...) {  // no thread to be had: the others take its chunks
  }
  work();
  for (auto& t : helpers) t.join();
  if (error) std::rethrow_exception(error);
}

}  // namespace kpi::util
