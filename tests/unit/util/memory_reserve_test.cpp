// Memory announced ahead reaches the registered reserver, and nothing without one
// (kpi/util/memory_reserve.hpp).
#include <catch2/catch.hpp>

#include <cstddef>
#include <vector>

#include "kpi/util/memory_reserve.hpp"

namespace {

std::vector<std::size_t> announced;
void remember(std::size_t bytes) {
  announced.push_back(bytes);
}

}  // namespace

TEST_CASE("announced memory goes to the registered reserver only", "[util][memory]") {
  announced.clear();
  kpi::util::reserve_memory(100);  // none registered (the test program has no arena)
  CHECK(announced.empty());
  kpi::util::set_memory_reserver(&remember);
  kpi::util::reserve_memory(3u << 20);
  kpi::util::reserve_memory(0);
  kpi::util::set_memory_reserver(nullptr);
  kpi::util::reserve_memory(7);
  CHECK(announced == std::vector<std::size_t>{3u << 20, 0});
}
