// A message that is not UTF-8 (a parser quoting bytes cut mid-character) must not cost the
// whole JSON output: nlohmann::json would throw type_error 316 on dump.
#include <catch2/catch.hpp>

#include <sstream>

#include "kpi/report/check_writers.hpp"
#include "kpi/report/json.hpp"
#include "kpi/report/writers.hpp"

namespace {

kpi::PipelineResult result_with_broken_message() {
  kpi::PipelineResult result;
  result.diagnostics.push_back({{"sheet.json", 1},
                                kpi::model::Severity::error,
                                "input.json",
                                "not valid JSON: last read: '\xE3\x81'"});
  result.input_error = true;
  return result;
}

}  // namespace

TEST_CASE("JSON outputs survive a message that is not UTF-8", "[report][json][robust]") {
  auto result = result_with_broken_message();
  std::ostringstream report;
  REQUIRE_NOTHROW(kpi::report::render(*kpi::report::find_report_writer("json"), report, result));
  auto doc = kpi::report::Json::parse(report.str());
  CHECK(doc["diagnostics"][0]["message"] == "not valid JSON: last read: '\xEF\xBF\xBD'");
  kpi::verify::CheckItems items(result, {});
  for (const auto* name : {"json", "sarif"}) {
    INFO(name);
    std::ostringstream out;
    REQUIRE_NOTHROW(kpi::report::find_check_writer(name)->write(out, {result, items, false}));
    CHECK_NOTHROW(kpi::report::Json::parse(out.str()));
  }
}
