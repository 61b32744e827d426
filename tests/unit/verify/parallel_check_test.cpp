// A large sheet's rates are checked on several threads, and the cross-row finders run
// concurrently over many indicators: the results are the serial loop's, byte for byte.
#include <catch2/catch.hpp>

#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "kpi/calc/profile.hpp"
#include "kpi/pipeline.hpp"
#include "kpi/report/check_writers.hpp"
#include "kpi/report/writers.hpp"
#include "kpi/text/number.hpp"
#include "kpi/verify/check_items.hpp"
#include "kpi/verify/findings.hpp"
#include "kpi/verify/rate_check.hpp"
#include "sheets.hpp"

using kpi::model::Indicator;
using kpi::model::Sheet;

namespace {

kpi::model::Value v(std::string_view printed) {
  return kpi::text::parse_cell(printed, printed).value;
}

// The bundled sheets and workbooks, read on one thread.
const kpi::PipelineResult& bundled() {
  static const auto result = [] {
    kpi::PipelineOptions options;
    options.jobs = 1;
    return kpi::run_pipeline({KPI_DATA_DIR, KPI_TESTS_DIR "/fixtures/workbooks"}, options);
  }();
  return result;
}

// `copies` times the bundled sheets: ids of the later copies are suffixed and every third
// copy has another baseline (same names, other numbers), so that every kind of cross-row
// finding has many instances.
std::vector<Sheet> many_sheets(int copies) {
  std::vector<Sheet> out;
  for (int k = 0; k < copies; ++k)
    for (auto sheet : bundled().sheets) {
      sheet.path += "#" + std::to_string(k);
      for (auto& ind : sheet.parsed.indicators) {
        if (k > 0) ind.id += "-" + std::to_string(k);
        if (k % 3 == 1) ind.baseline.value = v("1,234,567");
      }
      out.push_back(std::move(sheet));
    }
  return out;
}

// What check_rates fills, emptied.
std::vector<Indicator> unchecked_indicators(int copies) {
  std::vector<Indicator> out;
  for (auto& sheet : many_sheets(copies))
    for (auto& ind : sheet.parsed.indicators) {
      ind.pace = {};
      for (auto& o : ind.observations) {
        o.check = {};
        o.outcome = {};
        if (o.revised.is_set()) o.revised.edit().check = {};
      }
      out.push_back(std::move(ind));
    }
  return out;
}

std::string json_of(std::vector<Sheet> sheets, std::vector<kpi::model::Finding> findings = {}) {
  kpi::PipelineResult result;
  result.sheets = std::move(sheets);
  result.findings = std::move(findings);
  std::ostringstream out;
  kpi::report::render(*kpi::report::find_report_writer("json"), out, result);
  return out.str();
}

std::string json_of(std::vector<Indicator> indicators) {
  Sheet sheet;
  sheet.path = "many.txt";
  sheet.format = "test";
  sheet.usable = true;
  sheet.parsed.indicators = std::move(indicators);
  std::vector<Sheet> sheets;
  sheets.push_back(std::move(sheet));
  return json_of(std::move(sheets));
}

std::set<std::string> kinds_of(const std::vector<kpi::model::Finding>& findings) {
  std::set<std::string> kinds;
  for (const auto& f : findings) kinds.insert(f.kind);
  return kinds;
}

}  // namespace

TEST_CASE("check_rates on several threads gives the serial results", "[verify][parallel]") {
  const auto unchecked = unchecked_indicators(8);
  REQUIRE(unchecked.size() >= 3 * kpi::verify::parallel_check_from / 2);
  const auto& toyama = kpi::calc::profile_for("toyama");
  for (const kpi::calc::Profile* profile :
       {static_cast<const kpi::calc::Profile*>(nullptr), &toyama}) {
    auto serial = unchecked;
    kpi::verify::check_rates(serial, profile, {}, 1);
    auto expected = json_of(serial);
    REQUIRE(expected != json_of(unchecked));  // the check fills what was emptied
    for (unsigned threads : {0u, 2u, 3u, 8u}) {
      CAPTURE(threads, profile != nullptr);
      auto parallel = unchecked;
      kpi::verify::check_rates(parallel, profile, {}, threads);
      CHECK(json_of(std::move(parallel)) == expected);
    }
  }
}

