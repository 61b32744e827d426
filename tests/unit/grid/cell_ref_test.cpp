// A1 references of a worksheet's cells: the quick reading of "P22" agrees with the full one
// (model::match_a1) on every text, and attributes are found in one pass as one by one.
#include <catch2/catch.hpp>

#include <random>
#include <string>

#include "grid/cell_ref.hpp"
#include "grid/xml_stream.hpp"

using namespace kpi::grid;

namespace {

// What parse_cell_ref read before its quick path: the whole text one A1 reference.
std::optional<CellRef> full_reading(std::string_view text) {
  auto match = kpi::model::match_a1(text, kpi::model::excel_last_cell);
  if (text.empty() || match.length != text.size()) return std::nullopt;
  return CellRef{static_cast<int>(match.cell.row) - 1, static_cast<int>(match.cell.column) - 1};
}

}  // namespace

TEST_CASE("cell references read as the full A1 reading reads them", "[grid][cell-ref]") {
  CHECK(parse_cell_ref("A1")->row == 0);
  CHECK(parse_cell_ref("P22")->col == 15);
  CHECK(parse_cell_ref("XFD1048576")->col == 16383);
  CHECK_FALSE(parse_cell_ref("XFE1"));
  CHECK_FALSE(parse_cell_ref("A1048577"));
  CHECK_FALSE(parse_cell_ref("A0"));
  CHECK_FALSE(parse_cell_ref("4A"));
  CHECK_FALSE(parse_cell_ref(""));
  std::mt19937 random(11);
  const std::string alphabet = "AZXFDaz$0123456789";
  for (int round = 0; round < 100000; ++round) {
    std::string text;
    for (int n = 1 + static_cast<int>(random() % 11); n > 0; --n)
      text += alphabet[random() % alphabet.size()];
    auto quick = parse_cell_ref(text);
    auto full = full_reading(text);
    INFO(text);
    REQUIRE(quick.has_value() == full.has_value());
    if (quick) REQUIRE((quick->row == full->row && quick->col == full->col));
  }
}

TEST_CASE("attributes found in one pass are those found one by one", "[grid][xml]") {
  const char* attributes[] = {"r", "B7", "x:s", "3", "t", "s", "r", "C9", nullptr};
  const char* r = nullptr;
  const char* s = nullptr;
  const char* t = nullptr;
  const char* missing = nullptr;
  find_attributes(attributes, {{"r", &r}, {"s", &s}, {"t", &t}, {"hidden", &missing}});
  CHECK(std::string(r) == attribute(attributes, "r"));
  CHECK(std::string(s) == "3");
  CHECK(std::string(t) == "s");
  CHECK(missing == nullptr);
}
