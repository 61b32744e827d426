// How many threads a step gets: --jobs N as given, 0 for every core, and one for a loop too
// short to be worth starting threads.
#include <catch2/catch.hpp>

#include <thread>

#include "kpi/util/thread_count.hpp"

TEST_CASE("threads: 0 means every core, anything else as given", "[util][threads]") {
  unsigned cores = std::max(1u, std::thread::hardware_concurrency());
  CHECK(kpi::util::threads_or_cores(0) == cores);
  CHECK(kpi::util::threads_or_cores(3) == 3);
  CHECK(kpi::util::thread_count(-1) == cores);
  CHECK(kpi::util::thread_count(2) == 2);
}

TEST_CASE("threads: a loop shorter than its threshold runs on one", "[util][threads]") {
  unsigned cores = std::max(1u, std::thread::hardware_concurrency());
  CHECK(kpi::util::threads_for(2047, 2048, 4) == 1);
  CHECK(kpi::util::threads_for(2047, 2048, 0) == 1);
  CHECK(kpi::util::threads_for(2048, 2048, 4) == 4);
  CHECK(kpi::util::threads_for(100000, 2048, 0) == cores);
  CHECK(kpi::util::threads_for(0, 0, 2) == 2);
}
