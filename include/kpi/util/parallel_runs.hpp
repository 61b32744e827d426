#pragma once
// One loop over [0, count) cut into `runs` contiguous runs of (nearly) equal length:
// fn(begin, end) for each run, the first on the calling thread, the others on threads of
// their own. Every run has ended when this returns. An exception of a run propagates after
// all have ended: the earliest run's, the one a serial loop would have met first. A thread
// that cannot be started leaves its run to the calling thread. Generic: knows nothing of
// kpi-report.
#include <cstddef>
#include <exception>
#include <thread>
#include <vector>

namespace kpi::util {

template <typename Fn>
void for_each_run(std::size_t count, unsigned runs, Fn fn) {
  if (runs > count) runs = static_cast<unsigned>(count);
  if (runs <= 1) {
    if (count > 0) fn(std::size_t{0}, count);
    return;
  }
  std::vector<std::exception_ptr> errors(runs);
  auto run = [&](unsigned r) {
    try {
      fn(count * r / runs, count * (r + 1) / runs);
    } catch (...) {
      errors[r] = std::current_exception();
    }
  };
  std::vector<std::thread> threads;
  threads.reserve(runs - 1);
  unsigned started = 1;
  try {
    for (; started < runs; ++started) threads.emplace_back(run, started);
  } catch (...) {  // no thread to be had: the calling thread runs what is left
  }
  run(0);
  for (unsigned r = started; r < runs; ++r) run(r);
  for (auto& t : threads) t.join();
  for (auto& e : errors)
    if (e) std::rethrow_exception(e);
}

}  // namespace kpi::util
