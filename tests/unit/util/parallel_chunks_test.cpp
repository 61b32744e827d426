// One loop in chunks taken in turn by threads: every index once, the calling thread among the
// workers, and the earliest failing chunk's exception after every chunk taken has ended.
#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <mutex>
#include <set>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "kpi/util/parallel_chunks.hpp"

using kpi::util::for_each_chunk;

TEST_CASE("for_each_chunk: every index once, in chunks of the size asked", "[util][chunks]") {
  for (std::size_t count : {0u, 1u, 2u, 7u, 100u, 2049u}) {
    for (unsigned threads : {0u, 1u, 2u, 3u, 8u}) {
      for (std::size_t chunk : {0u, 1u, 5u, 256u}) {
        CAPTURE(count, threads, chunk);
        std::vector<std::atomic<int>> seen(count);
        std::atomic<std::size_t> longest{0};
        for_each_chunk(count, threads, chunk, [&](std::size_t begin, std::size_t end) {
          REQUIRE(begin < end);
          auto n = end - begin;
          for (auto m = longest.load(); n > m && !longest.compare_exchange_weak(m, n);) {
          }
          for (auto i = begin; i < end; ++i) ++seen[i];
        });
        for (auto& s : seen) REQUIRE(s == 1);
        if (threads > 1 && count > std::max<std::size_t>(chunk, 1))
          CHECK(longest <= std::max<std::size_t>(chunk, 1));
      }
    }
  }
}

TEST_CASE("for_each_chunk: threads that finish early take more chunks", "[util][chunks]") {
  // The first chunk is slow: the other threads take every other chunk meanwhile, where
  // equal runs would leave half of the work behind the slow one.
  std::mutex mutex;
  std::set<std::thread::id> workers;
  std::atomic<int> done_while_slow{0};
  std::atomic<bool> slow_running{false};
  for_each_chunk(64, 2, 1, [&](std::size_t begin, std::size_t) {
    {
      std::lock_guard lock(mutex);
      workers.insert(std::this_thread::get_id());
    }
    if (begin == 0) {
      slow_running = true;
      for (int wait = 0; wait < 2000 && done_while_slow < 63; ++wait)
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
      slow_running = false;
    } else {
      for (int wait = 0; wait < 2000 && !slow_running; ++wait)
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
      if (slow_running) ++done_while_slow;
    }
  });
  CHECK(workers.size() == 2);
  CHECK(workers.count(std::this_thread::get_id()) == 1);
  CHECK(done_while_slow == 63);
}

TEST_CASE("for_each_chunk: the earliest failing chunk's exception, after all have ended",
          "[util][chunks]") {
  std::atomic<int> running{0};
  try {
    for_each_chunk(1000, 3, 10, [&](std::size_t begin, std::size_t) {
      ++running;
      std::this_thread::sleep_for(std::chrono::microseconds(200));
      --running;
      if (begin == 300 || begin == 500) throw std::runtime_error(std::to_string(begin));
    });
    FAIL("no exception");
  } catch (const std::runtime_error& e) {
    CHECK(std::string(e.what()) == "300");
  }
  CHECK(running == 0);
}
