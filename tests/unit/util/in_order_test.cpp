// Parallel work, results in input order, never more than `window` results waiting.
#include <catch2/catch.hpp>

#include <algorithm>
#include <atomic>
#include <stdexcept>
#include <thread>
#include <utility>
#include <vector>

#include "kpi/util/in_order.hpp"

TEST_CASE("results are consumed in input order whatever the order they finish in",
          "[util][parallel]") {
  for (unsigned workers : {1u, 2u, 4u}) {
    std::vector<std::size_t> seen;
    std::atomic<int> waiting{0};
    int most_waiting = 0;
    kpi::util::for_each_in_order(
        100, workers, 3,
        [&](std::size_t i) {
          if (i % 7 == 0) std::this_thread::yield();
          ++waiting;
          return i * 10;
        },
        [&](std::size_t i, std::size_t result) {
          most_waiting = std::max(most_waiting, waiting.load());
          --waiting;
          CHECK(result == i * 10);
          seen.push_back(i);
        });
    REQUIRE(seen.size() == 100);
    for (std::size_t i = 0; i < seen.size(); ++i) CHECK(seen[i] == i);
    CHECK(most_waiting <= 3 + 1);  // the window, and the one being handed over
  }
}

TEST_CASE("no work, no consumer call", "[util][parallel]") {
  int calls = 0;
  kpi::util::for_each_in_order(
      0, 2, 4, [](std::size_t i) { return i; }, [&](std::size_t, std::size_t) { ++calls; });
  CHECK(calls == 0);
}

TEST_CASE("one item, or no worker, runs on the calling thread", "[util][parallel]") {
  const auto caller = std::this_thread::get_id();
  for (auto [count, workers] : {std::pair{std::size_t{1}, 2u}, std::pair{std::size_t{5}, 0u}}) {
    std::vector<std::size_t> seen;
    bool elsewhere = false;
    kpi::util::for_each_in_order(
        count, workers, 4,
        [&](std::size_t i) {
          elsewhere |= std::this_thread::get_id() != caller;
          return i + 1;
        },
        [&](std::size_t i, std::size_t result) {
          CHECK(result == i + 1);
          seen.push_back(i);
        });
    CHECK(seen.size() == count);
    CHECK_FALSE(elsewhere);
  }
}

TEST_CASE("a consumer that throws stops the work and the exception reaches the caller",
          "[util][parallel]") {
  int consumed = 0;
  auto run = [&] {
    kpi::util::for_each_in_order(
        1000, 2, 4, [](std::size_t i) { return i; },
        [&](std::size_t i, std::size_t) {
          if (i == 10) throw std::runtime_error("consumer failed");
          ++consumed;
        });
  };
  CHECK_THROWS_WITH(run(), "consumer failed");
  CHECK(consumed == 10);
}
