// Golden HTML reports of the Takaoka sheet for FY2023, in Japanese and English
// (tests/golden/). After an intended change: KPI_UPDATE_GOLDEN=1 ./build/tests/kpi-tests
// "[golden][html]" rewrites them; review the diff before committing.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "kpi/pipeline.hpp"
#include "kpi/report/writers.hpp"
#include "sheets.hpp"

namespace {

// The page with the checkout's data path as "data" and the version as "VERSION", so that the
// golden file does not depend on where the sources are or which version is built.
std::string portable(std::string html) {
  for (auto [from, to] :
       {std::pair<std::string, std::string>{KPI_DATA_DIR, "data"},
        std::pair<std::string, std::string>{"kpi-report " KPI_VERSION, "kpi-report VERSION"}})
    for (auto at = html.find(from); at != std::string::npos; at = html.find(from, at + to.size()))
      html.replace(at, from.size(), to);
  return html;
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

void check_golden(kpi::report::Lang lang, const std::string& name) {
  auto result = kpi::run_pipeline(
      {kpi::testing::data_path("takaoka/takaoka-kpi-progress-fy2020-2023.txt")}, {});
  kpi::report::ReportOptions options;
  options.lang = lang;
  options.view.year = 2023;
  std::ostringstream out;
  kpi::report::render(*kpi::report::find_report_writer("html"), out, result, options);
  auto actual = portable(out.str());
  auto path = std::string(KPI_TESTS_DIR) + "/golden/" + name;
  if (const char* update = std::getenv("KPI_UPDATE_GOLDEN"); update && *update == '1') {
    std::ofstream(path, std::ios::binary) << actual;
    WARN("rewrote " << path);
  }
  auto expected = kpi::testing::read_bytes(path);
  int line = first_difference(actual, expected);
  INFO(path << " differs at line " << line
            << " (KPI_UPDATE_GOLDEN=1 rewrites it after an intended change)");
  CHECK(line == 0);
}

}  // namespace

TEST_CASE("html golden: Takaoka FY2023 in Japanese", "[html][golden]") {
  check_golden(kpi::report::Lang::ja, "report-takaoka-fy2023.ja.html");
}

TEST_CASE("html golden: Takaoka FY2023 in English", "[html][golden]") {
  check_golden(kpi::report::Lang::en, "report-takaoka-fy2023.en.html");
}
