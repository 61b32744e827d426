// kpi-report's own JSON read back, and `kpi-report convert` end to end.
#include <catch2/catch.hpp>

#include "canonical_fixtures.hpp"
#include "kpi/formats/registry.hpp"

namespace {

using namespace kpi;
using namespace kpi::testing::canonical;
using model::Decimal;

bool has_skip(const model::ParseOutput& p, int line, const std::string& part) {
  for (const auto& s : p.skipped)
    if (s.line == line && s.reason.find(part) != std::string::npos) return true;
  return false;
}

}  // namespace

TEST_CASE("kpi-json: JSON -> model -> JSON is byte-identical and the model equal",
          "[canonical][kpi-json]") {
  auto original = run({takaoka_sheet()});
  auto first = as_json(original);
  auto path = temp_file("takaoka.json", first);
  auto read_back = run({path});
  REQUIRE(read_back.sheets.size() == 1);
  CHECK(read_back.sheets[0].format == "kpi-json");
  CHECK(as_json(read_back) == first);
  const auto& a = original.sheets[0].parsed.indicators;
  const auto& b = read_back.sheets[0].parsed.indicators;
  REQUIRE(a.size() == b.size());
  for (std::size_t i = 0; i < a.size(); ++i) {
    CHECK(dump(a[i]) == dump(b[i]));
    CHECK(a[i].source.path == b[i].source.path);  // still points at the sheet it came from
    CHECK(a[i].source.line == b[i].source.line);
  }
  // sources[] lists the original sheet with its own counts and skipped rows.
  REQUIRE(read_back.sheets[0].parsed.origins.has_value());
  const auto& origins = *read_back.sheets[0].parsed.origins;
  REQUIRE(origins.size() == 1);
  CHECK(origins[0].format == "takaoka");
  CHECK(origins[0].kpis == 64);
  CHECK(origins[0].skipped.size() == original.sheets[0].parsed.skipped.size());
}

TEST_CASE("kpi-json, canonical: Toyama's 変更後 values round-trip, boxed only where printed",
          "[canonical][kpi-json]") {
  auto original = run({std::string(KPI_DATA_DIR) + "/toyama/toyama-strategy-progress-fy2020.tsv"});
  const auto& a = original.sheets.at(0).parsed.indicators;
  int boxed = 0, observations = 0;
  for (const auto& ind : a)
    for (const auto& o : ind.observations) {
      ++observations;
      boxed += o.revised.is_set();
    }
  CHECK(boxed > 0);
  CHECK(boxed < observations);
  for (const auto& [name, text] : {std::pair{std::string("toyama.json"), as_json(original)},
                                   std::pair{std::string("toyama.csv"), as_csv(original)}}) {
    auto back = run({temp_file(name, text)});
    const auto& b = back.sheets.at(0).parsed.indicators;
    REQUIRE(a.size() == b.size());
    for (std::size_t i = 0; i < a.size(); ++i) {
      CHECK(dump(a[i]) == dump(b[i]));  // revised target and rate included
      REQUIRE(a[i].observations.size() == b[i].observations.size());
      for (std::size_t k = 0; k < a[i].observations.size(); ++k) {
        const auto &x = a[i].observations[k], &y = b[i].observations[k];
        CHECK(x.revised.is_set() == y.revised.is_set());
        CHECK(x.revised->check.verdict == y.revised->check.verdict);
      }
    }
    const auto& o = indicator(b, "1-01").observations.at(0);
    CHECK(o.revised->target.text == "12件(累計)");
    CHECK(o.revised->rate.number->to_string() == "8");
    CHECK(o.revised->check.verdict == model::Verdict::match);
  }
}

TEST_CASE("kpi-json: printed precision comes from the *_text fields", "[canonical][kpi-json]") {
  const std::string doc = R"({
  "schema": "kpi-report/1",
  "indicators": [
    {"municipality": "demo", "id": "A", "name": "x", "direction": "increase",
     "final_target": {"value": 60.0, "text": "60.0", "qualifier": "以上"},
     "observations": [{"fiscal_year": 2020, "target": 1.5, "actual": 58.0, "actual_text": "58.0",
                       "published_rate_percent": 88.2, "published_rate_text": "小学6年生 88.2%"}]},
    {"municipality": "demo", "name": "no id"},
    {"municipality": "demo", "id": "C", "name": "z", "observations": [{"fiscal_year": "2020"}]}
  ]
})";
  REQUIRE(formats::detect_format(doc)->name == "kpi-json");
  auto sheet = read_text(doc, "hand.json");
  const auto& p = sheet.parsed;
  CHECK(p.rows_read == 3);
  CHECK(p.rows_used == 1);
  CHECK(has_skip(p, 8, "indicators[1]: id: expected a non-empty string"));
  CHECK(has_skip(p, 9, "indicators[2]: fiscal_year: expected a whole number"));
  REQUIRE(p.indicators.size() == 1);
  const auto& ind = p.indicators[0];
  CHECK(ind.source.path == "hand.json");  // no source given: the element's own line
  CHECK(ind.source.line == 4);
  CHECK(ind.final_target.value.number->scale == 1);
  CHECK(ind.final_target.qualifier == model::Qualifier::at_least);
  const auto& o = observation(ind, 2020);
  CHECK(dump(o.target) == "[15e-1 '']");  // no text: the shortest decimal of the number
  CHECK(dump(o.actual) == "[580e-1 '58.0']");
  CHECK(dump(o.published_rate) == "[882e-1 '小学6年生 88.2%']");
  CHECK(o.check.verdict ==
        model::Verdict::mismatch);  // 58.0 / 1.5 is no 88.2%: recomputed, not read
}

