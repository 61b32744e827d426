// The unit a KPI name carries in its closing bracket, for tables without a unit column.
#include <catch2/catch.hpp>

#include "kpi/formats/grid_layout.hpp"
#include "kpi/formats/name_unit.hpp"
#include "kpi/verify/rate_check.hpp"

using kpi::formats::unit_in_name;

TEST_CASE("unit_in_name: a bracket of a unit", "[name-unit]") {
  CHECK(unit_in_name("企業誘致件数（件）") == "件");
  CHECK(unit_in_name("新規就農者数（人/年）") == "人/年");
  CHECK(unit_in_name("製造品出荷額(億円)") == "億円");
  CHECK(unit_in_name("温室効果ガス排出量（千t-CO2）") == "千t-CO2");
  CHECK(unit_in_name("合計特殊出生率（％）") == "%");
  CHECK(unit_in_name("観光入込客数 （ 万人 ）") == "万人");
}

TEST_CASE("unit_in_name: no unit in a year, a remark or no bracket", "[name-unit]") {
  CHECK(unit_in_name("移住者数（累計）").empty());
  CHECK(unit_in_name("移住者数（R5）").empty());
  CHECK(unit_in_name("移住者数（2023年度）").empty());
  CHECK(unit_in_name("移住者数（再掲）").empty());
  CHECK(unit_in_name("移住者数（速報値）").empty());
  CHECK(unit_in_name("移住者数").empty());
  CHECK(unit_in_name("（件）").empty());  // a bracket alone names nothing
  CHECK(
      unit_in_name("移住者数（市外から転入した人のうち支援制度を利用して移住した人の数）").empty());
}

TEST_CASE("a grid without a unit column takes the unit in the name, and counts are exact",
          "[name-unit][grid-layout]") {
  // 4 件 of 10 is 40.0%: a count has no rounding room, so 42.0% is a mismatch, not consistent.
  auto out = kpi::formats::grid_layout::parse(
      "KPI,R5目標値,R5実績値,R5達成率\n企業誘致件数（件）,10,4,42.0%\n", "grid.csv");
  kpi::verify::check_rates(out.indicators);
  REQUIRE(out.indicators.size() == 1);
  CHECK(out.indicators[0].unit == "件");
  CHECK(out.indicators[0].observations.at(0).check.verdict == kpi::model::Verdict::mismatch);
}
