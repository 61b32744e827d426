// The hostile-input corpus (tests/hostile/cases.tsv) through the real binary: the exit code,
// the `path:line: severity: message` of each case, and nothing lost in what was read.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <set>

#include <nlohmann/json.hpp>

#include "cli/hostile_inputs.hpp"
#include "cli/run_binary.hpp"

using kpi::testing::HostileInput;

namespace {

namespace fs = std::filesystem;

const fs::path hostile_dir = fs::path(KPI_TESTS_DIR) / "hostile";

struct Case {
  std::string name;
  std::string input;  // file in tests/hostile/ or gen:NAME
  int exit_code = 0;
  std::size_t kpis = 0;
  std::vector<std::string> messages;  // fragments of stderr, {path} = the input's path
};

std::vector<std::string> fields_of(const std::string& line) {
  std::vector<std::string> out;
  std::size_t start = 0;
  for (auto tab = line.find('\t'); tab != std::string::npos; tab = line.find('\t', start)) {
    out.push_back(line.substr(start, tab - start));
    start = tab + 1;
  }
  out.push_back(line.substr(start));
  return out;
}

std::vector<Case> read_cases() {
  std::ifstream in(hostile_dir / "cases.tsv");
  REQUIRE(in);
  std::vector<Case> cases;
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#') continue;
    auto f = fields_of(line);
    REQUIRE(f.size() >= 4);
    Case c{f[0], f[1], std::stoi(f[2]), std::stoul(f[3]), {f.begin() + 4, f.end()}};
    cases.push_back(c);
  }
  return cases;
}

bool is_big(const Case& c) {
  return c.input.rfind("gen:big-", 0) == 0;
}

std::string with_path(std::string message, const std::string& path) {
  const std::string placeholder = "{path}";
  for (auto at = message.find(placeholder); at != std::string::npos; at = message.find(placeholder))
    message.replace(at, placeholder.size(), path);
  return message;
}

fs::path fresh_directory() {
  static std::atomic<int> counter = 0;
  auto dir = fs::temp_directory_path() /
             ("kpi-hostile-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

HostileInput input_of(const Case& c, const fs::path& dir) {
  if (c.input.rfind("gen:", 0) == 0)
    return kpi::testing::make_hostile_input(c.input.substr(4), dir);
  auto path = (hostile_dir / c.input).string();
  return {kpi::testing::quoted(path), path, "", true};
}

// What was read is accounted for: each data row a KPI row or a skipped row with a warning.
void check_nothing_lost(const nlohmann::json& doc) {
  for (const auto& source : doc["sources"]) {
    INFO(source["path"]);
    CHECK(source["rows_read"] ==
          source["rows_used"].get<int>() + static_cast<int>(source["skipped"].size()));
    std::size_t warnings = 0;
    for (const auto& d : doc["diagnostics"])
      warnings += d["path"] == source["path"] && d["code"] == "input.skipped-row";
    CHECK(warnings == source["skipped"].size());
  }
}

std::size_t kpis_of(const nlohmann::json& doc) {
  std::size_t kpis = 0;
  for (const auto& source : doc["sources"]) kpis += source["kpis"].get<std::size_t>();
  return kpis;
}

void run_case(const Case& c) {
  auto dir = fresh_directory();
  auto input = input_of(c, dir);
  auto r = kpi::testing::run_kpi_report_via(input.prefix,
                                            "report --verbose --format json " + input.args);
  INFO("case " << c.name << " (" << c.input << "), stderr:\n" << r.err.substr(0, 3000));
  CHECK(r.exit_code == c.exit_code);
  for (const auto& m : c.messages) {
    if (!input.permissions_hold && m.find("Permission denied") != std::string::npos) {
      WARN("running as root without setpriv: chmod 000 does not stop reads; not checked: " << m);
      continue;
    }
    CHECK_THAT(r.err, Catch::Contains(with_path(m, input.path)));
  }
  CHECK_THAT(r.err, !Catch::Contains("kpi-report: error:"));  // no escaped exception
  auto doc = nlohmann::json::parse(r.out);                    // JSON even when nothing was usable
  CHECK(kpis_of(doc) == c.kpis);
  check_nothing_lost(doc);
  fs::remove_all(dir);
}

}  // namespace

TEST_CASE("hostile inputs: exit code and message of each case in tests/hostile/cases.tsv",
          "[hostile][cli]") {
  for (const auto& c : read_cases())
    if (!is_big(c)) run_case(c);
}

TEST_CASE("hostile inputs: a 3 MB line and a sheet pasted 2000 times finish",
          "[hostile][big][cli]") {
  for (const auto& c : read_cases())
    if (is_big(c)) run_case(c);
}

TEST_CASE("hostile inputs: every committed file of tests/hostile/ has a case", "[hostile]") {
  std::set<std::string> used;
  for (const auto& c : read_cases()) used.insert(c.input);
  for (const auto& entry : fs::directory_iterator(hostile_dir)) {
    auto name = entry.path().filename().string();
    if (name == "cases.tsv" || name == "README.md") continue;
    INFO(name);
    CHECK(used.count(name) == 1);
  }
}