TEST_CASE("kpi-json: cells read back as A1 names, another text is refused",
          "[canonical][kpi-json]") {
  const std::string doc = R"({
  "schema": "kpi-report/1",
  "indicators": [
    {"municipality": "demo", "id": "A", "name": "x", "source": {"path": "b.xlsx", "line": 22,
     "sheet": "KPI", "cell": "XFD1048576"}, "baseline": {"value": 1, "text": "1", "cell": "K22"},
     "observations": [{"fiscal_year": 2020, "actual": 2, "path": "b.xlsx", "line": 22, "sheet": "KPI",
                       "cells": {"target": null, "actual": "AA22", "rate": "P22"}}]},
    {"municipality": "demo", "id": "B", "name": "y", "baseline": {"value": 1, "cell": "$K$22"}},
    {"municipality": "demo", "id": "C", "name": "z",
     "observations": [{"fiscal_year": 2020, "cells": {"rate": "P22:Q23"}}]}
  ]
})";
  auto sheet = read_text(doc, "hand.json");
  const auto& p = sheet.parsed;
  CHECK(has_skip(p, 8,
                 "indicators[1]: baseline.cell: expected a cell's A1 name such as P22, "
                 "got '$K$22'"));
  CHECK(has_skip(p, 9, "cells.rate: expected a cell's A1 name such as P22, got 'P22:Q23'"));
  REQUIRE(p.indicators.size() == 1);
  const auto& ind = p.indicators[0];
  CHECK(model::location_text(ind.source) == "b.xlsx:KPI!XFD1048576");
  CHECK(ind.baseline.value.cell.text() == "K22");
  const auto& o = observation(ind, 2020);
  CHECK(o.target.cell.empty());
  CHECK(o.actual.cell.text() == "AA22");
  CHECK(o.published_rate.cell.text() == "P22");
  CHECK(o.source.cell.text() == "P22");  // the observation's anchor: its rate cell
}

TEST_CASE("kpi-json: wrong schema and broken JSON are errors with a line",
          "[canonical][kpi-json]") {
  auto other = read_text("{\"schema\": \"kpi-report/2\", \"indicators\": []}", "v2.json");
  REQUIRE(other.parsed.diagnostics.size() == 1);
  CHECK(other.parsed.diagnostics[0].severity == model::Severity::error);
  CHECK(other.parsed.diagnostics[0].message ==
        "unsupported schema 'kpi-report/2': this kpi-report reads kpi-report/1");
  auto broken =
      read_text("{\"schema\": \"kpi-report/1\",\n\"indicators\": [\n{,}\n]}", "broken.json");
  REQUIRE(broken.parsed.diagnostics.size() == 1);
  CHECK(broken.parsed.diagnostics[0].code == "input.json");
  CHECK(broken.parsed.diagnostics[0].location.line == 3);
}

TEST_CASE("convert: CSV and JSON round trips through the binary are byte-identical",
          "[canonical]") {
  auto dir_file = [](const std::string& name) { return temp_file(name, ""); };
  auto csv1 = dir_file("cli-1.csv"), csv2 = dir_file("cli-2.csv");
  auto json1 = dir_file("cli-1.json"), json2 = dir_file("cli-2.json"),
       json3 = dir_file("cli-3.json");
  auto q = [](const std::string& p) { return "'" + p + "'"; };
  REQUIRE(run_binary("convert --to csv -o " + q(csv1) + " " + q(takaoka_sheet())) == 0);
  REQUIRE(run_binary("convert --to csv -o " + q(csv2) + " " + q(csv1)) == 0);
  CHECK(slurp(csv1) == slurp(csv2));
  REQUIRE(run_binary("convert --to json -o " + q(json1) + " " + q(takaoka_sheet())) == 0);
  REQUIRE(run_binary("convert --to json -o " + q(json2) + " " + q(json1)) == 0);
  CHECK(slurp(json1) == slurp(json2));
  // JSON made from the CSV has the same KPIs as JSON made from the PDF text.
  REQUIRE(run_binary("convert --to json -o " + q(json3) + " " + q(csv1)) == 0);
  auto from_csv = run({json3}), from_pdf = run({json1});
  const auto& a = from_csv.sheets.at(0).parsed.indicators;
  const auto& b = from_pdf.sheets.at(0).parsed.indicators;
  REQUIRE(a.size() == b.size());
  for (std::size_t i = 0; i < a.size(); ++i) CHECK(dump(a[i]) == dump(b[i]));
}

