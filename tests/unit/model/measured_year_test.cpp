// Every value in the year it measures.
#include <catch2/catch.hpp>

#include "kpi/model/measured_year.hpp"

using kpi::model::Observation;

namespace {

Observation printed(int column, std::optional<int> tagged, const std::string& target = "") {
  Observation o;
  o.fiscal_year = column;
  o.actual.text = "35.1%";
  o.actual_fiscal_year = tagged;
  o.target.text = target;
  return o;
}

}  // namespace

TEST_CASE("a value tagged with its own year is filed under that year", "[model][fidelity]") {
  auto o = printed(2023, 2021);
  CHECK(kpi::model::file_under_measured_year(o));
  CHECK(o.fiscal_year == 2021);
  CHECK(o.reported_in == 2023);
  CHECK(kpi::model::column_year(o) == 2023);
  CHECK(kpi::model::measured_year(o) == 2021);
  CHECK_FALSE(kpi::model::file_under_measured_year(o));  // once only
}

TEST_CASE("an untagged value, or one with a year target of its column, stays",
          "[model][fidelity]") {
  auto plain = printed(2023, std::nullopt);
  CHECK_FALSE(kpi::model::file_under_measured_year(plain));
  CHECK(plain.fiscal_year == 2023);
  CHECK_FALSE(plain.reported_in);
  auto with_target = printed(2023, 2021, "40.0%");  // the target is the column's year's
  CHECK_FALSE(kpi::model::file_under_measured_year(with_target));
  CHECK(with_target.fiscal_year == 2023);
  CHECK(kpi::model::measured_year(with_target) == 2021);
}
