// text::starts_with and ends_with, inline for literals: every length, the empty affix and a
// text shorter than the affix.
#include <catch2/catch.hpp>

#include <string>
#include <string_view>

#include "kpi/text/strings.hpp"

TEST_CASE("starts_with and ends_with compare the text's ends with the affix", "[text][affix]") {
  using kpi::text::ends_with;
  using kpi::text::starts_with;
  const std::string text = "令和5年度";
  for (std::size_t n = 0; n <= text.size(); ++n) {
    CHECK(starts_with(text, text.substr(0, n)));
    CHECK(ends_with(text, text.substr(text.size() - n)));
  }
  CHECK_FALSE(starts_with(text, text + "x"));
  CHECK_FALSE(ends_with(text, "x" + text));
  CHECK_FALSE(starts_with(text, "令和6"));
  CHECK_FALSE(ends_with(text, "年"));
  CHECK(starts_with(std::string_view(), ""));
  CHECK(ends_with(std::string_view(), std::string_view()));
  CHECK_FALSE(starts_with(std::string_view(), "R"));
}