TEST_CASE("the cross-row finders run concurrently, findings in the serial order",
          "[verify][parallel]") {
  auto sheets = many_sheets(8);
  std::size_t indicators = 0;
  for (const auto& s : sheets) indicators += s.parsed.indicators.size();
  REQUIRE(indicators >= kpi::verify::parallel_findings_from);
  auto serial = kpi::verify::find_cross_row_problems(sheets, 1);
  REQUIRE(serial.size() > 100);
  REQUIRE(kinds_of(serial).size() >= 5);
  auto expected = json_of(sheets, serial);
  for (unsigned threads : {0u, 2u, 3u, 8u}) {
    CAPTURE(threads);
    CHECK(json_of(sheets, kpi::verify::find_cross_row_problems(sheets, threads)) == expected);
  }
}

namespace {

Indicator row(std::string id, std::string name, std::string_view baseline) {
  Indicator ind;
  ind.municipality = "testcity";
  ind.id = std::move(id);
  ind.name = std::move(name);
  ind.baseline.value = v(baseline);
  ind.source = {"sheet.txt", 1};
  return ind;
}

}  // namespace

TEST_CASE("parts too large to add up end that finder, its findings so far kept, concurrently too",
          "[verify][parallel]") {
  Sheet sheet;
  sheet.path = "sheet.txt";
  auto& rows = sheet.parsed.indicators;
  // No.1: 3 + 4 is not 10. No.2: ten 18-digit parts add up to more than a decimal holds
  // (Overflow when the sum is printed), which ends the search before No.3's parts (1 + 1 is not 5)
  // are added.
  rows.push_back(row("No.1", "人口", "10"));
  rows.push_back(row("No.1", "人口 (男)", "3"));
  rows.push_back(row("No.1", "人口 (女)", "4"));
  rows.push_back(row("No.2", "総額", "1"));
  for (const char* part : {"a", "b", "c", "d", "e", "f", "g", "h", "i", "j"})
    rows.push_back(row("No.2", std::string("総額 (") + part + ")", "999999999999999999"));
  rows.push_back(row("No.3", "件数", "5"));
  rows.push_back(row("No.3", "件数 (a)", "1"));
  rows.push_back(row("No.3", "件数 (b)", "1"));
  for (std::size_t i = 0; rows.size() < kpi::verify::parallel_findings_from; ++i)
    rows.push_back(row("Z" + std::to_string(i), "filler " + std::to_string(i), "1"));
  std::vector<Sheet> sheets{sheet};
  auto serial = kpi::verify::find_cross_row_problems(sheets, 1);
  std::vector<std::string> parts;
  for (const auto& f : serial)
    if (f.kind == "parts-total") parts.push_back(f.ids.front());
  CHECK(parts == std::vector<std::string>{"No.1"});
  auto expected = json_of(sheets, serial);
  for (unsigned threads : {2u, 3u}) {
    CAPTURE(threads);
    CHECK(json_of(sheets, kpi::verify::find_cross_row_problems(sheets, threads)) == expected);
  }
}

namespace {

std::string check_json_of(const kpi::PipelineResult& result, unsigned threads) {
  kpi::verify::CheckItems items(result, {});
  std::ostringstream out;
  kpi::report::CheckContext context{result, items};
  context.jobs = static_cast<int>(threads);
  kpi::report::find_check_writer("json")->write(out, context);
  return out.str();
}

}  // namespace

TEST_CASE("check items of a large sheet, made and written on several threads, are the serial ones",
          "[verify][parallel]") {
  kpi::model::ParseOutput parsed;
  parsed.indicators = unchecked_indicators(8);
  auto result = kpi::testing::one_sheet_run("many.txt", "test", std::move(parsed));
  auto& sheet = result.sheets.back();
  kpi::verify::check_rates(sheet.parsed.indicators, nullptr, {}, 1);
  result.findings = kpi::verify::find_cross_row_problems(result.sheets, 1);
  result.diagnostics.push_back(
      {{"many.txt", 3}, kpi::model::Severity::warning, "input.encoding", "a stray byte"});
  result.diagnostics.push_back(
      {{"other.txt", 0}, kpi::model::Severity::error, "input.unreadable", "cannot read"});
  auto expected = check_json_of(result, 1);
  REQUIRE(expected.size() > 1'000'000);
  for (unsigned threads : {0u, 2u, 3u}) {
    CAPTURE(threads);
    CHECK(check_json_of(result, threads) == expected);
  }
}
