// Nothing lost: on every bundled sheet that holds a KPI table, each data row the parser
// read is either a KPI row or a skipped row with a reason (and a warning), as the JSON says.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>

#include <nlohmann/json.hpp>

#include "cli/run_binary.hpp"

namespace {

namespace fs = std::filesystem;

// Every file under data/ but the profiles (conventions, not sheets), in a stable order.
std::vector<fs::path> bundled_files() {
  std::vector<fs::path> out;
  for (const auto& entry : fs::recursive_directory_iterator(KPI_DATA_DIR)) {
    if (!entry.is_regular_file()) continue;
    auto relative = fs::relative(entry.path(), KPI_DATA_DIR).string();
    if (relative.rfind("profiles", 0) == 0 || entry.path().filename() == "README.md") continue;
    out.push_back(entry.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::size_t skipped_row_warnings(const nlohmann::json& doc, const nlohmann::json& path) {
  std::size_t n = 0;
  for (const auto& d : doc["diagnostics"])
    n += d["path"] == path && d["code"] == "input.skipped-row" && d["severity"] == "warning";
  return n;
}

}  // namespace

TEST_CASE("nothing lost: rows_read == rows_used + skipped on every bundled sheet",
          "[robust][cli][json]") {
  std::size_t sheets_with_table = 0;
  for (const auto& file : bundled_files()) {
    auto r =
        kpi::testing::run_kpi_report("report --format json " + kpi::testing::quoted(file.string()));
    INFO(file.string() << "\n" << r.err.substr(0, 2000));
    REQUIRE((r.exit_code == 0 || r.exit_code == 2));
    auto doc = nlohmann::json::parse(r.out);
    for (const auto& source : doc["sources"]) {
      ++sheets_with_table;
      int read = source["rows_read"], used = source["rows_used"];
      const auto& skipped = source["skipped"];
      CHECK(read > 0);
      CHECK(read == used + static_cast<int>(skipped.size()));
      CHECK(source["kpis"].get<int>() >= used);  // a row may hold several KPIs, never none
      CHECK(skipped_row_warnings(doc, source["path"]) == skipped.size());
      for (const auto& s : skipped) {
        CHECK(s["line"].get<int>() > 0);
        CHECK_FALSE(s["reason"].get<std::string>().empty());
      }
    }
  }
  CHECK(sheets_with_table >= 1);  // the Takaoka sheet at least
}
