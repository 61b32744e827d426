// Buffers given back and given out again (kpi/util/string_pool.hpp).
#include <catch2/catch.hpp>

#include <string>

#include "kpi/util/string_pool.hpp"

TEST_CASE("a string given back is given out again with its capacity", "[util][memory]") {
  kpi::util::StringPool pool(2);
  std::string first = pool.copy_of(std::string(4096, 'x'));
  const char* buffer = first.data();
  std::size_t capacity = first.capacity();
  pool.give_back(std::move(first));
  std::string second = pool.copy_of("<row r=\"5\"/>");
  CHECK(second == "<row r=\"5\"/>");
  CHECK(second.data() == buffer);
  CHECK(second.capacity() == capacity);
}

TEST_CASE("a pool keeps no more strings than it was told", "[util][memory]") {
  kpi::util::StringPool pool(1);
  std::string a = pool.copy_of(std::string(1000, 'a'));
  std::string b = pool.copy_of(std::string(1000, 'b'));
  const char* kept = a.data();
  pool.give_back(std::move(a));
  pool.give_back(std::move(b));  // over the bound: dropped
  std::string c = pool.copy_of(std::string(1000, 'c'));
  std::string d = pool.copy_of(std::string(1000, 'd'));
  CHECK(c.data() == kept);
  CHECK(c == std::string(1000, 'c'));
  CHECK(d == std::string(1000, 'd'));
  CHECK(d.data() != kept);
}
