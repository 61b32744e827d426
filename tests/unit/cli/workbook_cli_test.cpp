// Workbooks through the real binary: hostile workbooks, --sheet, --input-format grid, the
// `formats` list, and the JSON and check output of a workbook grid (sheet, cells, formulas).
#include <catch2/catch.hpp>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <set>

#include <nlohmann/json.hpp>

#include "cli/run_binary.hpp"
#include "grid/workbook_files.hpp"

using kpi::testing::run_kpi_report;
using nlohmann::json;

namespace {

namespace fs = std::filesystem;

std::string fixture(const std::string& relative) {
  return std::string(KPI_TESTS_DIR) + "/fixtures/" + relative;
}

const std::string takaoka_grid = fixture("workbooks/takaoka-kpi-grid-fy2020-2023.xlsx");
const std::string prefecture_xlsx = fixture("grid/prefecture-policy-evaluation-r5.xlsx");
const std::string city_grid = fixture("grid/city-kpi-synonyms.tsv");

struct Hostile {
  const char* file;                // in tests/fixtures/workbooks/hostile/
  std::vector<std::string> words;  // the message says what is wrong: one of these
};

// What each hostile workbook's message must say (tests/fixtures/README.md, section 4).
const std::vector<Hostile> hostile_workbooks = {
    {"billion-laughs.xlsx", {"DTD", "DOCTYPE", "entity", "entities"}},
    {"corrupt-central-directory.xlsx", {"corrupt"}},
    {"no-kpi-sheet.xlsx", {"no KPI sheet"}},
    {"password-protected.xls", {"password"}},
    {"password-protected.xlsx", {"password"}},
    {"random-ole.xls", {"OLE", ".xls"}},
    {"repeated-million-rows.ods", {"no KPI sheet"}},
    {"truncated.xlsx", {"ZIP", "zip", "archive"}},
    {"zip-bomb.xlsx", {"uncompressed", "limit", "bomb"}},
};

std::string hostile_path(const char* file) {
  return fixture(std::string("workbooks/hostile/") + file);
}

bool says_any(const std::string& text, const std::vector<std::string>& words) {
  for (const auto& w : words)
    if (text.find(w) != std::string::npos) return true;
  return false;
}

// Peak resident memory (KB) of `kpi-report args`, when /usr/bin/time is there to measure it.
std::optional<long> peak_memory_kb(const std::string& args) {
  if (!fs::exists("/usr/bin/time")) return std::nullopt;
  auto report = fs::path(kpi::testing::temp_file_path(".time"));
  auto run = kpi::testing::run_kpi_report_via(
      "/usr/bin/time -f %M -o " + kpi::testing::quoted(report.string()), args);
  std::ifstream in(report);
  long kb = -1;
  in >> kb;
  fs::remove(report);
  if (kb < 0) return std::nullopt;
  return kb;
}

const json* find_indicator(const json& doc, const std::string& id) {
  for (const auto& ind : doc["indicators"])
    if (ind["id"] == id) return &ind;
  return nullptr;
}

const json* find_observation(const json& ind, int fiscal_year) {
  for (const auto& o : ind["observations"])
    if (o["fiscal_year"] == fiscal_year) return &o;
  return nullptr;
}

// An inline-string cell and a number cell of a worksheet written in the test.
std::string text_cell(const std::string& ref, const std::string& text) {
  return "<c r=\"" + ref + "\" t=\"inlineStr\"><is><t>" + text + "</t></is></c>";
}
std::string number_cell(const std::string& ref, const std::string& value,
                        const std::string& style = "") {
  return "<c r=\"" + ref + "\"" + (style.empty() ? "" : " s=\"" + style + "\"") + "><v>" + value +
         "</v></c>";
}

// Style 1 shows a fraction as a percentage with one decimal (0.95 → "95.0%").
const std::string percent_styles =
    R"(<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">)"
    R"(<numFmts count="1"><numFmt numFmtId="164" formatCode="0.0%"/></numFmts>)"
    R"(<cellXfs><xf numFmtId="0"/><xf numFmtId="164" applyNumberFormat="1"/></cellXfs></styleSheet>)";

