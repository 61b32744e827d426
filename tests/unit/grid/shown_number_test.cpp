// An OpenDocument cell's shown text against its stored value: a text that contradicts the
// value is rebuilt from the value, in the text's shape.
#include <catch2/catch.hpp>

#include "grid/shown_number.hpp"

using kpi::grid::shown_with_value;

TEST_CASE("a text that prints its value is kept", "[grid][ods][shown]") {
  CHECK_FALSE(shown_with_value("95.0%", "0.95"));
  CHECK_FALSE(shown_with_value("95.1%", "0.95125"));  // rounded at the text's decimals
  CHECK_FALSE(shown_with_value("1,235", "1234.5"));   // half away from zero
  CHECK_FALSE(shown_with_value("-3", "-2.5"));
  CHECK_FALSE(shown_with_value("達成", "1"));      // no number: nothing to compare
  CHECK_FALSE(shown_with_value("¥1,200", "900"));  // a currency is not compared
  CHECK_FALSE(shown_with_value("1,200円", "900"));
}

TEST_CASE("a text that contradicts its value is the value in the text's shape",
          "[grid][ods][shown]") {
  CHECK(shown_with_value("90.0%", "0.95") == "95.0%");
  CHECK(shown_with_value("95.0%", "0.9") == "90.0%");
  CHECK(shown_with_value("1,000", "1234567") == "1,234,567");
  CHECK(shown_with_value("7", "7.6") == "8");
  CHECK(shown_with_value("-5.0%", "-0.0525") == "-5.3%");
}
