// A sheet keeps only the source lines its model refers to once it is read (issue 12): what
// check quotes is still there, the rest of the text is released.
#include <catch2/catch.hpp>

#include "kpi/model/sheet.hpp"

namespace {

kpi::model::Sheet sheet_with_lines() {
  kpi::model::Sheet sheet;
  sheet.path = "s.txt";
  sheet.keep_text("title\nNo.1 increase\n10 9 90.0%\ncomment\nstray 5\nlast");
  kpi::model::Indicator ind;
  ind.source = {"s.txt", 2};
  kpi::model::Observation o;
  o.source = {"s.txt", 3};
  ind.observations.push_back(o);
  sheet.parsed.indicators.push_back(ind);
  sheet.parsed.diagnostics.push_back(
      {{"s.txt", 5}, kpi::model::Severity::warning, "input.stray-values", "values outside"});
  sheet.parsed.skipped.push_back({6, "not a KPI"});
  return sheet;
}

}  // namespace

TEST_CASE("a read sheet keeps the lines of its KPIs, observations, diagnostics and skipped rows",
          "[model][sheet]") {
  auto sheet = sheet_with_lines();
  CHECK(sheet.line_text(4) == "comment");
  sheet.keep_referenced_lines();
  CHECK(sheet.line_text(1).empty());
  CHECK(sheet.line_text(2) == "No.1 increase");
  CHECK(sheet.line_text(3) == "10 9 90.0%");
  CHECK(sheet.line_text(4).empty());
  CHECK(sheet.line_text(5) == "stray 5");
  CHECK(sheet.line_text(6) == "last");
  CHECK(sheet.line_text(7).empty());
  CHECK(sheet.text->size() == std::string("No.1 increase\n10 9 90.0%\nstray 5\nlast\n").size());
}

TEST_CASE("a sheet whose model refers to no line keeps no text", "[model][sheet]") {
  kpi::model::Sheet sheet;
  sheet.keep_text("a\nb\n");
  sheet.keep_referenced_lines();
  CHECK(sheet.text->empty());
  CHECK(sheet.line_text(1).empty());
  sheet.keep_referenced_lines();  // twice: nothing changes
  CHECK(sheet.line_text(2).empty());
}

TEST_CASE("a sheet nothing will quote (report, convert) releases all of its text",
          "[model][sheet]") {
  auto sheet = sheet_with_lines();
  REQUIRE(sheet.line_text(2) == "No.1 increase");
  sheet.release_text();
  CHECK(sheet.text == nullptr);
  CHECK(sheet.line_text(2).empty());
  CHECK(sheet.line_text(3).empty());
  CHECK(sheet.parsed.indicators.size() == 1);  // the model stays
}
