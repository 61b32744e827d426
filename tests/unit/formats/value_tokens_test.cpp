// value_token: a word is a value cell when it is a number with nothing after it but "%", 以上
// or 以下, or a dash; prose and numbers glued to other text are not.
#include <catch2/catch.hpp>

#include <optional>
#include <string>
#include <string_view>

#include "kpi/formats/value_tokens.hpp"
#include "kpi/text/normalize.hpp"

namespace {

std::optional<kpi::formats::ValueToken> token_of(std::string_view printed,
                                                 std::string& normalized) {
  normalized = kpi::text::normalize(printed);
  return kpi::formats::value_token({printed, normalized});
}

}  // namespace

TEST_CASE("value_token: numbers, rates, signs and qualifiers", "[formats][value_tokens]") {
  using kpi::model::Qualifier;
  std::string normalized;
  auto t = token_of("45", normalized);
  REQUIRE(t);
  CHECK(t->number->units == 45);
  CHECK(t->qualifier == Qualifier::none);
  t = token_of("１０８．７％", normalized);
  REQUIRE(t);
  CHECK(t->number->units == 1087);
  CHECK(t->number->scale == 1);
  CHECK(t->original == "１０８．７％");
  CHECK(t->normalized == "108.7%");
  t = token_of("-328.2%", normalized);
  REQUIRE(t);
  CHECK(t->number->units == -3282);
  t = token_of("▲2205", normalized);
  REQUIRE(t);
  CHECK(t->number->units == -2205);
  t = token_of("25以下", normalized);
  REQUIRE(t);
  CHECK(t->qualifier == Qualifier::at_most);
  t = token_of("1,200以上", normalized);
  REQUIRE(t);
  CHECK(t->number->units == 1200);
  CHECK(t->qualifier == Qualifier::at_least);
  t = token_of("約5", normalized);
  REQUIRE(t);
  CHECK(t->number->units == 5);
}

TEST_CASE("value_token: dashes are empty cells, prose and glued numbers are no cells",
          "[formats][value_tokens]") {
  std::string normalized;
  for (const char* dash : {"-", "－", "―", "ー"}) {
    auto t = token_of(dash, normalized);
    INFO(dash);
    REQUIRE(t);
    CHECK_FALSE(t->number);
  }
  for (const char* word : {"R5年度", "45人", "第2期", "転出超過となった。", "1-07", "5%以上",
                           "人/年", "2025年までの転出・", "(累計)", "約", "以上", "12程度"}) {
    INFO(word);
    CHECK_FALSE(token_of(word, normalized));
  }
}