// One KPI table: header row 1, one KPI on row 2 whose FY2023 rate is `rate` (a fraction).
std::string kpi_sheet(const std::string& name, const std::string& actual, const std::string& rate) {
  std::string rows = "<row r=\"1\">" + text_cell("A1", "No") + text_cell("B1", "指標名") +
                     text_cell("C1", "R5目標値") + text_cell("D1", "R5実績値") +
                     text_cell("E1", "R5達成率") + "</row>";
  rows += "<row r=\"2\">" + number_cell("A2", "1") + text_cell("B2", name) +
          number_cell("C2", "200") + number_cell("D2", actual) + number_cell("E2", rate, "1") +
          "</row>";
  return kpi::testing::worksheet_xml(rows);
}

// Three sheets: two KPI tables (R4, R5) and a note; a fourth, hidden, KPI table.
std::string multi_sheet_workbook() {
  auto path = kpi::testing::temp_file_path(".xlsx");
  auto bytes = kpi::testing::xlsx_bytes(
      {
          {"R4", kpi_sheet("観光入込客数", "150", "0.75")},
          {"R5", kpi_sheet("移住者数", "190", "0.95")},
          {"メモ",
           kpi::testing::worksheet_xml("<row r=\"1\">" + text_cell("A1", "作業用") + "</row>")},
          {"旧版", kpi_sheet("旧版の移住者数", "100", "0.5"), "hidden"},
      },
      "", percent_styles);
  std::ofstream(path, std::ios::binary) << bytes;
  return path;
}

// Whether `out` has a line `path: error: …`, or `path:Sheet: error: …` for an error inside one
// of its sheets; `first`: on its first line.
bool reports_error(const std::string& out, const std::string& path, bool first = false) {
  for (std::size_t at = out.find(path); at != std::string::npos; at = out.find(path, at + 1)) {
    auto line_end = out.find('\n', at);
    auto line = out.substr(at, line_end == std::string::npos ? std::string::npos : line_end - at);
    bool sheet_or_none = line.size() > path.size() && line[path.size()] == ':' &&
                         line.find(": error: ", path.size()) != std::string::npos &&
                         line.find(' ', path.size()) > line.find(": error: ", path.size());
    if (sheet_or_none && (!first || at == 0)) return true;
    if (first) return false;
  }
  return false;
}

}  // namespace

TEST_CASE("hostile workbooks end in path: error: and exit 2 within seconds",
          "[cli][workbook][hostile]") {
  std::set<std::string> covered;
  for (const auto& h : hostile_workbooks) {
    auto path = hostile_path(h.file);
    covered.insert(h.file);
    INFO(h.file);
    REQUIRE(fs::exists(path));
    auto start = std::chrono::steady_clock::now();
    auto check = run_kpi_report("check " + kpi::testing::quoted(path));  // items on stdout
    auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    INFO(check.out);
    CHECK(check.exit_code == 2);
    CHECK(reports_error(check.out, path, true));
    CHECK(says_any(check.out, h.words));
    CHECK(seconds < 5.0);
    auto report = run_kpi_report("report " + kpi::testing::quoted(path));  // problems on stderr
    INFO(report.err);
    CHECK(report.exit_code == 2);
    CHECK(reports_error(report.err, path, true));
    CHECK(says_any(report.err, h.words));
    if (auto kb = peak_memory_kb("check " + kpi::testing::quoted(path))) {
      INFO("peak memory " << *kb << " KB");
      CHECK(*kb < 300 * 1024);
    }
  }
  for (const auto& entry : fs::directory_iterator(fixture("workbooks/hostile"))) {
    INFO(entry.path().filename().string() << " has no expectation here");
    CHECK(covered.count(entry.path().filename().string()) == 1);
  }
}

TEST_CASE("a workbook without a KPI sheet names the sheets it looked at",
          "[cli][workbook][hostile]") {
  auto r = run_kpi_report("report " + kpi::testing::quoted(hostile_path("no-kpi-sheet.xlsx")));
  CHECK(r.exit_code == 2);
  CHECK_THAT(r.err, Catch::Contains("no KPI sheet in the workbook (sheets: はじめに, メモ)"));
  CHECK_THAT(r.err, Catch::Contains("missing: 指標名 (KPI)"));
}

TEST_CASE("a truncated xlsx is reported as a truncated or corrupt workbook, not as text",
          "[cli][workbook][hostile]") {
  auto path = hostile_path("truncated.xlsx");
  auto r = run_kpi_report("check " + kpi::testing::quoted(path));
  INFO(r.out);
  CHECK(r.exit_code == 2);
  CHECK(says_any(r.out, {"corrupt", "truncated"}));
  CHECK_THAT(r.out, !Catch::Contains("not text"));
}

