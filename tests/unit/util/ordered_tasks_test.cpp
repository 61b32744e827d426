// Inputs given one by one, worked on on threads, results back in the order given.
#include <catch2/catch.hpp>

#include <atomic>
#include <functional>
#include <string>
#include <thread>

#include "kpi/util/ordered_tasks.hpp"

using Work = std::function<std::string(int)>;

TEST_CASE("results come back in the order the inputs were given", "[util][parallel]") {
  for (unsigned workers : {0u, 1u, 2u, 5u}) {
    std::atomic<int> running{0};
    std::atomic<int> most_running{0};
    kpi::util::OrderedTasks<int, std::string, Work> tasks(workers, 2, [&](int i) {
      int now = ++running;
      int seen = most_running.load();
      while (now > seen && !most_running.compare_exchange_weak(seen, now)) {
      }
      if (i % 3 == 0) std::this_thread::sleep_for(std::chrono::microseconds(200));
      --running;
      return std::to_string(i * 7);
    });
    for (int i = 0; i < 200; ++i) tasks.give(i);
    auto results = tasks.finish();
    INFO(workers << " workers");
    REQUIRE(results.size() == 200);
    for (int i = 0; i < 200; ++i)
      CHECK(results[static_cast<std::size_t>(i)] == std::to_string(i * 7));
    CHECK(most_running.load() <= static_cast<int>(std::max(workers, 1u)));
  }
}

TEST_CASE("a task list given nothing finishes with nothing", "[util][parallel]") {
  kpi::util::OrderedTasks<int, int, std::function<int(int)>> tasks(3, 4, [](int i) { return i; });
  CHECK(tasks.finish().empty());
}

TEST_CASE("the giver waits while the window is full", "[util][parallel]") {
  std::atomic<bool> release{false};
  std::atomic<int> started{0};
  kpi::util::OrderedTasks<int, int, std::function<int(int)>> tasks(1, 1, [&](int i) {
    ++started;
    while (!release.load()) std::this_thread::yield();
    return i;
  });
  std::atomic<int> given{0};
  std::thread giver([&] {
    for (int i = 0; i < 4; ++i) {
      tasks.give(i);
      ++given;
    }
  });
  // One input is worked on and one waits; the third cannot be given yet.
  while (started.load() < 1) std::this_thread::yield();
  std::this_thread::sleep_for(std::chrono::milliseconds(20));
  CHECK(given.load() <= 2);
  release = true;
  giver.join();
  auto results = tasks.finish();
  REQUIRE(results.size() == 4);
  CHECK(results[3] == 3);
}
