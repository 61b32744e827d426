// A worksheet of many KPIs has its rows' cells read on several threads: the KPIs, their
// order, ids, headings and diagnostics are those of the serial reading.
#include <catch2/catch.hpp>

#include <fstream>
#include <iterator>
#include <sstream>
#include <string>

#include "kpi/formats/grid_headers.hpp"
#include "kpi/formats/grid_layout.hpp"
#include "kpi/grid/workbook_reader.hpp"
#include "kpi/report/writers.hpp"
#include "kpi/verify/cell_evidence.hpp"
#include "kpi/verify/rate_check.hpp"
#include "kpi/workbook_input.hpp"
#include "sheets.hpp"

namespace {

kpi::grid::Workbook fixture(const std::string& name) {
  std::ifstream in(std::string(KPI_TESTS_DIR "/fixtures/workbooks/") + name, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  auto read = kpi::grid::read_workbook(bytes);
  REQUIRE(read.book);
  return std::move(*read.book);
}

// `sheet` with its rows below the header repeated until they hold at least `kpis` KPIs
// (cells are views into the workbook's texts, shared by the copy).
kpi::grid::Sheet repeated(const kpi::grid::Sheet& sheet, std::size_t kpis) {
  auto header = kpi::formats::grid_headers::find_header(sheet);
  REQUIRE(header);
  auto body_begin = sheet.rows.begin() + header->last_row + 1;
  REQUIRE(body_begin < sheet.rows.end());
  auto per_copy = kpi::formats::grid_layout::parse_sheet(sheet, "book.xlsx").indicators.size();
  REQUIRE(per_copy > 0);
  auto big = sheet;
  for (std::size_t copies = 1; copies * per_copy < kpis; ++copies)
    big.rows.insert(big.rows.end(), body_begin, sheet.rows.end());
  return big;
}

// The parse as text: the KPIs checked and written as the JSON report, then the diagnostics.
std::string text_of(kpi::model::ParseOutput parsed) {
  kpi::verify::check_rates(parsed.indicators, nullptr, {}, 1);
  std::string diagnostics =
      std::to_string(parsed.rows_read) + " " + std::to_string(parsed.rows_used) + "\n";
  for (const auto& d : parsed.diagnostics)
    diagnostics += std::to_string(d.location.line) + " " + d.code + " " + d.message + "\n";
  auto result = kpi::testing::one_sheet_run("big.xlsx", "grid", std::move(parsed));
  std::ostringstream out;
  kpi::report::render(*kpi::report::find_report_writer("json"), out, result);
  return out.str() + diagnostics;
}

// The fixture workbooks whose sheets are made large.
const char* const kWorkbooks[] = {"takaoka-kpi-grid-fy2020-2023.xlsx",
                                  "toyama-strategy-progress-fy2020.xlsx",
                                  "joetsu-kpi-progress-fy2023.xlsx"};

}  // namespace

TEST_CASE("a large worksheet read on several threads reads as on one", "[grid-layout][parallel]") {
  for (const char* name : kWorkbooks) {
    CAPTURE(name);
    auto book = fixture(name);
    for (const auto& sheet : book.sheets) {
      if (!kpi::formats::grid_headers::find_header(sheet)) continue;
      auto big = repeated(sheet, 2100);
      auto serial = kpi::formats::grid_layout::parse_sheet(big, "big.xlsx", {}, std::nullopt, 1);
      REQUIRE(serial.indicators.size() >= 2048);
      auto expected = text_of(std::move(serial));
      for (unsigned threads : {0u, 2u, 3u}) {
        CAPTURE(threads);
        CHECK(text_of(kpi::formats::grid_layout::parse_sheet(big, "big.xlsx", {}, std::nullopt,
                                                             threads)) == expected);
      }
    }
  }
}

TEST_CASE("a large worksheet's rate formula shapes, found on several threads, are the serial ones",
          "[grid-layout][parallel]") {
  auto book = fixture("takaoka-kpi-grid-fy2020-2023.xlsx");
  for (const auto& sheet : book.sheets) {
    if (!kpi::formats::grid_headers::find_header(sheet)) continue;
    auto big = repeated(sheet, 2100);
    kpi::model::Sheet read;
    read.parsed = kpi::formats::grid_layout::parse_sheet(big, "big.xlsx", {}, std::nullopt, 1);
    kpi::verify::check_rates(read.parsed.indicators, nullptr, {}, 1);
    auto serial = kpi::verify::cell_formula_usage(read, 1);
    REQUIRE(!serial.empty());
    auto expected = kpi::verify::describe_formula_usage(serial);
    for (unsigned threads : {0u, 2u, 3u, 7u}) {
      CAPTURE(threads);
      auto usage = kpi::verify::cell_formula_usage(read, threads);
      CHECK(kpi::verify::describe_formula_usage(usage) == expected);
      REQUIRE(usage.size() == serial.size());
      for (const auto& [shape, use] : serial) {
        CHECK(usage[shape].count == use.count);
        CHECK(usage[shape].cells == use.cells);
      }
    }
  }
}

TEST_CASE("a large worksheet's layout is chosen as on one thread while its cells are read ahead",
          "[grid-layout][parallel]") {
  int text_layouts = 0, grids = 0;
  for (const char* name : kWorkbooks) {
    CAPTURE(name);
    auto book = fixture(name);
    for (const auto& sheet : book.sheets) {
      CAPTURE(sheet.name);
      // Large enough to be read ahead: its KPI rows repeated, or all its rows.
      kpi::grid::Sheet big = sheet;
      if (kpi::formats::grid_headers::find_header(sheet)) {
        big = repeated(sheet, 2100);
      } else {
        while (big.rows.size() < 2100 && !sheet.rows.empty())
          big.rows.insert(big.rows.end(), sheet.rows.begin(), sheet.rows.end());
      }
      REQUIRE(big.rows.size() >= 2048);
      kpi::PipelineOptions one, two;
      one.jobs = 1;
      two.jobs = 2;
      auto serial = kpi::process_grid_sheet(big, "big.xlsx", "xlsx", one);
      auto ahead = kpi::process_grid_sheet(big, "big.xlsx", "xlsx", two);
      REQUIRE(ahead.format == serial.format);
      CHECK(ahead.usable == serial.usable);
      CHECK(text_of(std::move(ahead.parsed)) == text_of(std::move(serial.parsed)));
      if (serial.format == "grid")
        ++grids;
      else if (!serial.format.empty())
        ++text_layouts;
    }
  }
  CHECK(grids > 0);
  CHECK(text_layouts > 0);  // a text layout chosen over the grid reading made ahead
}