// random-ole.xls is the OLE signature and random bytes: neither a workbook nor a Word or
// PowerPoint file, so a damaged .xls (an error even in a directory scan).
TEST_CASE("an OLE file of random bytes is reported as a corrupt xls", "[cli][workbook][hostile]") {
  auto path = hostile_path("random-ole.xls");
  auto r = run_kpi_report("check " + kpi::testing::quoted(path));
  INFO(r.out);
  CHECK(r.exit_code == 2);
  CHECK(r.out.rfind(path + ": error: ", 0) == 0);
  CHECK_THAT(r.out, Catch::Contains("corrupt"));
}

TEST_CASE("a directory with hostile workbooks still reports its good sheets",
          "[cli][workbook][hostile]") {
  auto dir = fs::path(kpi::testing::temp_file_path("-dir"));
  fs::create_directories(dir);
  for (const auto& h : hostile_workbooks) fs::copy_file(hostile_path(h.file), dir / h.file);
  fs::copy_file(city_grid, dir / "city-kpi-synonyms.tsv");
  fs::copy_file(takaoka_grid, dir / "takaoka-kpi-grid-fy2020-2023.xlsx");

  auto report = run_kpi_report("report " + kpi::testing::quoted(dir.string()));
  CHECK(report.exit_code == 2);
  CHECK_THAT(report.out, Catch::Contains("city-kpi-synonyms.tsv (grid, UTF-8): 10 KPIs"));
  CHECK_THAT(report.out, Catch::Contains("64 KPIs"));
  // Damaged and encrypted workbooks are errors; files that hold no KPI sheet are listed in
  // one note, like any file of a directory that is no sheet.
  for (const char* damaged :
       {"billion-laughs.xlsx", "corrupt-central-directory.xlsx", "password-protected.xls",
        "password-protected.xlsx", "random-ole.xls", "truncated.xlsx", "zip-bomb.xlsx"}) {
    INFO(damaged);
    CHECK(reports_error(report.err, (dir / damaged).string()));
  }
  CHECK_THAT(report.err, Catch::Contains(dir.string() + ": note: skipped 2 files that are no KPI "
                                                        "sheet: no-kpi-sheet.xlsx, "
                                                        "repeated-million-rows.ods"));

  auto check = run_kpi_report("check --format json " + kpi::testing::quoted(dir.string()));
  CHECK(check.exit_code == 2);
  auto doc = json::parse(check.out);
  CHECK(doc["counts"]["match"] == 233 + 10);
  CHECK(doc["counts"]["mismatch"] == 1);
  fs::remove_all(dir);
}

TEST_CASE("every KPI sheet of a workbook is read by default, --sheet reads one",
          "[cli][workbook][sheet]") {
  auto path = multi_sheet_workbook();
  auto all = run_kpi_report("report --format json " + kpi::testing::quoted(path));
  REQUIRE(all.exit_code == 0);
  auto doc = json::parse(all.out);
  REQUIRE(doc["indicators"].size() == 2);  // R4 and R5; not the note, not the hidden sheet
  CHECK(doc["indicators"][0]["name"] == "観光入込客数");
  CHECK(doc["indicators"][0]["source"]["sheet"] == "R4");
  CHECK(doc["indicators"][1]["name"] == "移住者数");
  CHECK(doc["indicators"][1]["source"]["sheet"] == "R5");
  CHECK(doc["indicators"][1]["observations"][0]["verdict"] == "match");  // 190/200 = 95.0%
  CHECK(doc["indicators"][1]["observations"][0]["cells"]["rate"] == "E2");

  auto r5 = run_kpi_report("report --format json --sheet R5 " + kpi::testing::quoted(path));
  REQUIRE(r5.exit_code == 0);
  auto one = json::parse(r5.out);
  REQUIRE(one["indicators"].size() == 1);
  CHECK(one["indicators"][0]["name"] == "移住者数");

  auto hidden = run_kpi_report("report --format json --sheet 旧版 " + kpi::testing::quoted(path));
  INFO(hidden.err);
  REQUIRE(hidden.exit_code == 0);  // named, a hidden sheet is read
  CHECK(json::parse(hidden.out)["indicators"][0]["name"] == "旧版の移住者数");

  auto check = run_kpi_report("check --sheet R4 " + kpi::testing::quoted(path));
  CHECK(check.exit_code == 0);
  CHECK_THAT(check.out, Catch::Contains("1 published rates checked: 1 match"));
  fs::remove(path);
}

