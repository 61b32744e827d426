// Replays the fuzzing corpus and every saved fuzz finding (tests/fuzz/corpus/**,
// tests/fuzz/regressions/**) through what the fuzz targets exercise: decode, each registered
// layout's parse(), the rate engine, the whole pipeline, every writer and the workbook readers. A
// crash input saved by tests/fuzz/run.sh stays a test from then on.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <sstream>

#include "kpi/formats/registry.hpp"
#include "kpi/grid/workbook_reader.hpp"
#include "kpi/pipeline.hpp"
#include "kpi/report/check_writers.hpp"
#include "kpi/report/json.hpp"
#include "kpi/report/writers.hpp"
#include "kpi/text/decode.hpp"
#include "kpi/verify/findings.hpp"
#include "kpi/verify/rate_check.hpp"
#include "parse_contract.hpp"
#include "sheets.hpp"

namespace {

namespace fs = std::filesystem;

std::vector<fs::path> fuzz_inputs() {
  std::vector<fs::path> out;
  for (const char* dir : {"fuzz/corpus", "fuzz/regressions"}) {
    fs::path root = fs::path(KPI_TESTS_DIR) / dir;
    if (!fs::exists(root)) continue;
    for (const auto& entry : fs::recursive_directory_iterator(root))
      if (entry.is_regular_file() && entry.path().filename().string()[0] != '.')
        out.push_back(entry.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

void check_contract(const kpi::model::ParseOutput& out, std::string_view text) {
  auto violations = kpi::testing::parse_contract_violations(out, text, "replay.txt");
  for (const auto& v : violations) FAIL_CHECK(v);
}

// What fuzz_layout does: every layout on the raw text, then rates and JSON.
void through_layouts(const std::string& bytes) {
  bool utf8 = kpi::text::is_valid_utf8(bytes);
  for (const auto& layout : kpi::formats::input_formats()) {
    INFO("layout " << layout.name);
    CHECK(layout.sniff(bytes) >= 0);
    auto out = layout.parse(bytes, "replay.txt");
    check_contract(out, bytes);
    kpi::verify::check_rates(out.indicators);
    if (utf8)
      for (const auto& ind : out.indicators) CHECK_NOTHROW(kpi::report::indicator_json(ind).dump());
  }
}

// What fuzz_pipeline does: decode, detect, parse, rates, findings, every writer.
void through_pipeline(const std::string& bytes) {
  auto decoded = kpi::text::decode(bytes);
  if (!decoded.ok()) {
    CHECK(decoded.error_line >= 1);
    return;
  }
  kpi::PipelineResult result;
  auto sheet = kpi::process_text(decoded.utf8, "replay.txt", decoded.encoding, {});
  for (const auto& d : sheet.parsed.diagnostics) result.diagnostics.push_back(d);
  if (sheet.usable) {
    check_contract(sheet.parsed, decoded.utf8);
    result.sheets.push_back(std::move(sheet));
  }
  result.findings = kpi::verify::find_cross_row_problems(result.sheets);
  for (const auto& writer : kpi::report::report_writers()) {
    std::ostringstream out;
    CHECK_NOTHROW(kpi::report::render(writer, out, result));
    if (writer.name == "json") CHECK_NOTHROW(kpi::report::Json::parse(out.str()));
  }
  kpi::verify::CheckItems items(result, {});
  for (const auto& writer : kpi::report::check_writers()) {
    std::ostringstream out;
    CHECK_NOTHROW(writer.write(out, {result, items, true}));
  }
}

}  // namespace

TEST_CASE("fuzz corpus and saved fuzz findings replay without a crash", "[fuzz-regressions]") {
  auto inputs = fuzz_inputs();
  CHECK(inputs.size() >= 4);  // the seed corpora at least
  for (const auto& path : inputs) {
    INFO(path.string());
    auto bytes = kpi::testing::read_bytes(path.string());
    through_layouts(bytes);
    through_pipeline(bytes);
    auto workbook = kpi::grid::read_workbook(bytes);  // what fuzz_xlsx, fuzz_ods and fuzz_xls do
    CHECK(workbook.book.has_value() == workbook.error.empty());
  }
}
