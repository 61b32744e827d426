// The two structs a large sheet holds by the million stay within the allocator's size classes
// they were fitted to (docs/performance.md): a field added past them costs a fifth more memory
// on a 10 MB workbook, so it should be a decision, not an accident.
#include <catch2/catch.hpp>

#include "kpi/grid/grid.hpp"
#include "kpi/model/indicator.hpp"

TEST_CASE("an observation and a cell fit their size classes", "[model][memory]") {
  if constexpr (sizeof(void*) == 8) {
    // Four years of a KPI in 2,048 bytes (at 520 bytes they took a class of 2,560).
    CHECK(sizeof(kpi::model::Observation) <= 512);
    // A row of 18 cells in 1,280 bytes (at 72 bytes, 1,536).
    CHECK(sizeof(kpi::grid::Cell) <= 64);
  }
}

TEST_CASE("a format code reads as the text it was given", "[grid][memory]") {
  kpi::grid::TextStore store;
  std::string code = "#,##0.0";
  kpi::grid::Cell cell;
  CHECK(cell.number_format.empty());
  CHECK(cell.number_format == "");
  cell.number_format = store.keep_terminated(code);
  code = "changed";  // the cell holds the store's copy
  CHECK(cell.number_format == "#,##0.0");
  CHECK(std::string_view(cell.number_format).size() == 7);
  CHECK_FALSE(cell.number_format.empty());
  cell.number_format = "0.0%";
  CHECK(cell.number_format.view() == "0.0%");
  CHECK(*store.keep_terminated("") == '\0');
}
