#include <catch2/catch.hpp>

#include <regex>

#include "cli/run_binary.hpp"

using kpi::testing::run_kpi_report;

TEST_CASE("kpi-report --version prints the version and the git revision it was built from",
          "[cli]") {
  for (const char* flag : {"--version", "-V"}) {
    INFO(flag);
    auto r = run_kpi_report(flag);
    CHECK(r.exit_code == 0);
    CHECK(r.err.empty());
    // kpi-report 0.1.0 (git 6b1daac-dirty); "unknown" when not built from a git checkout.
    CHECK(std::regex_match(r.out,
                           std::regex(R"(kpi-report \d+\.\d+\.\d+ \(git [0-9A-Za-z._-]+\)\n)")));
    CHECK(r.out.rfind(std::string("kpi-report ") + KPI_VERSION + " (git ", 0) == 0);
  }
}
