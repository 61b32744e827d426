// Every rule id `check` can emit is listed in docs/check.md: the ids written in the sources
// (input.*, usage.*, finding kinds), every verdict, and every id a run on the bundled and
// hostile inputs actually emits.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include "kpi/pipeline.hpp"
#include "kpi/verify/check_items.hpp"

namespace {

namespace fs = std::filesystem;

std::string slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

const std::string& check_doc() {
  static const auto doc = slurp(fs::path(KPI_TESTS_DIR) / "../docs/check.md");
  return doc;
}

bool documented(const std::string& rule) {
  return check_doc().find("`" + rule + "`") != std::string::npos;
}

std::set<std::string> matches(const std::regex& pattern, const std::string& text, int group) {
  std::set<std::string> out;
  for (std::sregex_iterator it(text.begin(), text.end(), pattern), end; it != end; ++it)
    out.insert((*it)[group].str());
  return out;
}

// Rule ids spelt out in the sources: "input.encoding", and finding kinds as the first field
// of a Finding ({"relisted-differs", model::Severity::…}).
std::set<std::string> ids_in_sources() {
  std::regex code("\"((input|usage)\\.[a-z]+(-[a-z]+)*)\"");
  std::regex kind("\\{\"([a-z]+(-[a-z]+)+)\",\\s*(model::)?Severity::");
  std::set<std::string> ids;
  for (const auto& entry : fs::recursive_directory_iterator(fs::path(KPI_TESTS_DIR) / "../src")) {
    if (entry.path().extension() != ".cpp") continue;
    auto text = slurp(entry.path());
    for (const auto& id : matches(code, text, 1)) ids.insert(id);
    for (const auto& k : matches(kind, text, 1)) ids.insert("finding." + k);
  }
  return ids;
}

}  // namespace

TEST_CASE("every rule id in the sources is documented in docs/check.md", "[check][docs]") {
  auto ids = ids_in_sources();
  CHECK(ids.size() > 20);  // the scan finds the ids (input.*, finding kinds)
  CHECK(ids.count("finding.relisted-differs") == 1);
  CHECK(ids.count("input.no-sheet") == 1);
  for (const auto& id : ids) {
    INFO(id);
    CHECK(documented(id));
  }
  for (auto verdict : {kpi::model::Verdict::match, kpi::model::Verdict::consistent,
                       kpi::model::Verdict::mismatch, kpi::model::Verdict::unchecked}) {
    auto id = std::string("rate.") + kpi::model::to_string(verdict);
    INFO(id);
    CHECK(documented(id));
  }
}

TEST_CASE("every rule id a run emits is documented in docs/check.md", "[check][docs]") {
  std::set<std::string> emitted;
  for (const auto& dir : {std::string(KPI_DATA_DIR), std::string(KPI_TESTS_DIR) + "/hostile"}) {
    auto result = kpi::run_pipeline({dir}, {});
    for (const auto& item : kpi::verify::collect_check_items(result, {})) emitted.insert(item.rule);
  }
  CHECK(emitted.count("rate.mismatch") == 1);
  for (const auto& id : emitted) {
    INFO(id);
    CHECK(documented(id));
  }
}
