// text::normalize copies kana, kanji and CJK punctuation without asking ICU: only safe when
// NFKC leaves each of them as it is whatever surrounds it, which ICU's own data must confirm.
#include <catch2/catch.hpp>

#include <unicode/uchar.h>
#include <unicode/unorm2.h>

#include "kpi/text/normalize.hpp"

using kpi::text::is_nfkc_stable;
using kpi::text::normalize;

TEST_CASE("normalize: the code points copied without ICU are NFKC-inert", "[text][normalize]") {
  int stable = 0;
  for (UChar32 cp = 0x80; cp <= 0xFFFF; ++cp) {
    if (!is_nfkc_stable(static_cast<char32_t>(cp))) continue;
    ++stable;
    INFO("U+" << std::hex << cp);
    CHECK(u_getIntPropertyValue(cp, UCHAR_NFKC_QUICK_CHECK) == UNORM_YES);
    CHECK(u_getCombiningClass(cp) == 0);
  }
  CHECK(stable > 20000);  // kanji, kana and punctuation at least
}

TEST_CASE("normalize: copied text next to text ICU rewrites", "[text][normalize]") {
  CHECK(normalize("達成率　５８．２％") == "達成率 58.2%");
  CHECK(normalize("か\xE3\x82\x99") == "が");  // combining voiced mark: composed by ICU
  CHECK(normalize("ｶﾞ") == "ガ");
  CHECK(normalize("▲ 441") == "▲ 441");
  CHECK(normalize("26～30年度〜①") == "26～30年度〜①");
  std::string out = "x";
  kpi::text::append_normalize(out, "（累計）");
  CHECK(out == "x(累計)");
}
