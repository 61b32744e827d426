#include <catch2/catch.hpp>

#include "kpi/formats/cell_values.hpp"

using kpi::formats::parse_piece;
using kpi::formats::split_cell_values;

TEST_CASE("cell values: one piece per value", "[cell_values]") {
  auto p = split_cell_values("766人(平成30年度) 14件(平成30年度)");
  REQUIRE(p.size() == 2);
  CHECK(p[0].original == "766人(平成30年度)");
  CHECK(p[1].original == "14件(平成30年度)");
  CHECK(split_cell_values("81% 14%").size() == 2);
  CHECK(split_cell_values("").empty());
}

TEST_CASE("cell values: units and notes after a space stay with their number", "[cell_values]") {
  auto p = split_cell_values("320 社(累計) 366 件(累計)");
  REQUIRE(p.size() == 2);
  CHECK(p[0].original == "320 社(累計)");
  CHECK(parse_piece(p[1]).unit == "件");
  CHECK(parse_piece(p[1]).note == "累計");
  auto noted = split_cell_values("24社 (平成30年度)");
  REQUIRE(noted.size() == 1);
  CHECK(parse_piece(noted[0]).note == "平成30年度");
  // Spaces inside brackets do not split.
  CHECK(split_cell_values("5件(令和 2年度) 6件").size() == 2);
}

TEST_CASE("cell values: labels before the number", "[cell_values]") {
  auto p = split_cell_values("平日38,924人/日(平成26年度) 日曜30,420人/日(平成26年度)");
  REQUIRE(p.size() == 2);
  CHECK(p[0].label == "平日");
  CHECK(p[1].label == "日曜");
  auto v = parse_piece(p[1]);
  CHECK(v.value.number->to_string() == "30420");
  CHECK(v.unit == "人/日");
  CHECK(v.value.text == "日曜30,420人/日(平成26年度)");
  auto colon = split_cell_values("栽培面積: 32.7ha(平成30年度)");
  REQUIRE(colon.size() == 1);
  CHECK(colon[0].label == "栽培面積:");
  CHECK(parse_piece(colon[0]).unit == "ha");
  auto glued = split_cell_values("39.9栽培面積: ha");  // the label printed after the number
  REQUIRE(glued.size() == 1);
  CHECK(parse_piece(glued[0]).unit == "ha");
  CHECK(parse_piece(glued[0]).value.number->to_string() == "39.9");
}

TEST_CASE("cell values: signs, text and numbers inside brackets", "[cell_values]") {
  auto p = split_cell_values("-2,265人/日増加(累計)");
  REQUIRE(p.size() == 1);
  CHECK(p[0].label.empty());
  CHECK(parse_piece(p[0]).value.number->to_string() == "-2265");
  auto text = split_cell_values("73.00% 継続実施");
  REQUIRE(text.size() == 2);
  CHECK(text[0].has_number);
  CHECK_FALSE(text[1].has_number);
  auto inner = split_cell_values("14か所(公立2か所指定管理2か所私立認定こども園10か所(委託))");
  REQUIRE(inner.size() == 1);
  CHECK(parse_piece(inner[0]).value.number->to_string() == "14");
  CHECK_FALSE(split_cell_values("新規")[0].has_number);
  auto marked = split_cell_values("① 5件 ② 7件");  // a lone circled number marks the next value
  REQUIRE(marked.size() == 2);
  CHECK(marked[1].label == "②");
}
