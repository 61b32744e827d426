// One loop cut into contiguous runs on threads: every index once, in runs that follow each
// other, on threads of their own, and the earliest run's exception after all have ended.
#include <catch2/catch.hpp>

#include <algorithm>
#include <atomic>
#include <mutex>
#include <stdexcept>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "kpi/util/parallel_runs.hpp"

using kpi::util::for_each_run;

namespace {

// The runs for_each_run made, sorted by their start.
std::vector<std::pair<std::size_t, std::size_t>> runs_of(std::size_t count, unsigned runs) {
  std::mutex mutex;
  std::vector<std::pair<std::size_t, std::size_t>> seen;
  for_each_run(count, runs, [&](std::size_t begin, std::size_t end) {
    std::lock_guard lock(mutex);
    seen.emplace_back(begin, end);
  });
  std::sort(seen.begin(), seen.end());
  return seen;
}

}  // namespace

TEST_CASE("for_each_run: contiguous runs that cover every index once", "[util][runs]") {
  for (std::size_t count : {0u, 1u, 2u, 3u, 7u, 100u, 2049u}) {
    for (unsigned runs : {0u, 1u, 2u, 3u, 8u}) {
      auto seen = runs_of(count, runs);
      std::size_t expected_runs = count == 0 ? 0 : std::max(1u, std::min<unsigned>(runs, count));
      CAPTURE(count, runs);
      REQUIRE(seen.size() == expected_runs);
      std::size_t next = 0;
      for (auto [begin, end] : seen) {
        CHECK(begin == next);
        CHECK(end > begin);
        // nearly equal: no run longer than another by more than one
        CHECK(end - begin <= count / expected_runs + 1);
        next = end;
      }
      CHECK(next == count);
    }
  }
}

TEST_CASE("for_each_run: the runs run at the same time", "[util][runs]") {
  std::atomic<int> started{0};
  for_each_run(2, 2, [&](std::size_t, std::size_t) {
    ++started;
    while (started < 2) std::this_thread::yield();  // would hang on one thread
  });
  CHECK(started == 2);
}

TEST_CASE("for_each_run: the earliest run's exception, after every run ended", "[util][runs]") {
  std::atomic<int> ended{0};
  auto throwing_from = [&](std::size_t first_throwing) {
    return [&, first_throwing](std::size_t begin, std::size_t end) {
      for (auto i = begin; i < end; ++i)
        if (i >= first_throwing) {
          ++ended;
          throw std::runtime_error("run at " + std::to_string(begin));
        }
      ++ended;
    };
  };
  CHECK_THROWS_WITH(for_each_run(40, 4, throwing_from(15)), "run at 10");
  CHECK(ended == 4);
  ended = 0;
  CHECK_THROWS_WITH(for_each_run(40, 4, throwing_from(0)), "run at 0");
  CHECK(ended == 4);
  ended = 0;
  CHECK_NOTHROW(for_each_run(40, 4, throwing_from(40)));
  CHECK(ended == 4);
}
