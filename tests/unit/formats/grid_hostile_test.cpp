// The grid layout on sheets built to be slow: work stays proportional to the cells.
#include <catch2/catch.hpp>

#include "kpi/formats/grid_layout.hpp"

namespace {

using kpi::grid::Sheet;

void text(Sheet& sheet, int row, int col, const char* value) {
  auto& cell = sheet.set(row, col);
  cell.kind = kpi::grid::CellKind::text;
  cell.display = value;
  cell.value = value;
}

Sheet header_sheet(int width) {
  Sheet sheet;
  text(sheet, 0, 0, "指標名");
  text(sheet, 0, 1, "令和5年度");
  text(sheet, 1, 1, "目標値");
  text(sheet, 1, 2, "実績値");
  text(sheet, 1, 3, "達成率");
  for (int c = 4; c < width; ++c) text(sheet, 1, c, "実績値");
  return sheet;
}

}  // namespace

TEST_CASE("a grid with a header as wide as Excel's and a million merges is read in linear time",
          "[grid-layout][hostile]") {
  auto sheet = header_sheet(16'384);
  for (int r = 2; r < 20'002; ++r) {
    text(sheet, r, 0, "転入者数");
    text(sheet, r, 1, "100");
    text(sheet, r, 2, "90");
    text(sheet, r, 3, "90.0%");
  }
  for (int i = 0; i < 1'000'000; ++i)
    sheet.merged.push_back({2 + i % 20'000, 5 + i % 1000, 2 + i % 20'000, 5 + i % 1000});
  auto out = kpi::formats::grid_layout::parse_sheet(sheet, "wide.xlsx");
  REQUIRE(out.indicators.size() == 20'000);
  const auto& first = out.indicators.front();
  REQUIRE(!first.observations.empty());
  CHECK(first.observations.front().fiscal_year == 2023);
  CHECK(first.observations.front().published_rate.text == "90.0%");
}

TEST_CASE("a merged range spanning every row of the sheet does not multiply the work",
          "[grid-layout][hostile]") {
  auto sheet = header_sheet(4);
  for (int r = 2; r < 1002; ++r) text(sheet, r, 0, "転入者数");
  for (int i = 0; i < 100'000; ++i) sheet.merged.push_back({0, 10, 1'048'575, 20});
  auto out = kpi::formats::grid_layout::parse_sheet(sheet, "merges.xlsx");
  CHECK(out.indicators.size() == 1000);
}
