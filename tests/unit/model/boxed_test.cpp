// Boxed<T>: a rarely-set model part on the heap only once set; reads give a default T.
#include <catch2/catch.hpp>

#include "kpi/model/indicator.hpp"

using kpi::model::Cap;
using kpi::model::Value;
using kpi::model::Verdict;

TEST_CASE("a value's workbook detail reads as empty until set", "[model][boxed]") {
  Value v;
  CHECK_FALSE(v.workbook.is_set());
  CHECK(v.workbook->formula.empty());
  CHECK_FALSE(v.workbook->stored);
  CHECK(v.workbook->cap == Cap::none);
  CHECK_FALSE(v.workbook->formula_uncached);
  CHECK_FALSE(v.workbook.is_set());  // reading does not allocate
  v.workbook.edit().formula = "=ROUND(D2/C2,3)";
  CHECK(v.workbook.is_set());
  CHECK(v.workbook->formula == "=ROUND(D2/C2,3)");
}

TEST_CASE("copies of a boxed part are deep", "[model][boxed]") {
  Value a;
  a.workbook.edit().cap = Cap::above;
  Value b = a;
  b.workbook.edit().cap = Cap::below;
  CHECK(a.workbook->cap == Cap::above);
  CHECK(b.workbook->cap == Cap::below);
  Value empty;
  b = empty;
  CHECK_FALSE(b.workbook.is_set());
  Value moved = std::move(a);
  CHECK(moved.workbook->cap == Cap::above);
}

TEST_CASE("an observation boxes its 変更後 values only when one is printed", "[model][boxed]") {
  kpi::model::Observation o;
  kpi::model::set_revision(o, Value{}, Value{});
  CHECK_FALSE(o.revised.is_set());  // nothing printed: no box
  CHECK(o.revised->target.text.empty());
  CHECK(o.revised->check.verdict == Verdict::unchecked);
  CHECK_FALSE(o.revised.is_set());  // reading does not allocate
  Value rate;
  rate.text = "8%";
  kpi::model::set_revision(o, Value{}, rate);
  REQUIRE(o.revised.is_set());
  CHECK(o.revised->rate.text == "8%");
  CHECK(o.revised->target.text.empty());
  kpi::model::RateCheck check;
  check.verdict = Verdict::match;
  o.revised.edit().check = check;
  kpi::model::Observation copy = o;
  CHECK(copy.revised->rate.text == "8%");
  CHECK(copy.revised->check.verdict == Verdict::match);
  kpi::model::set_revision(o, Value{}, Value{});  // once set, cleared as assigned
  CHECK(o.revised->rate.text.empty());
  CHECK(copy.revised->rate.text == "8%");
}
