// Which vocabulary word decides a header's role: the first of the list the header contains,
// found in one pass over the header (first_vocabulary_word) as a search per word would.
#include <catch2/catch.hpp>

#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "kpi/formats/grid_headers.hpp"

using namespace kpi::formats::grid_headers;

namespace {

std::size_t first_contained_by_search(std::string_view key) {
  auto vocabulary = header_vocabulary();
  for (std::size_t i = 0; i < vocabulary.size(); ++i)
    if (key.find(vocabulary[i].text) != std::string_view::npos) return i;
  return vocabulary.size();
}

}  // namespace

TEST_CASE("header vocabulary: the first word contained decides, found in one pass",
          "[grid][headers]") {
  std::vector<std::string> pieces = {"r5", "年度", "(", "%", "\xE6", "\x9C", "値", "率", "x"};
  for (const auto& w : header_vocabulary()) {
    pieces.emplace_back(w.text);
    pieces.push_back(std::string(w.text.substr(0, w.text.size() - 1)));  // a cut word
  }
  std::mt19937 rng(5);
  std::uniform_int_distribution<std::size_t> pick(0, pieces.size() - 1), length(0, 5);
  for (int round = 0; round < 20000; ++round) {
    std::string key;
    for (auto n = length(rng); n > 0; --n) key += pieces[pick(rng)];
    INFO(key);
    REQUIRE(first_vocabulary_word(key) == first_contained_by_search(key));
  }
  CHECK(header_vocabulary()[first_vocabulary_word("r5最終目標値")].role == Role::final_target);
  CHECK(header_vocabulary()[first_vocabulary_word("目標値")].role == Role::target);
  CHECK(first_vocabulary_word("58.2") == header_vocabulary().size());
}
