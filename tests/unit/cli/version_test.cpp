#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <string_view>

#include "cli/run_binary.hpp"

using kpi::testing::run_kpi_report;

namespace {

// "6b1daac-dirty", "unknown": letters, digits and . _ - only (no std::regex: GCC 12 warns
// about its own <regex> under the sanitizers).
bool is_revision(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) {
    return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '.' ||
           c == '_' || c == '-';
  });
}

}  // namespace

TEST_CASE("kpi-report --version prints the version and the git revision it was built from",
          "[cli]") {
  for (const char* flag : {"--version", "-V"}) {
    INFO(flag);
    auto r = run_kpi_report(flag);
    CHECK(r.exit_code == 0);
    CHECK(r.err.empty());
    // kpi-report 0.1.0 (git 6b1daac-dirty); "unknown" when not built from a git checkout.
    std::string head = std::string("kpi-report ") + KPI_VERSION + " (git ";
    REQUIRE(r.out.rfind(head, 0) == 0);
    REQUIRE(r.out.size() >= head.size() + 2);
    CHECK(r.out.substr(r.out.size() - 2) == ")\n");
    CHECK(is_revision(std::string_view(r.out).substr(head.size(), r.out.size() - head.size() - 2)));
    std::string_view version = KPI_VERSION;
    CHECK(std::count(version.begin(), version.end(), '.') == 2);
  }
}
