// Rebuilding rows whose merged cells the PDF extraction displaced.
#include <catch2/catch.hpp>

#include "kpi/formats/merged_cells.hpp"
#include "kpi/text/number.hpp"

namespace {

using kpi::formats::DisplacedRow;
using kpi::model::Value;

Value printed(const std::string& text) {
  auto token = kpi::text::find_number(text);
  return {token ? std::optional(token->number) : std::nullopt, text};
}

std::vector<Value> all(std::initializer_list<const char*> texts) {
  std::vector<Value> out;
  for (const char* t : texts) out.push_back(printed(t));
  return out;
}

std::vector<std::string> texts(const std::vector<Value>& values) {
  std::vector<std::string> out;
  for (const auto& v : values) out.push_back(v.text);
  return out;
}

}  // namespace

TEST_CASE("the numbers at the page foot of Takaoka No.9 fit its row in one way only",
          "[merged][fidelity]") {
  DisplacedRow row;
  row.actuals = all({"39", "293", "376", "455"});  // sums of the row's two sub-rows
  row.loose = all({"440", "500", "91.0%", "86", "60", "65.0%", "380", "77.1%", "85.5%", "720"});
  row.direction = kpi::model::Direction::increase;  // 増加指標
  auto result = kpi::formats::rebuild_displaced_row(row);
  REQUIRE(result.row);
  CHECK(result.assignments == 1);
  CHECK(texts(result.row->targets) == std::vector<std::string>{"60", "380", "440", "500"});
  CHECK(texts(result.row->rates) == std::vector<std::string>{"65.0%", "77.1%", "85.5%", "91.0%"});
  CHECK(result.row->baseline.text == "86");
  CHECK(result.row->final_target.text == "720");
  CHECK(result.row->note ==
        "rebuilt from numbers displaced by the PDF extraction: the only assignment where every "
        "published rate is actual / target: 39 / 60 = 65.0%, 293 / 380 = 77.1%, 376 / 440 = "
        "85.5%, 455 / 500 = 91.0%; baseline 86, final target 720");
}

TEST_CASE("an ambiguous displaced row is left flagged", "[merged][fidelity]") {
  DisplacedRow row;
  row.actuals = all({"50", "50"});
  // 50/100 = 50% in either year; but which of 80 and 120 is the baseline and which the final
  // target, nothing says without a direction.
  row.loose = all({"100", "100", "50%", "50%", "80", "120"});
  auto result = kpi::formats::rebuild_displaced_row(row);
  CHECK_FALSE(result.row);
  CHECK(result.assignments == 2);
  CHECK(result.why_not == "2 assignments reproduce every published rate: ambiguous");
  row.direction = kpi::model::Direction::increase;  // the final target is the larger: unique
  auto rebuilt = kpi::formats::rebuild_displaced_row(row);
  REQUIRE(rebuilt.row);
  CHECK(rebuilt.row->final_target.text == "120");
}

TEST_CASE("a displaced row without the right count of numbers, or no fit, stays flagged",
          "[merged]") {
  DisplacedRow row;
  row.actuals = all({"39", "293"});
  row.loose = all({"60", "65.0%", "380"});
  auto result = kpi::formats::rebuild_displaced_row(row);
  CHECK_FALSE(result.row);
  CHECK(result.why_not.find("1 loose rates and 2 loose numbers for 2 years") == 0);
  row.loose = all({"60", "65.0%", "380", "70.0%", "86", "720"});  // 293/380 is 77.1%
  result = kpi::formats::rebuild_displaced_row(row);
  CHECK_FALSE(result.row);
  CHECK(result.assignments == 0);
}
