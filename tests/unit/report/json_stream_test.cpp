// The streamed JSON document is the document tree's text, byte for byte: every bundled sheet
// and workbook (cells, stored digits, merged series, findings, diagnostics) and an empty run.
#include <catch2/catch.hpp>

#include <limits>
#include <sstream>

#include "kpi/pipeline.hpp"
#include "kpi/report/json.hpp"
#include "kpi/report/json_stream.hpp"

namespace {

std::string streamed(const kpi::PipelineResult& result, int jobs = 0) {
  std::ostringstream out;
  kpi::report::write_json_document(out, result, kpi::report::summarize(result, {}), jobs);
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

TEST_CASE(
    "runs of indicators, findings and diagnostics rendered in parallel join into the same text",
    "[report][json]") {
  // Every bundled sheet twice over, so that there are several runs of each long array (128
  // indicators, 512 findings, 1024 diagnostics), with diagnostics spilled to a temporary file.
  kpi::PipelineResult result = kpi::run_pipeline({KPI_DATA_DIR}, {});
  auto more = kpi::run_pipeline({KPI_DATA_DIR}, {});
  for (auto& sheet : more.sheets) result.sheets.push_back(std::move(sheet));
  kpi::model::DiagnosticList many(std::size_t{1} << 16);
  for (int i = 0; i < 5000; ++i)
    many.push_back({{"b.txt", i},
                    kpi::model::Severity::warning,
                    "input.merge-conflict",
                    "値 '▲ " + std::to_string(i) + "' \"quoted\""});
  result.diagnostics.append(std::move(many));
  for (int i = 0; i < 1600; ++i)
    result.findings.push_back(
        {"same-name-differs",
         kpi::model::Severity::warning,
         "\"名前 " + std::to_string(i) + "\" appears as 1 and 2",
         {{"a.xlsx", i + 1, "KPI", kpi::model::CellRef::at(i, 2)}, {"b.txt", i}},
         {"1", "2"}});
  REQUIRE(result.findings.size() > 3 * 512);
  std::size_t indicators = 0;
  for (const auto& sheet : result.sheets) indicators += sheet.parsed.indicators.size();
  REQUIRE(indicators > 3 * 128);
  REQUIRE(result.diagnostics.mark_count() > 3);
  REQUIRE(result.diagnostics.spilled());
  auto serial = streamed(result, 1);
  CHECK(serial == from_tree(result));
  CHECK(streamed(result, 2) == serial);
  CHECK(streamed(result, 3) == serial);
}

TEST_CASE("the streamed JSON document of nothing read has empty arrays", "[report][json]") {
  kpi::PipelineResult empty;
  CHECK(streamed(empty) == from_tree(empty));
  CHECK(streamed(empty).find("\"sources\": []") != std::string::npos);
}

TEST_CASE("a number in JSON is what parsing its decimal text gives", "[report][json]") {
  using kpi::model::Decimal;
  for (Decimal d :
       {Decimal{0, 0}, Decimal{-5, 0}, Decimal{580, 1}, Decimal{-3282, 1}, Decimal{1, 12},
        Decimal{999999999999999999, 3}, Decimal{12, -1}, Decimal{-9223372036854775807 - 1, 0},
        Decimal{9223372036854775807, 0}, Decimal{-9223372036854775807 - 1, 19}, Decimal{1, 1},
        Decimal{-1, 1}, Decimal{3, 323}, Decimal{1, 400}, Decimal{-1, 400}, Decimal{-25, 330}})
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

TEST_CASE("an indicator's hard strings and numbers are written in the stream as in the tree",
          "[report][json]") {
  using kpi::model::Decimal;
  kpi::PipelineResult result;
  kpi::model::Sheet sheet;
  sheet.path = "a\x01.txt";
  kpi::model::Indicator ind;
  ind.municipality = "x";
  ind.name = "name \xE2\x80\xA8 \"q\" \xC3 \t end";
  ind.unit = "\xff";
  ind.relisted_of = "";
  ind.baseline.value.number = Decimal{-1, 400};
  ind.baseline.alternatives.push_back({Decimal{123456789, 4}, "1.2e4"});
  ind.final_target.value.number = Decimal{-9223372036854775807 - 1, 0};
  ind.pace.actual = -0.0;
  ind.pace.expected = std::numeric_limits<double>::quiet_NaN();
  ind.pace.progress_percent = 1e-5;
  ind.pace.projected_final = 1e21;
  ind.pace.projected_to_achieve = false;
  kpi::model::Observation o;
  o.fiscal_year = 2023;
  o.actual.number = Decimal{5, 0};
  o.check.rate_percent = 100.0;
  o.source.sheet = "Sheet \"1\"";
  o.actual.workbook.edit().stored = Decimal{333333333333333, 15};
  ind.observations.push_back(o);
  sheet.parsed.indicators.push_back(ind);
  result.sheets.push_back(sheet);
  CHECK(streamed(result) == from_tree(result));
}
