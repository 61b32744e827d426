#include "kpi/formats/parse_kit.hpp"

#include <catch2/catch.hpp>

#include <cstdint>
#include <string>

#include "kpi/text/normalize.hpp"

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

TEST_CASE("a relisted mark needs a 掲, as printed or from any normalised character",
          "[formats][kit]") {
  using kpi::formats::find_relisted_mark;
  using kpi::formats::may_hold_relisted_mark;
  CHECK(may_hold_relisted_mark("観光客数【再掲（№１２）】"));
  CHECK_FALSE(may_hold_relisted_mark("転入を均衡（累計）"));
  CHECK_FALSE(find_relisted_mark("転入を均衡（累計）"));
  // Every code point whose normalisation holds 掲 is one the test lets through (ICU decides
  // what normalisation makes of each, whatever its Unicode version).
  for (char32_t cp = 1; cp < 0x110000; ++cp) {
    if (cp >= 0xD800 && cp <= 0xDFFF) continue;
    std::string utf8;
    if (cp < 0x80) {
      utf8 = {static_cast<char>(cp)};
    } else if (cp < 0x800) {
      utf8 = {static_cast<char>(0xC0 | cp >> 6), static_cast<char>(0x80 | (cp & 0x3F))};
    } else if (cp < 0x10000) {
      utf8 = {static_cast<char>(0xE0 | cp >> 12), static_cast<char>(0x80 | (cp >> 6 & 0x3F)),
              static_cast<char>(0x80 | (cp & 0x3F))};
    } else {
      utf8 = {static_cast<char>(0xF0 | cp >> 18), static_cast<char>(0x80 | (cp >> 12 & 0x3F)),
              static_cast<char>(0x80 | (cp >> 6 & 0x3F)), static_cast<char>(0x80 | (cp & 0x3F))};
    }
    if (kpi::text::normalize(utf8).find("掲") == std::string::npos) continue;
    INFO(static_cast<std::uint32_t>(cp));
    CHECK(may_hold_relisted_mark(utf8));
  }
}
