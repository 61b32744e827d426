// WordedText: a text's lines normalised word by word are text::normalize of each line, and
// each word's views slice the printed and the normalised line.
#include <catch2/catch.hpp>

#include "kpi/formats/worded_text.hpp"
#include "kpi/text/normalize.hpp"
#include "kpi/text/strings.hpp"

using kpi::formats::WordedText;

TEST_CASE("WordedText: lines trimmed and normalised as a whole", "[formats][worded]") {
  std::string text =
      "  増加指標　人／年\t（累計）\n\n５８．２ ５８．０\xC2\xA0９９．０％　▲　４４１\n"
      "ｶﾞ \xE3\x82\x99か 26～30年度 ①\n";
  WordedText worded(text);
  const auto& lines = worded.lines();
  REQUIRE(lines.size() == 4);
  auto printed = kpi::text::lines(text);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const auto& line = lines[i];
    CHECK(line.number == static_cast<int>(i) + 1);
    CHECK(line.original == kpi::text::trim(printed[i]));
    CHECK(line.normalized == kpi::text::normalize(line.original));
    auto words = kpi::text::words(line.original);
    REQUIRE(line.words.size() == words.size());
    for (std::size_t k = 0; k < words.size(); ++k) {
      CHECK(line.words[k].original == words[k]);
      CHECK(line.words[k].normalized == kpi::text::normalize(words[k]));
    }
  }
  CHECK(lines[0].normalized == "増加指標 人/年\t(累計)");
  CHECK(lines[1].words.empty());
}

TEST_CASE("WordedText: value runs over its words", "[formats][worded]") {
  WordedText worded("目標 ５８．２ ５８．０ ９９．０％ － ▲　４４１ 25以下");
  const auto& line = worded.lines().front();
  auto run = kpi::formats::trailing_value_run(line.words, line.original);
  REQUIRE(run.tokens.size() == 6);
  CHECK(run.begin == line.original.find("５"));
  CHECK(run.tokens[3].original == "－");
  CHECK(!run.tokens[3].number);
  CHECK(run.tokens[4].original == "▲　４４１");
  CHECK(run.tokens[4].normalized == "▲ 441");
  CHECK(run.tokens[4].number->units == -441);
  CHECK(run.tokens[5].qualifier == kpi::model::Qualifier::at_most);
  worded.assign("");
  CHECK(worded.lines().empty());
}
