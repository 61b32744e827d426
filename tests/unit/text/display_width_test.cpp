#include <catch2/catch.hpp>

#include "kpi/text/display_width.hpp"
#include "kpi/text/fit_width.hpp"

using kpi::text::code_point_width;
using kpi::text::cut_to_width;
using kpi::text::display_width;
using kpi::text::wrap_to_width;

TEST_CASE("display_width: East Asian Width, ambiguous characters by the terminal's rule",
          "[text][width]") {
  CHECK(display_width("No.55") == 5);
  CHECK(display_width("指標名") == 6);    // W
  CHECK(display_width("１２３％") == 8);  // F
  CHECK(display_width("ｱｲｳ") == 3);       // half-width katakana (H)
  CHECK(display_width("▲441") == 4);      // ▲ is A: one column by default
  CHECK(display_width("▲441", 2) == 5);   // ... two on a terminal that draws it wide
  for (const char* ambiguous : {"▲", "①", "⇒", "○", "※", "→", "±", "×", "Ⅱ"}) {
    INFO(ambiguous);
    CHECK(display_width(ambiguous) == 1);
    CHECK(display_width(ambiguous, 2) == 2);
  }
  CHECK(display_width("e\xCC\x81") == 1);       // e + combining acute
  CHECK(display_width("\xE2\x80\x8B") == 0);    // zero width space
  CHECK(code_point_width(U'\u3000') == 2);      // ideographic space
  CHECK(code_point_width(U'\U0001F600') == 2);  // emoji: W
  CHECK(display_width("\xFF\xFE") == 2);        // invalid bytes: one column each
}

TEST_CASE("code_point_width: ICU's width for every code point, shortcuts included",
          "[text][width]") {
  int differ = 0;
  for (char32_t c = 0; c <= 0x10FFFF; ++c) {
    if (c >= 0xD800 && c <= 0xDFFF) continue;  // surrogates: no characters
    for (int ambiguous : {1, 2})
      if (code_point_width(c, ambiguous) != kpi::text::detail::icu_code_point_width(c, ambiguous)) {
        if (++differ <= 5) FAIL_CHECK("U+" << std::hex << static_cast<unsigned>(c));
      }
  }
  CHECK(differ == 0);
}

TEST_CASE("cut_to_width and wrap_to_width never exceed the width", "[text][width]") {
  CHECK(cut_to_width("クラフト市 … 23,000", 10) == "クラフト…");
  CHECK(display_width(cut_to_width("クラフト市 … 23,000", 10)) <= 10);
  CHECK(cut_to_width("short", 10) == "short");
  CHECK(cut_to_width("▲▲▲▲", 4, 2) == "▲…");  // … is ambiguous too
  CHECK(cut_to_width("▲▲▲▲", 3, 2) == "…");
  auto lines = wrap_to_width("note (baseline): クラフト市 … 23,000 and more words", 12);
  REQUIRE(lines.size() > 1);
  for (const auto& line : lines) CHECK(display_width(line) <= 12);
  CHECK(lines.front() == "note");
  CHECK(wrap_to_width("指標", 1) == std::vector<std::string>{"…", "…"});
  CHECK(wrap_to_width("data/a.txt（takaoka、UTF-8）：指標64件、読み飛ばした行0行", 40) ==
        std::vector<std::string>{"data/a.txt（takaoka、UTF-8）：指標64件、", "読み飛ばした行0行"});
  auto later = wrap_to_width("aaaa bbbb cccc", 9, 1, 4);
  CHECK(later == std::vector<std::string>{"aaaa bbbb", "cccc"});
}
