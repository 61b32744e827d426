#include <catch2/catch.hpp>

#include <string>

#include "kpi/text/qualifier.hpp"

using kpi::model::Qualifier;
using kpi::text::first_qualifier_word;

TEST_CASE("qualifier: the earliest word, the longest where two start at one place",
          "[text][qualifier]") {
  auto word = first_qualifier_word("100人以上を維持する");
  REQUIRE(word);
  CHECK(word->qualifier == Qualifier::keep);  // 以上を維持, not 以上
  CHECK(word->begin == std::string("100人").size());
  CHECK(word->end == word->begin + std::string("以上を維持").size());

  word = first_qualifier_word("5件程度、以上");  // 程度 comes first
  REQUIRE(word);
  CHECK(word->qualifier == Qualifier::about);
  CHECK(word->begin == 4);

  word = first_qualifier_word("以下");
  REQUIRE(word);
  CHECK(word->qualifier == Qualifier::at_most);
  CHECK(word->begin == 0);

  // Bytes that open a word but open none here: 以 of 以内, を of をめざす, 程 alone, cut text.
  for (std::string s :
       {"", "%", "人", "10年以内", "増加をめざす", "工程", "\xE4\xBB", "\xE3", "以上"}) {
    INFO(s);
    auto found = first_qualifier_word(s);
    CHECK(found.has_value() == (s == "以上"));
  }
}
