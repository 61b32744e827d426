// A cell's stored number at Excel's 15 significant digits (kpi/grid/stored_number.hpp), and
// the references of a formula (kpi/grid/formula_refs.hpp).
#include <catch2/catch.hpp>

#include <random>
#include <string>

#include "kpi/grid/formula_refs.hpp"
#include "kpi/grid/stored_number.hpp"

using kpi::grid::stored_decimal;

TEST_CASE("a stored double is read at Excel's 15 significant digits", "[grid][stored]") {
  CHECK(stored_decimal("79.2")->to_string() == "79.2");
  // The binary noise beyond 15 digits is Excel's to drop: 0.1425 under 0.0% shows 14.3%.
  CHECK(stored_decimal("0.14249999999999999", 2)->to_string() == "14.25");
  // 0.916666666666667 (15 digits) in percent points, at most 12 decimals as a Decimal holds.
  CHECK(stored_decimal("0.91666666666666663", 2)->to_string() == "91.666666666667");
  CHECK(stored_decimal("7.92E-2", 2)->to_string() == "7.92");
  CHECK(stored_decimal("-1.5E3")->to_string() == "-1500");
  CHECK(stored_decimal("0")->to_string() == "0");
}

TEST_CASE("a stored number beyond a Decimal is refused, not wrapped", "[grid][stored]") {
  CHECK_FALSE(stored_decimal("1E+30"));
  CHECK_FALSE(stored_decimal("12abc"));
  CHECK_FALSE(stored_decimal(""));
  // More decimals than a Decimal keeps: rounded at 12.
  CHECK(stored_decimal("1.23456789012345E-5")->to_string() == "0.000012345679");
}

TEST_CASE("formula references skip strings, functions and sheet names", "[grid][formula]") {
  auto refs = kpi::grid::formula_references("=ROUND(O22/$K$22,3)&\"A1\"+Sheet2!B3+LOG10(2)");
  REQUIRE(refs.size() == 3);
  CHECK(refs[0].row == 21);
  CHECK(refs[0].col == 14);
  CHECK(refs[1].row_absolute);
  CHECK(refs[1].col_absolute);
  CHECK_FALSE(refs[1].other_sheet);
  CHECK(refs[2].other_sheet);
  CHECK(refs[2].row == 2);
}

TEST_CASE("plain stored numbers read quickly as through their digits", "[grid][stored]") {
  std::mt19937 random(15);
  const std::string alphabet = "0000123456789..-- eE+";
  int compared = 0;
  for (int round = 0; round < 200000; ++round) {
    std::string text;
    for (int n = 1 + static_cast<int>(random() % 22); n > 0; --n)
      text += alphabet[random() % alphabet.size()];
    int shift = static_cast<int>(random() % 4);
    int max_scale = static_cast<int>(random() % 14);
    auto quick = kpi::grid::stored_decimal(text, shift, max_scale);
    // A space around the text sends it through the digits: the quick reading must agree.
    auto full = kpi::grid::stored_decimal(" " + text, shift, max_scale);
    INFO(text << " shift " << shift << " max_scale " << max_scale);
    REQUIRE(quick.has_value() == full.has_value());
    if (quick) {
      REQUIRE(quick->units == full->units);
      REQUIRE(quick->scale == full->scale);
      ++compared;
    }
  }
  CHECK(compared > 10000);
  CHECK(kpi::grid::stored_decimal("280")->to_string() == "280");
  CHECK(kpi::grid::stored_decimal("-0.7580", 2)->to_string() == "-75.8");
  CHECK(kpi::grid::stored_decimal("0.00")->to_string() == "0");
}
