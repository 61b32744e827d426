// Repeated texts named by number: the same text always gets the same number, a new one the
// next, and the hint answers without a lookup only when it names the same text.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "kpi/util/text_ids.hpp"

using kpi::util::TextIds;

TEST_CASE("text ids: numbered in first-seen order, each text once", "[util][text-ids]") {
  TextIds ids;
  CHECK(ids.id_of("data/a.tsv") == 0);
  CHECK(ids.id_of("") == 1);
  CHECK(ids.id_of("input.merge-conflict") == 2);
  CHECK(ids.id_of("data/a.tsv") == 0);
  CHECK(ids.size() == 3);
  CHECK(ids.text(0) == "data/a.tsv");
  CHECK(ids.text(1).empty());
  CHECK(ids.text(2) == "input.merge-conflict");
  CHECK_THROWS(ids.text(3));
}

TEST_CASE("text ids: a hint naming another text is not taken", "[util][text-ids]") {
  TextIds ids;
  std::uint32_t hint = 0;
  CHECK(ids.id_of("高岡市.txt", hint) == 0);
  CHECK(hint == 0);
  CHECK(ids.id_of("富山市.tsv", hint) == 1);  // the hint named 高岡市.txt
  CHECK(hint == 1);
  CHECK(ids.id_of("高岡市.txt", hint) == 0);
  CHECK(hint == 0);
  hint = 99;  // past the end: looked up
  CHECK(ids.id_of("富山市.tsv", hint) == 1);
  CHECK(ids.size() == 2);
}

TEST_CASE("text ids: views stay valid as texts are added and the table moves", "[util][text-ids]") {
  TextIds ids;
  std::vector<std::string_view> views;
  for (int i = 0; i < 2000; ++i) {  // short texts (kept inside the string) and long ones
    auto text = (i % 2 ? std::string(40, 'p') : std::string()) + std::to_string(i);
    views.push_back(ids.text(ids.id_of(text)));
  }
  TextIds moved = std::move(ids);
  for (int i = 0; i < 2000; ++i) {
    auto text = (i % 2 ? std::string(40, 'p') : std::string()) + std::to_string(i);
    REQUIRE(views[static_cast<std::size_t>(i)] == text);
    REQUIRE(moved.id_of(text) == static_cast<std::uint32_t>(i));
  }
}
