#include <catch2/catch.hpp>

#include "kpi/text/period.hpp"

using kpi::text::period_end_fiscal_year;

TEST_CASE("period: a single year", "[period]") {
  CHECK(period_end_fiscal_year("平成30年度") == 2018);
  CHECK(period_end_fiscal_year("令和元年度末") == 2019);
  CHECK(period_end_fiscal_year("H30年度") == 2018);
  CHECK(period_end_fiscal_year("平成28年度実施の「健康づくりに関する市民意識調査」より") == 2016);
  CHECK_FALSE(period_end_fiscal_year("累計"));
  CHECK_FALSE(period_end_fiscal_year(""));
}

TEST_CASE("period: a period counts by its last year", "[period]") {
  CHECK(period_end_fiscal_year("平成28～30年の平均") == 2018);
  CHECK(period_end_fiscal_year("平成27～30年度の累計") == 2018);
  CHECK(period_end_fiscal_year("令和2～6年度") == 2024);
  CHECK(period_end_fiscal_year("平成30年10月から令和元年9月実績") == 2019);
  CHECK(period_end_fiscal_year("H30～R2年度") == 2020);
  CHECK(period_end_fiscal_year("2018～2020年") == 2020);
}

TEST_CASE("period: January to March belong to the previous fiscal year", "[period]") {
  CHECK(period_end_fiscal_year("令和2年3月末") == 2019);
  CHECK(period_end_fiscal_year("令和2年4月") == 2020);
  CHECK(period_end_fiscal_year("平成30年4月から平成31年3月") == 2018);
}
