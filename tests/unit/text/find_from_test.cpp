// text::find_from and text::contains: the same answers as string_view::find.
#include <catch2/catch.hpp>

#include <random>
#include <string>

#include "kpi/text/strings.hpp"

using kpi::text::find_from;

TEST_CASE("find_from finds a part from a position, as string_view::find does", "[text][find]") {
  std::string_view xml = "<row r=\"1\"><c/></row><row r=\"2\">目標値</row>";
  CHECK(find_from(xml, "<row", 0) == 0);
  CHECK(find_from(xml, "<row", 1) == xml.find("<row", 1));
  CHECK(find_from(xml, "目標", 0) == xml.find("目標"));
  CHECK(find_from(xml, "</sheetData>", 0) == std::string_view::npos);
  CHECK(find_from(xml, "<row", xml.size()) == std::string_view::npos);
  CHECK(find_from(xml, "<row", xml.size() + 5) == std::string_view::npos);
  CHECK(find_from("", "a", 0) == std::string_view::npos);

  std::mt19937 random(7);
  const std::string alphabet = "<<ro w>/";
  for (int round = 0; round < 2000; ++round) {
    std::string text, part;
    for (int i = static_cast<int>(random() % 40); i > 0; --i)
      text += alphabet[random() % alphabet.size()];
    for (int i = 1 + static_cast<int>(random() % 4); i > 0; --i)
      part += alphabet[random() % alphabet.size()];
    std::size_t from = random() % (text.size() + 2);
    INFO(text << " / " << part << " from " << from);
    CHECK(find_from(text, part, from) == std::string_view(text).find(part, from));
  }
}

TEST_CASE("find_from and contains on long texts, sixteen places at a time", "[text][find]") {
  // Texts long enough to be searched sixteen places at a time, parts of two to nine bytes
  // from an alphabet whose bytes repeat (kanji sharing lead bytes, spaces, '<'): every answer
  // as string_view::find gives it, from every kind of position.
  std::mt19937 random(11);
  const std::string letters[] = {"目", "標", "値", " ", "<", "r", "率", "\t", "績"};
  for (int round = 0; round < 4000; ++round) {
    std::string text, part;
    for (int i = static_cast<int>(random() % 120); i > 0; --i)
      text += letters[random() % std::size(letters)];
    for (int i = 1 + static_cast<int>(random() % 3); i > 0; --i)
      part += letters[random() % std::size(letters)];
    if (random() % 4 == 0 && text.size() > 10) part = text.substr(text.size() - 1 - random() % 9);
    std::size_t from = random() % (text.size() + 2);
    INFO(text << " / " << part << " from " << from);
    REQUIRE(find_from(text, part, from) == std::string_view(text).find(part, from));
    REQUIRE(kpi::text::contains(text, part) == (text.find(part) != std::string::npos));
  }
}
