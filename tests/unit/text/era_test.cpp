#include <catch2/catch.hpp>

#include "kpi/text/era.hpp"
#include "kpi/text/normalize.hpp"

using kpi::text::fiscal_year_in;

TEST_CASE("era years become fiscal years", "[text][era]") {
  CHECK(fiscal_year_in("令和5年度") == 2023);
  CHECK(fiscal_year_in("R5年度") == 2023);
  CHECK(fiscal_year_in("令和元年") == 2019);
  CHECK(fiscal_year_in("R元") == 2019);
  CHECK(fiscal_year_in("平成30年度") == 2018);
  CHECK(fiscal_year_in("H30") == 2018);
  CHECK(fiscal_year_in("H31") == 2019);
  CHECK(fiscal_year_in("平成32年度") == 2020);  // past the era's end, still used
  CHECK(fiscal_year_in("昭和64年") == 1989);
  CHECK(fiscal_year_in("S50") == 1975);
  CHECK(fiscal_year_in("2018年度") == 2018);
}

TEST_CASE("full-width era text after NFKC", "[text][era]") {
  CHECK(fiscal_year_in(kpi::text::normalize("Ｒ５年度")) == 2023);
  CHECK(fiscal_year_in(kpi::text::normalize("令和２年度末時点")) == 2020);
}

TEST_CASE("sub-year points: January-March belong to the previous fiscal year", "[text][era]") {
  CHECK(fiscal_year_in("H31.4") == 2019);
  CHECK(fiscal_year_in("R5.1~6") == 2022);
  CHECK(fiscal_year_in("R元.11") == 2019);
}

TEST_CASE("ranges give their first year, words are not eras", "[text][era]") {
  CHECK(fiscal_year_in("R6～R10 の合計") == 2024);
  CHECK(fiscal_year_in("平成28～30年の平均") == 2016);
  CHECK_FALSE(fiscal_year_in("SNSを活用"));
  CHECK_FALSE(fiscal_year_in("SDGs"));
  CHECK_FALSE(fiscal_year_in(""));
}

TEST_CASE("FY and four digits is a fiscal year, four digits alone are not", "[text][era]") {
  CHECK(fiscal_year_in("FY2023 Actual") == 2023);
  CHECK(fiscal_year_in("Target (FY2024)") == 2024);
  CHECK(fiscal_year_in("fy2019") == 2019);
  CHECK_FALSE(fiscal_year_in("2023"));      // a count, as likely as a year
  CHECK_FALSE(fiscal_year_in("FY23"));      // two digits: not a year kpi-report can place
  CHECK_FALSE(fiscal_year_in("XFY12345"));  // five digits
}