TEST_CASE("a --sheet the workbook lacks exits 2 and lists the sheets", "[cli][workbook][sheet]") {
  auto r = run_kpi_report("check --sheet NoSuchSheet " + kpi::testing::quoted(takaoka_grid));
  CHECK(r.exit_code == 2);
  CHECK(r.out.rfind(takaoka_grid + ": error: ", 0) == 0);
  CHECK_THAT(r.out, Catch::Contains("no sheet named 'NoSuchSheet'"));
  CHECK_THAT(r.out, Catch::Contains("(sheets: KPI進捗)"));
  auto named = run_kpi_report("check --sheet KPI進捗 " + kpi::testing::quoted(takaoka_grid));
  CHECK(named.exit_code == 1);  // P22
  CHECK_THAT(named.out,
             Catch::Contains("234 published rates checked: 233 match, 0 consistent, 1 mismatch"));
}

TEST_CASE("formats lists the grid layout and --input-format grid forces it",
          "[cli][workbook][grid]") {
  auto formats = run_kpi_report("formats");
  CHECK(formats.exit_code == 0);
  CHECK_THAT(formats.out, Catch::Contains("\ngrid "));
  CHECK_THAT(formats.out, Catch::Contains("指標名"));

  auto forced = run_kpi_report("report --input-format grid " + kpi::testing::quoted(city_grid));
  CHECK(forced.exit_code == 0);
  CHECK_THAT(forced.out, Catch::Contains("(grid, UTF-8): 10 KPIs, 0 rows skipped"));
  auto workbook =
      run_kpi_report("check --input-format grid " + kpi::testing::quoted(prefecture_xlsx));
  CHECK(workbook.exit_code == 1);  // the planted rates
  CHECK_THAT(workbook.out, Catch::Contains("prefecture-policy-evaluation-r5.xlsx:施策評価!J26: "));
}

TEST_CASE("check prints workbook locations as book.xlsx:Sheet!Cell", "[cli][workbook][check]") {
  auto r = run_kpi_report("check " + kpi::testing::quoted(takaoka_grid));
  CHECK(r.exit_code == 1);
  CHECK_THAT(r.out, Catch::Contains(takaoka_grid + ":KPI進捗!P22: error: 19 FY2023 "
                                                   "子育て支援サイト等のアクセス件数: rate formula "
                                                   "=ROUND(O22/K22,3) in P22 uses K22"));
  CHECK_THAT(r.out, Catch::Contains("expected =ROUND(O22/N22,3)"));
  CHECK_THAT(r.out, Catch::Contains("=ROUND(actual/target,3) in 207 cells"));
  CHECK_THAT(r.out, Catch::Contains("234 published rates checked: 233 match, 0 consistent, 1 "
                                    "mismatch, 0 unchecked; 14 rates without a published rate"));
  auto verbose = run_kpi_report("check -v " + kpi::testing::quoted(takaoka_grid));
  CHECK_THAT(verbose.out, Catch::Contains(takaoka_grid + ":KPI進捗!P25: note: 22 FY2023 "));
  CHECK_THAT(verbose.out, Catch::Contains("published 83.4% matches (ratio): computed from the "
                                          "stored values; actual O25 holds 79.2 but shows 79"));
}

