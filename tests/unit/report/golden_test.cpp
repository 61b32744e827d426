// Golden reports of the Takaoka sheet, one per format and language, byte for byte against
// tests/golden/. After a deliberate change: KPI_UPDATE_GOLDEN=1 ./build/tests/kpi-tests
// "[golden]" rewrites them; review the diff before committing.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "cli/run_binary.hpp"
#include "sheets.hpp"

namespace {

const std::string source_root = std::string(KPI_TESTS_DIR) + "/..";

// The output without the version, so that a release does not rewrite the golden files.
std::string portable(std::string text) {
  const std::string from = "kpi-report " KPI_VERSION, to = "kpi-report VERSION";
  for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
    text.replace(at, from.size(), to);
  return text;
}

// The first line where `a` and `b` differ, 1-based; 0 when they are equal.
int first_difference(const std::string& a, const std::string& b) {
  std::istringstream sa(a), sb(b);
  std::string la, lb;
  for (int line = 1;; ++line) {
    bool ga = static_cast<bool>(std::getline(sa, la)), gb = static_cast<bool>(std::getline(sb, lb));
    if (!ga && !gb) return 0;
    if (ga != gb || la != lb) return line;
  }
}

void check_golden(const std::string& args, const std::string& golden, int exit_code) {
  // Run from the source root so that the paths in the report are the same everywhere.
  auto run =
      kpi::testing::run_kpi_report_via("cd " + kpi::testing::quoted(source_root) + " &&",
                                       args + " data/takaoka/takaoka-kpi-progress-fy2020-2023.txt");
  REQUIRE(run.exit_code == exit_code);
  auto actual = portable(run.out);
  auto path = std::string(KPI_TESTS_DIR) + "/golden/" + golden;
  if (const char* update = std::getenv("KPI_UPDATE_GOLDEN"); update && *update == '1') {
    std::ofstream(path, std::ios::binary) << actual;
    WARN("rewrote " << path);
  }
  auto expected = kpi::testing::read_bytes(path);
  INFO(path << " differs at line " << first_difference(actual, expected)
            << " (KPI_UPDATE_GOLDEN=1 rewrites it after an intended change)");
  CHECK(actual == expected);
}

struct Golden {
  const char* args;
  const char* file;
  int exit_code = 0;
};

// One line per format and language.
constexpr Golden goldens[] = {
    {"report --format table --lang en --width 80", "takaoka.table.en.80.txt"},
    {"report --format table --lang ja --width 160", "takaoka.table.ja.160.txt"},
    {"report --format table --lang ja --width 80 --year R5", "takaoka.table.ja.80.r5.txt"},
    {"report --format markdown --lang en", "takaoka.en.md"},
    {"report --format markdown --lang ja --year 2023", "takaoka.ja.r5.md"},
    {"report --format csv --lang en", "takaoka.analysis.en.csv"},
    {"report --format csv --lang ja --year R5", "takaoka.analysis.ja.r5.csv"},
    {"report --format html --lang ja --year 2023", "report-takaoka-fy2023.ja.html"},
    {"report --format html --lang en --year 2023", "report-takaoka-fy2023.en.html"},
    {"report --format json", "takaoka.json"},
    // The sheet contradicts itself (its 再掲 rows): check fails, as a reviewer's CI should.
    {"check --format text --lang ja", "takaoka.check.ja.txt", 1},
    {"check --format text --lang en", "takaoka.check.en.txt", 1},
};

}  // namespace

TEST_CASE("golden reports of the Takaoka sheet, every format in English and Japanese",
          "[report][golden]") {
  for (const auto& g : goldens) {
    CAPTURE(g.args);
    check_golden(g.args, g.file, g.exit_code);
  }
}
