// An object kept until the process ends is never destroyed.
#include <catch2/catch.hpp>

#include <memory>

#include "kpi/util/keep_until_exit.hpp"

namespace {

struct Counted {
  explicit Counted(int* destroyed) : destroyed_(destroyed) {}
  Counted(Counted&& other) noexcept : destroyed_(other.destroyed_) { other.destroyed_ = nullptr; }
  ~Counted() {
    if (destroyed_) ++*destroyed_;
  }
  int* destroyed_;
};

}  // namespace

TEST_CASE("an object kept until exit is moved, not destroyed", "[util]") {
  static int destroyed = 0;  // outlives the kept object's (never) destruction
  {
    Counted object(&destroyed);
    kpi::util::keep_until_exit(std::move(object));
  }
  CHECK(destroyed == 0);  // the moved-from husk had nothing to count; the kept one lives
  auto vector = std::vector<int>(1000, 7);
  kpi::util::keep_until_exit(std::move(vector));
  CHECK(vector.empty());  // NOLINT: moved from, as the commands' results are
}
