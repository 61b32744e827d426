#include <catch2/catch.hpp>

#include "kpi/text/mapped.hpp"

using kpi::text::normalize_mapped;

TEST_CASE("normalize_mapped: normalised text maps back to the printed text", "[text][mapped]") {
  auto m = normalize_mapped("割合 ４７．５％（Ｒ５）");
  CHECK(m.normalized == "割合 47.5%(R5)");
  auto begin = m.normalized.find("47");
  auto end = m.normalized.find("(");
  CHECK(m.original_slice(begin, end) == "４７．５％");
  CHECK(m.original_slice(0, m.normalized.size()) == m.original);
  CHECK(m.source.size() == m.normalized.size() + 1);
}

TEST_CASE("normalize_mapped: keeps superscripts and subscripts and ranges and circled numbers",
          "[text][mapped]") {
  CHECK(normalize_mapped("8,000 m³").normalized == "8,000 m³");
  CHECK(normalize_mapped("3,537千t-CO₂").normalized == "3,537千t-CO₂");
  CHECK(normalize_mapped("R6～R10").normalized == "R6～R10");
  CHECK(normalize_mapped("① ＡＩ").normalized == "① AI");
}

TEST_CASE("normalize_mapped: a range ending inside one character's expansion takes it whole",
          "[text][mapped]") {
  auto m = normalize_mapped("㍻30");  // ㍻ → 平成
  CHECK(m.normalized == "平成30");
  CHECK(m.original_slice(0, 3) == "㍻");
}
