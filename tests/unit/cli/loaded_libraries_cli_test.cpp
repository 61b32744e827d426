// The workbook libraries (libzip, expat, libxlsxwriter) are opened when first needed: a text
// sheet's run never loads them, a workbook's does, and when one cannot be loaded the workbook
// gets a clear error while the other files of the run still report (exit 2).
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "cli/run_binary.hpp"

using kpi::testing::quoted;
using kpi::testing::quoted_data;
using kpi::testing::run_kpi_report_via;

namespace {

const std::string text_sheet = "takaoka/takaoka-kpi-progress-fy2020-2023.txt";
const std::string workbook =
    std::string(KPI_TESTS_DIR) + "/fixtures/workbooks/joetsu-kpi-progress-fy2023.xlsx";

// Whether the dynamic loader reported initialising `library` (LD_DEBUG=libs writes a line
// "calling init: /lib/x86_64-linux-gnu/libzip.so.4" to stderr for each library loaded).
bool loads(const kpi::testing::Run& run, std::string_view library) {
  std::istringstream lines(run.err);
  for (std::string line; std::getline(lines, line);) {
    auto init = line.find("calling init: ");
    if (init != std::string::npos &&
        line.find("/" + std::string(library), init) != std::string::npos)
      return true;
  }
  return false;
}

}  // namespace

TEST_CASE("a text sheet's run loads no workbook library", "[cli][loaded-libraries]") {
  auto run = run_kpi_report_via("LD_DEBUG=libs", "report --format json " + quoted_data(text_sheet));
  REQUIRE(run.exit_code == 0);
  CHECK(loads(run, "libc.so"));  // the loader's report is there to read
  CHECK_FALSE(loads(run, "libzip"));
  CHECK_FALSE(loads(run, "libexpat"));
  CHECK_FALSE(loads(run, "libxlsxwriter"));
}

TEST_CASE("a workbook's run loads libzip, an xlsx report libxlsxwriter",
          "[cli][loaded-libraries]") {
  auto read = run_kpi_report_via("LD_DEBUG=libs", "report --format json " + quoted(workbook));
  REQUIRE(read.exit_code == 0);
  CHECK(loads(read, "libzip"));
  CHECK_FALSE(loads(read, "libxlsxwriter"));
  auto write =
      run_kpi_report_via("LD_DEBUG=libs", "report --format xlsx " + quoted_data(text_sheet));
  REQUIRE(write.exit_code == 0);
  CHECK(loads(write, "libxlsxwriter"));
  CHECK_FALSE(loads(write, "libzip.so"));
}

TEST_CASE("a workbook library that cannot be loaded fails its files only",
          "[cli][loaded-libraries]") {
  // A directory searched first whose libzip and libxlsxwriter are not libraries at all.
  auto directory = std::filesystem::temp_directory_path() / "kpi-broken-libraries";
  std::filesystem::create_directories(directory);
  for (const char* name : {"libzip.so.4", "libxlsxwriter.so.4"})
    std::ofstream(directory / name) << "not a library\n";
  std::string prefix = "LD_LIBRARY_PATH=" + quoted(directory.string());

  auto run = run_kpi_report_via(
      prefix, "report --format json " + quoted(workbook) + " " + quoted_data(text_sheet));
  CHECK(run.exit_code == 2);
  CHECK(run.err.find(workbook + ": error: ") != std::string::npos);
  CHECK(run.err.find("libzip.so.4 cannot be loaded") != std::string::npos);
  CHECK(run.err.find("install its Debian package") != std::string::npos);
  CHECK(run.out.find("\"No.1\"") != std::string::npos);  // the text sheet still reports

  auto xlsx = run_kpi_report_via(prefix, "report --format xlsx " + quoted_data(text_sheet));
  CHECK(xlsx.exit_code == 2);
  CHECK(xlsx.err.find("libxlsxwriter.so.4 cannot be loaded") != std::string::npos);
  std::filesystem::remove_all(directory);
}
