// text::is: a text equals a literal, compared inline (the names and codes of every cell).
#include <catch2/catch.hpp>

#include <string_view>

#include "kpi/text/strings.hpp"

TEST_CASE("is: a text equals a literal, by length then bytes", "[text][is]") {
  using kpi::text::is;
  CHECK(is("c", "c"));
  CHECK(is("row", "row"));
  CHECK(is("", ""));
  CHECK_FALSE(is("", "c"));
  CHECK_FALSE(is("cc", "c"));
  CHECK_FALSE(is("ro", "row"));
  CHECK_FALSE(is("rov", "row"));
  CHECK(is(std::string_view("inlineStr\0x", 9), "inlineStr"));
  CHECK_FALSE(is(std::string_view("a\0", 2), "a"));  // a NUL is a byte like another
}
