// The last N texts' values kept (a column that repeats its cell down the rows): a text met again
// among the last N is not computed again, an older one is, and a throw remembers nothing.
#include <catch2/catch.hpp>

#include <functional>
#include <stdexcept>
#include <string>
#include <string_view>

#include "kpi/util/last_computed.hpp"

namespace {

struct Counted {
  int calls = 0;
  std::string operator()(std::string_view key) {
    ++calls;
    return "<" + std::string(key) + ">";
  }
};

}  // namespace

TEST_CASE("last computed: the last N texts are computed once", "[util][memo]") {
  kpi::util::LastComputed<std::string, 2> last;
  Counted compute;
  auto get = [&](std::string_view key) { return last.get(key, std::ref(compute)); };
  CHECK(get("増加") == "<増加>");
  CHECK(get("減少") == "<減少>");
  CHECK(get("増加") == "<増加>");
  CHECK(get("減少") == "<減少>");
  CHECK(compute.calls == 2);
  CHECK(get("維持") == "<維持>");  // replaces the oldest, 増加
  CHECK(compute.calls == 3);
  CHECK(get("減少") == "<減少>");
  CHECK(compute.calls == 3);
  CHECK(get("増加") == "<増加>");  // forgotten: computed again, replacing 減少
  CHECK(compute.calls == 4);
  CHECK(get("") == "<>");  // an empty text is a text like any other
  CHECK(get("") == "<>");
  CHECK(compute.calls == 5);
}

TEST_CASE("last computed: one slot follows the column", "[util][memo]") {
  kpi::util::LastComputed<std::string, 1> last;
  Counted compute;
  for (const char* cell : {"高岡市", "高岡市", "高岡市", "富山市", "富山市", "高岡市"})
    CHECK(last.get(cell, std::ref(compute)) == "<" + std::string(cell) + ">");
  CHECK(compute.calls == 3);
}

TEST_CASE("last computed: a throw remembers nothing", "[util][memo]") {
  kpi::util::LastComputed<int, 1> last;
  CHECK(last.get("a", [](std::string_view) { return 1; }) == 1);
  CHECK_THROWS_AS(last.get("b", [](std::string_view) -> int { throw std::runtime_error("x"); }),
                  std::runtime_error);
  int calls = 0;
  auto two = [&](std::string_view) { return ++calls, 2; };
  CHECK(last.get("b", two) == 2);  // not taken for a value
  CHECK(last.get("a", two) == 2);  // the slot now holds b: a is computed again
  CHECK(calls == 2);
}
