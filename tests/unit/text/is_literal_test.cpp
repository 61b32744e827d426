// text::is: a text equals a literal, compared inline (the names and codes of every cell).
#include <catch2/catch.hpp>

#include <string_view>

#include "kpi/text/strings.hpp"

TEST_CASE("is: a text equals a literal, by length then bytes", "[text][is]") {
  using namespace std::string_view_literals;
  struct Case {
    std::string_view text;
    bool is_row, is_c, is_empty;
  };
  const Case cases[] = {
      {"row", true, false, false},      {"c", false, true, false},    {"", false, false, true},
      {"ro", false, false, false},      {"rov", false, false, false}, {"cc", false, false, false},
      {"row\0"sv, false, false, false},  // a NUL is a byte like another
  };
  for (const auto& c : cases) {
    CAPTURE(c.text);
    CHECK(kpi::text::is(c.text, "row") == c.is_row);
    CHECK(kpi::text::is(c.text, "c") == c.is_c);
    CHECK(kpi::text::is(c.text, "") == c.is_empty);
  }
  CHECK(kpi::text::is("inlineStr\0x"sv.substr(0, 9), "inlineStr"));
}

TEST_CASE("same_short: two short texts are the same, by length then bytes", "[text][is]") {
  using namespace std::string_view_literals;
  CHECK(kpi::text::same_short("r", "r"));
  CHECK(kpi::text::same_short("", ""));
  CHECK(kpi::text::same_short("1.087", "1.087"));
  CHECK(kpi::text::same_short("高岡", "高岡"));
  CHECK_FALSE(kpi::text::same_short("r", "s"));
  CHECK_FALSE(kpi::text::same_short("r", "rr"));
  CHECK_FALSE(kpi::text::same_short("1.087", "1.088"));
  CHECK_FALSE(kpi::text::same_short("a\0b"sv, "a\0c"sv));
  CHECK(kpi::text::same_short("a\0b"sv, "a\0b"sv));
}