TEST_CASE("JSON of the Takaoka grid carries sheet, cells and the rate formula",
          "[cli][workbook][json]") {
  auto r = run_kpi_report("report --format json " + kpi::testing::quoted(takaoka_grid));
  REQUIRE(r.exit_code == 0);
  auto doc = json::parse(r.out);
  REQUIRE(doc["indicators"].size() == 64);
  CHECK(doc["sources"][0]["format"] == "grid");
  CHECK(doc["sources"][0]["encoding"] == "xlsx");
  const auto* no19 = find_indicator(doc, "19");
  REQUIRE(no19);
  CHECK((*no19)["source"]["sheet"] == "KPI進捗");
  CHECK((*no19)["source"]["line"] == 22);
  const auto* p22 = find_observation(*no19, 2023);
  REQUIRE(p22);
  CHECK((*p22)["sheet"] == "KPI進捗");
  CHECK((*p22)["line"] == 22);
  CHECK((*p22)["cells"] == json{{"target", "N22"}, {"actual", "O22"}, {"rate", "P22"}});
  CHECK((*p22)["rate_formula"] == "=ROUND(O22/K22,3)");
  CHECK((*p22)["published_rate_text"] == "151.8%");
  CHECK((*p22)["verdict"] == "mismatch");
  CHECK_THAT((*p22)["explanation"].get<std::string>(), Catch::Contains("=ROUND(O22/N22,3)"));
  CHECK_FALSE(p22->contains("actual_stored"));

  const auto* o25 = find_observation(*find_indicator(doc, "22"), 2023);
  REQUIRE(o25);
  CHECK((*o25)["actual"] == 79);
  CHECK((*o25)["actual_text"] == "79");
  CHECK((*o25)["actual_stored"] == 79.2);
  CHECK((*o25)["verdict"] == "match");

  auto check = run_kpi_report("check --format json " + kpi::testing::quoted(takaoka_grid));
  auto c = json::parse(check.out);
  REQUIRE(c["sheets"].size() == 1);
  CHECK(c["sheets"][0]["sheet"] == "KPI進捗");
  const auto& formulas = c["sheets"][0]["cell_formulas"];
  CHECK(formulas["=ROUND(actual/K22,3)"] == json{{"count", 1}, {"cells", {"P22"}}});
  CHECK(formulas["=ROUND(actual/target,3)"]["count"] == 207);
  CHECK(formulas["=ROUND((actual-baseline)/(target-baseline),3)"]["count"] == 16);
  CHECK(formulas["=ROUND(target/actual,3)"] == json{{"count", 2}, {"cells", {"P8", "P51"}}});
  CHECK(c["sheets"][0]["formulas"]["ratio against the year target"] == 207);
  CHECK(c["counts"]["mismatch"] == 1);
}

TEST_CASE("JSON of the prefecture grid carries the indicator type and its formula",
          "[cli][workbook][json]") {
  auto r = run_kpi_report("report --format json " + kpi::testing::quoted(prefecture_xlsx));
  REQUIRE(r.exit_code == 0);
  auto doc = json::parse(r.out);
  const auto* no14 = find_indicator(doc, "14");
  REQUIRE(no14);
  CHECK((*no14)["type_text"] == "現状維持型（Ⅱ）");
  CHECK((*no14)["rate_formula"] == "two_minus_ratio");
  CHECK((*no14)["direction"] == "maintain");
  const auto* o = find_observation(*no14, 2023);
  REQUIRE(o);
  CHECK((*o)["method"] == "two_minus_ratio");
  CHECK((*o)["cells"]["rate"] == "J18");
  CHECK((*o)["rate_formula"].is_null());  // printed rates are values in this workbook
  CHECK((*find_indicator(doc, "1"))["rate_formula"] == "progress");
  CHECK((*find_indicator(doc, "6"))["rate_formula"] == "ratio");
}

TEST_CASE("JSON sources of a workbook name the worksheet", "[cli][workbook][json]") {
  auto r = run_kpi_report("report --format json " + kpi::testing::quoted(takaoka_grid));
  REQUIRE(r.exit_code == 0);
  auto doc = json::parse(r.out);
  REQUIRE(doc["sources"].size() == 1);
  CHECK(doc["sources"][0]["sheet"] == "KPI進捗");
}

TEST_CASE("a workbook's JSON read back keeps its cells, formulas, stored values and verdicts",
          "[cli][workbook][json]") {
  auto json_path = kpi::testing::temp_file_path(".json");
  auto convert = run_kpi_report("convert --to json -o " + kpi::testing::quoted(json_path) + " " +
                                kpi::testing::quoted(takaoka_grid));
  REQUIRE(convert.exit_code == 0);
  auto again = run_kpi_report("check " + kpi::testing::quoted(json_path));
  CHECK(again.exit_code == 1);
  CHECK_THAT(again.out, Catch::Contains(takaoka_grid + ":KPI進捗!P22: error: "));
  CHECK_THAT(again.out, Catch::Contains("rate formula =ROUND(O22/K22,3) in P22 uses K22"));
  CHECK_THAT(again.out, Catch::Contains("=ROUND(actual/K22,3) in 1 cell (P22)"));
  CHECK_THAT(again.out,
             Catch::Contains("234 published rates checked: 233 match, 0 consistent, 1 mismatch, 0 "
                             "unchecked; 14 rates without a published rate"));
  auto report = run_kpi_report("report --format json " + kpi::testing::quoted(json_path));
  REQUIRE(report.exit_code == 0);
  auto doc = json::parse(report.out);
  const auto* o25 = find_observation(*find_indicator(doc, "22"), 2023);
  REQUIRE(o25);
  CHECK((*o25)["actual_stored"] == 79.2);
  CHECK((*o25)["cells"]["actual"] == "O25");
  CHECK((*o25)["verdict"] == "match");
  fs::remove(json_path);
}

