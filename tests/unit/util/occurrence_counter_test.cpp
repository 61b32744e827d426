// The ordinal of a text among the texts met so far (the seq of a KPI among those of its id).
#include <catch2/catch.hpp>

#include <map>
#include <random>
#include <string>
#include <vector>

#include "kpi/util/occurrence_counter.hpp"

TEST_CASE("occurrence counter numbers each text's occurrences from 1", "[util][counter]") {
  kpi::util::OccurrenceCounter counter;
  CHECK(counter.next("1-01") == 1);
  CHECK(counter.next("1-02") == 1);
  CHECK(counter.next("1-01") == 2);
  CHECK(counter.next("") == 1);
  CHECK(counter.next("") == 2);
  CHECK(counter.next("1-01") == 3);
}

TEST_CASE("occurrence counter agrees with a map through its growth", "[util][counter]") {
  std::mt19937 random(7);
  for (std::size_t expected : {0u, 10u, 5000u}) {
    std::vector<std::string> texts;
    for (int i = 0; i < 20000; ++i) texts.push_back(std::to_string(random() % 3000));
    kpi::util::OccurrenceCounter counter(expected);
    std::map<std::string, int> seen;
    for (const auto& text : texts) REQUIRE(counter.next(text) == ++seen[text]);
    CHECK(seen.size() > 2500);
  }
}
