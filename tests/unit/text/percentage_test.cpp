// Percentages printed in normalised text: the one at a '%', and whether a text prints any.
#include <catch2/catch.hpp>

#include "kpi/text/percentage.hpp"

using kpi::text::percentage_at;
using kpi::text::prints_a_percentage;

namespace {

// The percentage at the text's first '%'.
std::string_view first_percentage(std::string_view normalized) {
  return percentage_at(normalized, normalized.find('%'));
}

}  // namespace

TEST_CASE("the percentage at a '%' is its sign, number and the '%'", "[text][percentage]") {
  CHECK(first_percentage("B(91.4%)") == "91.4%");
  CHECK(first_percentage("未達成(1,075.0%)") == "1,075.0%");
  CHECK(first_percentage("▲ -5.0%") == "-5.0%");
  CHECK(first_percentage("達成率 57.0 %") == "57.0 %");
  CHECK(first_percentage("75,0%") == "75,0%");  // malformed, but printed as one
  CHECK(first_percentage("(%)").empty());
  CHECK(first_percentage("., %").empty());  // no digit
  CHECK(percentage_at("80%→90%", 8) == "90%");
}

TEST_CASE("a text prints a percentage when a digit comes before a '%'", "[text][percentage]") {
  CHECK(prints_a_percentage("実績値 450名 達成率 57.0%"));
  CHECK(prints_a_percentage("29% 9%"));
  CHECK_FALSE(prints_a_percentage("達成率(%)"));
  CHECK_FALSE(prints_a_percentage("%95.0"));  // a '%' first is no percentage of its own
  CHECK_FALSE(prints_a_percentage(""));
}