TEST_CASE("formula rates saved without their values are warned about, not passed in silence",
          "[cli][workbook][check]") {
  auto r = run_kpi_report("check " +
                          kpi::testing::quoted(fixture("workbooks/takaoka-no-cached-values.xlsx")));
  CHECK(r.exit_code == 0);  // nothing wrong is known, but the reader is told why nothing passed
  CHECK_THAT(r.out, Catch::Contains("KPI進捗!G4: warning: 1 FY2020"));
  CHECK_THAT(r.out, Catch::Contains("without a computed value"));
  CHECK_THAT(r.out, Catch::Contains("11 published rates checked: 0 match, 0 consistent, 0 "
                                    "mismatch, 11 unchecked"));
}

TEST_CASE("a long table in a workbook (a 年度 per row) is read, its wrong rate caught",
          "[cli][workbook]") {
  auto row = [](int r, const std::string& no, const std::string& name, const std::string& year,
                const std::string& target, const std::string& actual, const std::string& rate) {
    auto n = std::to_string(r);
    return "<row r=\"" + n + "\">" + number_cell("A" + n, no) + text_cell("B" + n, name) +
           text_cell("C" + n, year) + number_cell("D" + n, target) + number_cell("E" + n, actual) +
           number_cell("F" + n, rate, "1") + "</row>";
  };
  std::string rows = "<row r=\"1\">" + text_cell("A1", "第2期小川市総合戦略 KPI実績一覧") +
                     "</row><row r=\"3\">" + text_cell("A3", "No") + text_cell("B3", "指標名") +
                     text_cell("C3", "年度") + text_cell("D3", "目標値") +
                     text_cell("E3", "実績値") + text_cell("F3", "達成率") + "</row>" +
                     row(4, "1", "移住者数", "R4", "90", "85", "0.944") +
                     row(5, "1", "移住者数", "R5", "100", "95", "0.96");
  auto path = kpi::testing::temp_file_path(".xlsx");
  std::ofstream(path, std::ios::binary)
      << kpi::testing::xlsx_bytes({{"KPI", kpi::testing::worksheet_xml(rows)}}, "", percent_styles);
  auto run = run_kpi_report("check " + kpi::testing::quoted(path));
  CHECK(run.exit_code == 1);
  // 95 / 100 = 95.0%, printed 96.0%: row 5 of sheet KPI.
  CHECK(run.out.find(path + ":KPI!5: error: 1 FY2023 移住者数: published 96.0%") !=
        std::string::npos);
  CHECK(run.out.find("2 published rates checked: 1 match, 0 consistent, 1 mismatch") !=
        std::string::npos);
  fs::remove(path);
}

TEST_CASE("a KPI on two sheets of one workbook: each sheet's row is named and quoted",
          "[cli][workbook][merge]") {
  // The same KPI on 速報 (95.0%, wrong: 180 / 200 = 90.0%) and 確定 (90.0%): the conflict
  // names both sheets' cells, and each diagnostic quotes its own sheet's row.
  auto path = kpi::testing::temp_file_path(".xlsx");
  std::ofstream(path, std::ios::binary)
      << kpi::testing::xlsx_bytes({{"速報", kpi_sheet("移住者数", "180", "0.95")},
                                   {"確定", kpi_sheet("移住者数", "180", "0.9")}},
                                  "", percent_styles);
  auto check = run_kpi_report("check " + kpi::testing::quoted(path));
  INFO(check.out);
  CHECK(check.exit_code == 1);
  CHECK_THAT(check.out, Catch::Contains("'95.0%' at " + path + ":速報!E2 is wrong"));
  CHECK_THAT(check.out, Catch::Contains("'90.0%' at " + path + ":確定!E2 differs from '95.0%' at " +
                                        path + ":速報!E2"));
  auto quoted_under = [&](const std::string& head) {
    auto at = check.out.find(head);
    REQUIRE(at != std::string::npos);
    auto line = check.out.find('\n', at) + 1;
    return check.out.substr(line, check.out.find('\n', line) - line);
  };
  CHECK_THAT(quoted_under(path + ":速報!E2: error:"), Catch::EndsWith("95.0%"));
  CHECK_THAT(quoted_under(path + ":確定!E2: warning:"), Catch::EndsWith("90.0%"));
  std::remove(path.c_str());
}
