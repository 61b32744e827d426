// text::encode: UTF-8 to cp932 for the CSV report, strict but for compatibility forms.
#include <catch2/catch.hpp>

#include "kpi/text/encode.hpp"
#include "sheets.hpp"

using kpi::text::encode;

TEST_CASE("encode: cp932 text as Windows writes it", "[text][encode]") {
  auto e = encode("高岡市 ①▲～ No.3", "windows-31j");
  CHECK_FALSE(e.unmappable);
  CHECK(e.substituted == 0);
  CHECK(e.bytes == kpi::testing::encode_as("高岡市 ①▲～ No.3", "windows-31j"));
}

TEST_CASE("encode: a compatibility form stands in, anything else is named", "[text][encode]") {
  auto m3 = encode("千m³・CO₂", "windows-31j");
  CHECK_FALSE(m3.unmappable);
  CHECK(m3.substituted == 2);
  CHECK(m3.bytes == kpi::testing::encode_as("千m3・CO2", "windows-31j"));

  auto emoji = encode("達成😀です", "windows-31j");
  REQUIRE(emoji.unmappable);
  CHECK(*emoji.unmappable == "😀");
  CHECK(emoji.bytes.empty());
  CHECK(kpi::text::code_point_name(*emoji.unmappable) == "U+1F600");
}
