#include "kpi/text/mapped.hpp"

#include <catch2/catch.hpp>

using kpi::text::MappedText;

TEST_CASE("mapped text: normalised like normalize(), slices in original characters", "[mapped]") {
  MappedText m("値：５０．５％（Ｈ３０）");
  CHECK(m.normalized() == "値:50.5%(H30)");
  auto begin = m.normalized().find('5');
  auto end = m.normalized().find('(');
  CHECK(m.original_slice(begin, end) == "５０．５％");
  CHECK(m.original_slice(0, m.normalized().size()) == m.original());
  CHECK(m.original_slice(5, 5).empty());
  CHECK(m.original_slice(4, 1000) == "５０．５％（Ｈ３０）");  // 値 and : are 4 bytes
}

TEST_CASE("mapped text: combining marks stay with their base character", "[mapped]") {
  MappedText m("ｶﾞｽ 5");  // half-width katakana with a voiced mark
  CHECK(m.normalized() == "ガス 5");
  CHECK(m.original_slice(0, 3) == "ｶﾞ");
}

TEST_CASE("mapped text: protected characters are kept", "[mapped]") {
  MappedText m("H26～H30");
  CHECK(m.normalized() == "H26～H30");
}
