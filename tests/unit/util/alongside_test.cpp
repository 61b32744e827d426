// Two pieces of work at once (the diagnostics printed while the report is written): both run
// to their end, and an exception of either reaches the caller after both have ended.
#include <catch2/catch.hpp>

#include <atomic>
#include <stdexcept>

#include "kpi/util/alongside.hpp"

using kpi::util::alongside;

TEST_CASE("alongside: both pieces run, on two threads", "[util][alongside]") {
  std::atomic<bool> side_started{false}, main_saw_side{false};
  bool side_done = false;
  alongside(
      [&] {
        side_started = true;
        side_done = true;
      },
      [&] {
        while (!side_started) std::this_thread::yield();  // would hang on one thread
        main_saw_side = true;
      });
  CHECK(side_done);
  CHECK(main_saw_side);
}

TEST_CASE("alongside: an exception of either propagates after both ended", "[util][alongside]") {
  bool main_done = false;
  CHECK_THROWS_WITH(alongside([] { throw std::runtime_error("side"); }, [&] { main_done = true; }),
                    "side");
  CHECK(main_done);
  bool side_done = false;
  CHECK_THROWS_WITH(alongside([&] { side_done = true; }, [] { throw std::runtime_error("main"); }),
                    "main");
  CHECK(side_done);
  CHECK_THROWS_WITH(
      alongside([] { throw std::runtime_error("side"); }, [] { throw std::runtime_error("main"); }),
      "main");
}
