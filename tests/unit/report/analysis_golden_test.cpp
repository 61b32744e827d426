// The CSV report of the Takaoka sheet, byte for byte, in English and Japanese, against
// tests/golden/. After a deliberate change: KPI_UPDATE_GOLDEN=1 ./build/tests/kpi-tests
// "[golden]" rewrites them (review the diff).
#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>

#include "cli/run_binary.hpp"
#include "sheets.hpp"

namespace {

const std::string source_root = std::string(KPI_TESTS_DIR) + "/..";

void check_golden(const std::string& args, const std::string& golden) {
  // Run from the source root so that the paths in the report are the same everywhere.
  auto run =
      kpi::testing::run_kpi_report_via("cd " + kpi::testing::quoted(source_root) + " &&",
                                       args + " data/takaoka/takaoka-kpi-progress-fy2020-2023.txt");
  REQUIRE(run.exit_code == 0);
  auto path = std::string(KPI_TESTS_DIR) + "/golden/" + golden;
  if (const char* update = std::getenv("KPI_UPDATE_GOLDEN"); update && *update == '1') {
    std::ofstream(path, std::ios::binary) << run.out;
    WARN("rewrote " << path);
  }
  auto expected = kpi::testing::read_bytes(path);
  CHECK(run.out.size() == expected.size());
  CHECK(run.out == expected);
}

}  // namespace

TEST_CASE("analysis csv golden: Takaoka in English", "[report][analysis-csv][golden]") {
  check_golden("report --format csv --lang en", "takaoka.analysis.en.csv");
}

TEST_CASE("analysis csv golden: Takaoka in Japanese, FY2023", "[report][analysis-csv][golden]") {
  check_golden("report --format csv --lang ja --year R5", "takaoka.analysis.ja.r5.csv");
}
