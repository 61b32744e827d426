// stderr at scale: report and convert sum up a rule repeated in a file; --verbose prints all.
#include <catch2/catch.hpp>

#include "cli/run_binary.hpp"

using kpi::testing::quoted_data;
using kpi::testing::run_kpi_report;

namespace {
const std::string kanazawa = quoted_data("kanazawa/kanazawa-strategy-3rd-fy2024-2028.txt");
const std::string path = kanazawa.substr(1, kanazawa.size() - 2);  // unquoted
}  // namespace

TEST_CASE("report sums up a rule repeated in a file after three, --verbose prints all",
          "[cli][diagnostics]") {
  auto summed = run_kpi_report("report --format json " + kanazawa);
  CHECK(summed.exit_code == 0);
  CHECK_THAT(summed.err, Catch::Contains(path + ": note: … and 6 more input.no-baseline in " +
                                         path + " (--verbose for all)\n"));
  CHECK_THAT(summed.err, !Catch::Contains(":1392: note:"));  // the ninth input.no-baseline
  auto all = run_kpi_report("report --verbose --format json " + kanazawa);
  CHECK_THAT(all.err, Catch::Contains(path + ":1392: note: 4-(6)-④ #2"));
  CHECK_THAT(all.err, !Catch::Contains("more input.no-baseline"));
  CHECK(summed.out == all.out);  // the JSON keeps every diagnostic either way
}

TEST_CASE("convert sums up repeated diagnostics too", "[cli][diagnostics]") {
  auto r = run_kpi_report("convert --to json " + kanazawa);
  CHECK_THAT(r.err, Catch::Contains("… and 6 more input.no-baseline"));
  CHECK_THAT(run_kpi_report("convert -v --to json " + kanazawa).err,
             !Catch::Contains("more input.no-baseline"));
}

TEST_CASE("diagnostics sharing the output's file or terminal come first, apart all of both",
          "[cli][diagnostics]") {
  // `2>&1`: one file, so the diagnostics are printed before the report, never among its lines.
  auto together = kpi::testing::run_kpi_report_via("sh -c 'exec \"$@\" 2>&1' sh",
                                                   "report --format json " + kanazawa);
  auto first_brace = together.out.find("\n{");
  REQUIRE(first_brace != std::string::npos);
  CHECK(together.out.substr(0, first_brace).find("more input.no-baseline") != std::string::npos);
  CHECK(together.out.find("more input.no-baseline", first_brace) == std::string::npos);
  // Apart (the report written while the diagnostics are printed): both whole.
  auto apart = run_kpi_report("report --format json " + kanazawa);
  CHECK(together.out.substr(first_brace + 1) == apart.out);
  CHECK(together.out.substr(0, first_brace + 1) == apart.err);
}
