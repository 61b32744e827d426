// A cell's A1 name in 8 bytes: written and read back unchanged, anything else refused.
#include <catch2/catch.hpp>

#include <string>

#include "kpi/model/cell_ref.hpp"

using kpi::model::CellRef;
using kpi::model::excel_last_cell;
using kpi::model::match_a1;
using kpi::model::parse_cell_ref;

TEST_CASE("cell names print and read back unchanged", "[model][cell_ref]") {
  struct Case {
    CellRef cell;
    const char* name;
  };
  for (auto [cell, name] :
       {Case{{1, 1}, "A1"}, Case{{1, 26}, "Z1"}, Case{{1, 27}, "AA1"}, Case{{22, 16}, "P22"},
        Case{{9, 52}, "AZ9"}, Case{{10, 53}, "BA10"}, Case{{1, 702}, "ZZ1"}, Case{{1, 703}, "AAA1"},
        Case{{1'048'576, 16'384}, "XFD1048576"},
        Case{{4'294'967'295u, 4'294'967'295u}, "MWLQKWU4294967295"}}) {
    INFO(name);
    CHECK(cell.text() == name);
    CHECK(cell.name().view() == name);
    std::string buffer = "KPI!";
    cell.append_to(buffer);
    CHECK(buffer == std::string("KPI!") + name);
    auto parsed = parse_cell_ref(name);
    REQUIRE(parsed);
    CHECK(*parsed == cell);
  }
  CHECK(sizeof(CellRef) == 8);
}

TEST_CASE("a cell at a 0-based grid position", "[model][cell_ref]") {
  CHECK(CellRef::at(21, 15).text() == "P22");
  CHECK(CellRef::at(0, 0) == CellRef{1, 1});
  CHECK(CellRef::at(1'048'575, 16'383) == excel_last_cell);
}

TEST_CASE("no cell prints nothing", "[model][cell_ref]") {
  CellRef none;
  CHECK(none.empty());
  CHECK(none.text().empty());
  std::string buffer = "x";
  none.append_to(buffer);
  CHECK(buffer == "x");
  CHECK_FALSE(CellRef{22, 16}.empty());
  CHECK(CellRef{22, 16} < CellRef{22, 17});
  CHECK(CellRef{21, 17} < CellRef{22, 16});
}

TEST_CASE("texts that are not a cell's A1 name are refused", "[model][cell_ref]") {
  for (const char* text :
       {"", "P", "22", "P0", "P022", "p22", "P22 ", " P22", "$P$22", "P$22", "P22:Q23", "KPI!P22",
        "P-1", "P2.5", "AAAAAAAA1", "ZZZZZZZ1", "A4294967296", "A99999999999"}) {
    INFO("'" << text << "'");
    CHECK_FALSE(parse_cell_ref(text));
  }
}

TEST_CASE("references as formulas write them, within Excel's grid", "[model][cell_ref]") {
  auto m = match_a1("$p$22+1", excel_last_cell);
  CHECK(m.length == 5);
  CHECK(m.cell == CellRef{22, 16});
  CHECK(m.column_absolute);
  CHECK(m.row_absolute);
  CHECK(match_a1("XFD1048576", excel_last_cell).length == 10);
  CHECK(match_a1("XFE1", excel_last_cell).length == 0);
  CHECK(match_a1("A1048577", excel_last_cell).length == 0);
  CHECK(match_a1("ABCD1", excel_last_cell).length == 0);
  // At most one digit more than the last row has is read: a longer run is no reference.
  CHECK(match_a1("A00000001", excel_last_cell).length == 9);
  CHECK(match_a1("A000000001", excel_last_cell).length == 0);
  CHECK(match_a1("A123456789", excel_last_cell).length == 0);
}
