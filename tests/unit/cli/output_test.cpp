// -o writes atomically (temporary file + rename): a failed write exits 2 and leaves neither a
// partial output nor a temporary file behind, and an existing output file untouched.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "cli/run_binary.hpp"

namespace {

namespace fs = std::filesystem;
using kpi::testing::quoted;
using kpi::testing::run_kpi_report;

const std::string takaoka =
    kpi::testing::quoted_data("takaoka/takaoka-kpi-progress-fy2020-2023.txt");

fs::path fresh_directory() {
  static std::atomic<int> counter = 0;
  auto dir = fs::temp_directory_path() /
             ("kpi-output-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

std::vector<std::string> entries(const fs::path& dir) {
  std::vector<std::string> out;
  for (const auto& e : fs::directory_iterator(dir)) out.push_back(e.path().filename().string());
  std::sort(out.begin(), out.end());
  return out;
}

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace

TEST_CASE("output file: -o writes the whole file and leaves no temporary behind", "[cli][output]") {
  auto dir = fresh_directory();
  auto r = run_kpi_report("report --format json -o " + quoted((dir / "out.json").string()) + " " +
                          takaoka);
  CHECK(r.exit_code == 0);
  CHECK(r.out.empty());
  CHECK(entries(dir) == std::vector<std::string>{"out.json"});
  CHECK(nlohmann::json::parse(slurp(dir / "out.json"))["sources"][0]["kpis"] == 64);
  fs::remove_all(dir);
}

TEST_CASE("output file: -o into a directory that does not exist exits 2 and creates nothing",
          "[cli][output]") {
  auto dir = fresh_directory();
  auto target = dir / "no-such-dir" / "out.json";
  auto r = run_kpi_report("report --format json -o " + quoted(target.string()) + " " + takaoka);
  CHECK(r.exit_code == 2);
  CHECK_THAT(r.err,
             Catch::Contains(target.string() +
                             ": error: cannot write output file: No such file or directory"));
  CHECK(entries(dir).empty());
  fs::remove_all(dir);
}

TEST_CASE("output file: -o below a regular file exits 2 and creates nothing", "[cli][output]") {
  auto dir = fresh_directory();
  std::ofstream(dir / "plain") << "x";
  auto target = dir / "plain" / "out.json";
  auto r = run_kpi_report("check -o " + quoted(target.string()) + " " + takaoka);
  CHECK(r.exit_code == 2);
  CHECK_THAT(r.err, Catch::Contains(target.string() +
                                    ": error: cannot write output file: Not a directory"));
  CHECK(entries(dir) == std::vector<std::string>{"plain"});
  CHECK(slurp(dir / "plain") == "x");
  fs::remove_all(dir);
}

TEST_CASE("output file: -o onto a directory exits 2 and removes its temporary file",
          "[cli][output]") {
  auto dir = fresh_directory();
  fs::create_directories(dir / "out.json");
  auto r = run_kpi_report("report -o " + quoted((dir / "out.json").string()) + " " + takaoka);
  CHECK(r.exit_code == 2);
  CHECK_THAT(r.err, Catch::Contains("error: cannot replace output file"));
  CHECK(entries(dir) == std::vector<std::string>{"out.json"});
  CHECK(fs::is_empty(dir / "out.json"));
  fs::remove_all(dir);
}

TEST_CASE("output file: -o into a non-writable directory exits 2 and keeps the old file",
          "[cli][output]") {
  auto dir = fresh_directory();
  auto target = dir / "report.json";
  std::ofstream(target) << "previous report";
  fs::permissions(dir, fs::perms::owner_read | fs::perms::owner_exec | fs::perms::group_read |
                           fs::perms::group_exec | fs::perms::others_read | fs::perms::others_exec);
  // Root writes anyway: drop to nobody when we can.
  std::string prefix;
  if (::geteuid() == 0) {
    if (std::system("command -v setpriv >/dev/null 2>&1") != 0) {
      WARN("running as root without setpriv: a read-only directory does not stop root; skipped");
      fs::permissions(dir, fs::perms::owner_all);
      fs::remove_all(dir);
      return;
    }
    prefix = "setpriv --reuid=65534 --regid=65534 --clear-groups";
  }
  auto r = kpi::testing::run_kpi_report_via(
      prefix, "report --format json -o " + quoted(target.string()) + " " + takaoka);
  CHECK(r.exit_code == 2);
  CHECK_THAT(r.err, Catch::Contains(target.string() +
                                    ": error: cannot write output file: Permission denied"));
  CHECK(entries(dir) == std::vector<std::string>{"report.json"});
  CHECK(slurp(target) == "previous report");
  fs::permissions(dir, fs::perms::owner_all);
  fs::remove_all(dir);
}