TEST_CASE("convert: a sheet missing a required column exits 2 with path:line", "[canonical]") {
  auto path = temp_file("nameless.csv", "municipality,id,fiscal_year\ndemo,A,2020\n");
  std::string err;
  CHECK(run_binary("convert --to csv '" + path + "'", &err) == 2);
  CHECK(err.find(path + ":1: error: missing required column name") != std::string::npos);
  CHECK(run_binary("convert --to xlsx '" + path + "'") == 2);
}

TEST_CASE("kpi-json: elements are read as they are parsed, in order, the bad ones skipped",
          "[canonical][kpi-json]") {
  auto doc = read_text(
      "{\"schema\": \"kpi-report/1\",\n"
      " \"indicators\": [\n"
      "  {\"municipality\": \"takaoka\", \"id\": \"No.1\", \"name\": \"移住者数\"},\n"
      "  42,\n"
      "  [1, 2],\n"
      "  {\"municipality\": \"nitta\", \"municipality_name\": \"新田市\", \"id\": \"2\",\n"
      "   \"name\": \"観光客数\", \"observations\": []}\n"
      " ],\n"
      " \"findings\": [{\"kind\": \"parts-total\"}],\n"
      " \"summary\": {\"kpis\": 2},\n"
      " \"diagnostics\": [{\"location\": {\"path\": \"x.txt\", \"line\": 3}, \"severity\": "
      "\"warning\", \"code\": \"input.layout\", \"message\": \"made with the document\"}]}\n",
      "stream.json");
  const auto& p = doc.parsed;
  REQUIRE(p.indicators.size() == 2);
  CHECK(p.indicators[0].id == "No.1");
  CHECK(p.indicators[0].municipality_name == "高岡市");
  CHECK(p.indicators[1].id == "2");
  CHECK(p.indicators[1].municipality_name == "新田市");
  CHECK(p.rows_read == 4);
  CHECK(p.rows_used == 2);
  CHECK(has_skip(p, 4, "indicators[1]: expected an object"));
  CHECK(has_skip(p, 5, "indicators[2]: expected an object"));
  // The document's own diagnostic first, then the skipped elements'.
  REQUIRE(p.diagnostics.size() == 3);
  CHECK(p.diagnostics[0].message == "made with the document");
  CHECK(p.diagnostics[1].code == "input.skipped-row");
  CHECK(p.diagnostics[2].code == "input.skipped-row");
}

TEST_CASE("kpi-json: a document broken after good elements gives none of them",
          "[canonical][kpi-json]") {
  auto broken = read_text(
      "{\"schema\": \"kpi-report/1\", \"indicators\": [\n"
      "{\"municipality\": \"takaoka\", \"id\": \"No.1\", \"name\": \"移住者数\"},\n"
      "{\"id\": ]}\n",
      "broken-late.json");
  CHECK(broken.parsed.indicators.empty());
  CHECK(broken.parsed.rows_read == 0);
  REQUIRE(broken.parsed.diagnostics.size() == 1);
  CHECK(broken.parsed.diagnostics[0].location.line == 3);
  auto wrong = read_text(
      "{\"indicators\": [{\"municipality\": \"takaoka\", \"id\": \"No.1\", \"name\": \"a\"}],\n"
      " \"schema\": \"kpi-report/9\"}",
      "late-schema.json");
  CHECK(wrong.parsed.indicators.empty());
  REQUIRE(wrong.parsed.diagnostics.size() == 1);
  CHECK(wrong.parsed.diagnostics[0].code == "input.layout");
  auto none = read_text("{\"schema\": \"kpi-report/1\", \"indicators\": {}}", "no-array.json");
  CHECK(none.parsed.indicators.empty());
  REQUIRE(none.parsed.diagnostics.size() == 1);
  CHECK(none.parsed.diagnostics[0].code == "input.no-rows");
}
