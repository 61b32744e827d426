#include "kpi/formats/parse_kit.hpp"

#include <catch2/catch.hpp>

using kpi::model::Direction;
using kpi::model::Qualifier;

TEST_CASE("the parser kit knows circled numbers ① to ⑳ and nothing else", "[formats][kit]") {
  using kpi::formats::starts_with_circled_number;
  CHECK(starts_with_circled_number("①移住者数"));
  CHECK(starts_with_circled_number("  ⑳ 件数"));
  CHECK_FALSE(starts_with_circled_number("㉑"));  // U+3251, past the kit's range
  CHECK_FALSE(starts_with_circled_number("(1) 移住"));
  CHECK_FALSE(starts_with_circled_number(""));
}

TEST_CASE("a target's qualifier implies a direction, 程度 none", "[formats][kit]") {
  using kpi::formats::direction_of;
  CHECK(direction_of(Qualifier::at_least) == Direction::increase);
  CHECK(direction_of(Qualifier::at_most) == Direction::decrease);
  CHECK(direction_of(Qualifier::keep) == Direction::maintain);
  CHECK(direction_of(Qualifier::about) == Direction::unknown);
  CHECK(direction_of(Qualifier::none) == Direction::unknown);
}

TEST_CASE("a skipped row is listed and reported at its line", "[formats][kit]") {
  kpi::model::ParseOutput out;
  kpi::formats::skip_row(out, "sheet.tsv", 12, "section heading, no KPI");
  REQUIRE(out.skipped.size() == 1);
  CHECK(out.skipped[0].line == 12);
  REQUIRE(out.diagnostics.size() == 1);
  CHECK(out.diagnostics[0].code == "input.skipped-row");
  CHECK(out.diagnostics[0].location.path == "sheet.tsv");
  CHECK(out.diagnostics[0].message == "section heading, no KPI");
}
