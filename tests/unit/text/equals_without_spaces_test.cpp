// A header cell compared with its words joined, without building the joined string.
#include <catch2/catch.hpp>

#include "kpi/text/strings.hpp"

using kpi::text::equals_without_spaces;

TEST_CASE("a cell equals a word when its spaces are left out", "[text][strings]") {
  CHECK(equals_without_spaces("施策番号", "施策番号"));
  CHECK(equals_without_spaces(" 施 策\u3000番号\t", "施策番号"));
  CHECK(equals_without_spaces("達成率\xC2\xA0", "達成率"));
  CHECK(equals_without_spaces("", ""));
  CHECK(equals_without_spaces(" \u3000 ", ""));
  CHECK_FALSE(equals_without_spaces("施策", "施策番号"));
  CHECK_FALSE(equals_without_spaces("施策番号等", "施策番号"));
  CHECK_FALSE(equals_without_spaces("", "項目"));
}

TEST_CASE("contains finds a part anywhere, an empty part everywhere", "[text][strings]") {
  CHECK(kpi::text::contains("第２期高岡市総合戦略 KPI進捗状況一覧表", "KPI進捗状況一覧表"));
  CHECK_FALSE(kpi::text::contains("増加指標", "減少指標"));
  CHECK(kpi::text::contains("", ""));
  CHECK(kpi::text::contains("abc", ""));
  CHECK_FALSE(kpi::text::contains("", "a"));
}
