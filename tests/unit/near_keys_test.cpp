#include <catch2/catch.hpp>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include "kpi/merge_keys.hpp"
#include "kpi/near_keys.hpp"

using kpi::is_near;
using kpi::NearKeys;

namespace {

// The smallest key of `keys` near `key`, by comparing with each: what NearKeys must find.
std::string brute_force_near(const std::vector<std::string>& keys, const std::string& key) {
  std::string best;
  bool found = false;
  for (const auto& k : keys)
    if (is_near(key, k) && (!found || k < best)) best = k, found = true;
  return found ? best : "<none>";
}

std::string random_key(std::mt19937& rng) {
  static const std::vector<std::string> alphabet = {"a", "b", "c", "o", "-", "1", "高", "岡", "市"};
  std::uniform_int_distribution<std::size_t> length(1, 7), letter(0, alphabet.size() - 1);
  std::string key;
  for (auto n = length(rng); n > 0; --n) key += alphabet[letter(rng)];
  return key;
}

}  // namespace

TEST_CASE("near keys: the index finds what comparing with every key finds", "[merge]") {
  std::mt19937 rng(12);
  NearKeys index;
  std::vector<std::string> keys;
  int near_found = 0;
  for (int i = 0; i < 3000; ++i) {
    auto key = random_key(rng);
    const auto* near = index.find_near(key);
    auto expected = brute_force_near(keys, key);
    REQUIRE((near ? *near : std::string("<none>")) == expected);
    near_found += near != nullptr;
    if (!index.contains(key)) keys.push_back(key);
    index.add(key);
  }
  CHECK(near_found > 1000);  // the alphabet is small: most keys have a near one
  CHECK(index.contains("abc") == (std::find(keys.begin(), keys.end(), "abc") != keys.end()));
}

TEST_CASE("near keys: typos of slugs, and keys too long to index", "[merge]") {
  NearKeys index;
  CHECK(index.empty());
  CHECK(index.find_near("takaoka") == nullptr);
  index.add("toyama");
  index.add("takaoka");
  index.add("takaoka");  // once
  CHECK_FALSE(index.empty());
  CHECK(index.contains("takaoka"));
  CHECK_FALSE(index.contains("takaoak"));
  REQUIRE(index.find_near("takaoak") != nullptr);
  CHECK(*index.find_near("takaoak") == "takaoka");  // two edits
  CHECK(*index.find_near("toyam") == "toyama");
  CHECK(index.find_near("takaoka") == nullptr);  // itself is not near
  CHECK(index.find_near("kanazawa") == nullptr);
  std::string long_key(NearKeys::max_code_points + 1, 'x');
  index.add(long_key);
  CHECK(index.contains(long_key));
  CHECK(index.find_near(long_key.substr(1)) == nullptr);  // near, but beyond the index
  CHECK(kpi::deletion_neighbourhood(long_key).empty());
  CHECK(kpi::deletion_neighbourhood("ab").size() == 4);  // ab, a, b, ""
}
