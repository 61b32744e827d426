// The streamed JSON document is the document tree's text, byte for byte: every bundled sheet
// and workbook (cells, stored digits, merged series, findings, diagnostics) and an empty run.
#include <catch2/catch.hpp>

#include <sstream>

#include "kpi/pipeline.hpp"
#include "kpi/report/json.hpp"
#include "kpi/report/json_stream.hpp"

namespace {

std::string streamed(const kpi::PipelineResult& result) {
  std::ostringstream out;
  kpi::report::write_json_document(out, result, kpi::report::summarize(result, {}));
  return out.str();
}

std::string from_tree(const kpi::PipelineResult& result) {
  return kpi::report::json_text(kpi::report::document_json(result));
}

}  // namespace

TEST_CASE("the streamed JSON document equals the tree's text for every bundled input",
          "[report][json]") {
  auto result = kpi::run_pipeline(
      {KPI_DATA_DIR, KPI_TESTS_DIR "/fixtures/workbooks", KPI_TESTS_DIR "/fixtures/grid"}, {});
  REQUIRE(result.sheets.size() > 10);
  REQUIRE(!result.diagnostics.empty());
  CHECK(streamed(result) == from_tree(result));
}

TEST_CASE("the streamed JSON document of nothing read has empty arrays", "[report][json]") {
  kpi::PipelineResult empty;
  CHECK(streamed(empty) == from_tree(empty));
  CHECK(streamed(empty).find("\"sources\": []") != std::string::npos);
}

TEST_CASE("a number in JSON is what parsing its decimal text gives", "[report][json]") {
  using kpi::model::Decimal;
  for (Decimal d : {Decimal{0, 0}, Decimal{-5, 0}, Decimal{580, 1}, Decimal{-3282, 1},
                    Decimal{1, 12}, Decimal{999999999999999999, 3}, Decimal{12, -1}})
    CHECK(kpi::report::number_json(d).dump() == kpi::report::Json::parse(d.to_string()).dump());
}

TEST_CASE("diagnostics are escaped in the stream as in the tree", "[report][json]") {
  kpi::PipelineResult result;
  for (std::string message : {std::string("quote \" backslash \\ tab \t newline \n"),
                              std::string("control \x01\x1f del \x7f, ▲ 441 「高岡」"),
                              std::string("not UTF-8: '\xE3\x81'"), std::string()})
    result.diagnostics.push_back({{"a \"b\".txt", 3}, kpi::model::Severity::note, "x.y", message});
  CHECK(streamed(result) == from_tree(result));
}
