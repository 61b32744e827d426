#pragma once
// Work on `workers` threads, results handed over in input order: produce(i) runs in parallel,
// consume(i, result) on the calling thread for i = 0, 1, 2 ... as soon as result i is ready.
// At most `window` results wait ahead of the consumer, so memory holds a few results at a
// time, never all of them. produce must not throw; an exception from consume propagates
// after the workers have stopped. One item (or no worker) runs on the calling thread: a thread
// started for one sheet costs more than the sheet. Generic: knows nothing of kpi-report.
#include <condition_variable>
#include <cstddef>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace kpi::util {

template <typename Produce, typename Consume>
void for_each_in_order(std::size_t count, unsigned workers, std::size_t window, Produce produce,
                       Consume consume) {
  if (count == 1 || workers == 0) {
    for (std::size_t i = 0; i < count; ++i) consume(i, produce(i));
    return;
  }
  using Result = decltype(produce(std::size_t{0}));
  std::vector<std::optional<Result>> slots(count);
  std::mutex mutex;
  std::condition_variable ready, room;
  std::size_t next = 0, consumed = 0;
  auto work = [&] {
    for (;;) {
      std::size_t i;
      {
        std::unique_lock lock(mutex);
        room.wait(lock, [&] { return next >= count || next < consumed + window; });
        if (next >= count) return;
        i = next++;
      }
      Result result = produce(i);
      {
        std::lock_guard lock(mutex);
        slots[i] = std::move(result);
      }
      ready.notify_all();
    }
  };
  std::vector<std::thread> pool;
  for (unsigned w = 0; w < workers && w < count; ++w) pool.emplace_back(work);
  auto stop_workers = [&] {  // no new work is taken; the work under way finishes
    {
      std::lock_guard lock(mutex);
      next = count;
    }
    room.notify_all();
    for (auto& t : pool) t.join();
  };
  try {
    for (std::size_t i = 0; i < count; ++i) {
      std::optional<Result> result;
      {
        std::unique_lock lock(mutex);
        ready.wait(lock, [&] { return slots[i].has_value(); });
        result.swap(slots[i]);
        consumed = i + 1;
      }
      room.notify_all();
      consume(i, std::move(*result));
    }
  } catch (...) {  // a consumer that throws: the workers are joined before it propagates
    stop_workers();
    throw;
  }
  stop_workers();
}

}  // namespace kpi::util
