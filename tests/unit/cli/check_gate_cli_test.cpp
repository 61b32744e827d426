// `kpi-report check` as CI runs it: the gate, inputs without sheets, and machine formats that
// print once, on stdout.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>

#include <xlsxwriter.h>
#include <nlohmann/json.hpp>

#include "cli/run_binary.hpp"

using kpi::testing::quoted;
using kpi::testing::quoted_data;
using kpi::testing::run_kpi_report;

namespace {

namespace fs = std::filesystem;

// A fresh directory under the temp dir for one test.
fs::path scratch(const std::string& name) {
  auto dir = fs::temp_directory_path() / ("kpi-gate-" + std::to_string(::getpid()) + "-" + name);
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

void write(const fs::path& path, const std::string& content) {
  std::ofstream(path, std::ios::binary) << content;
}

// A canonical sheet whose only problem is one wrong published rate (50 of 100 printed 60.0%).
const char* const wrong_rate_sheet =
    "municipality,id,name,unit,direction,fiscal_year,target,actual,published_rate\n"
    "testcity,No.1,相談件数,件,increase,2022,100,50,60.0%\n"
    "testcity,No.2,満足度,%,increase,2022,80.0,40.0,50.0%\n";

const char* const machine_formats[] = {"json", "github", "junit", "sarif"};

}  // namespace

TEST_CASE("check: an option that reads stricter never passes a wrong rate", "[cli][check][gate]") {
  auto dir = scratch("wrong-rate");
  write(dir / "sheet.csv", wrong_rate_sheet);
  auto sheet = quoted((dir / "sheet.csv").string());
  for (const char* options :
       {"", "--fail-on mismatch", "--fail-on consistent", "--fail-on finding",
        "--fail-on consistent,finding", "--fail-on finding --fail-on mismatch"}) {
    INFO(options);
    auto r = run_kpi_report(std::string("check ") + options + " " + sheet);
    CHECK(r.exit_code == 1);
    CHECK_THAT(r.out, Catch::Contains("sheet.csv:2: error: No.1 FY2022"));
    CHECK_THAT(r.out, Catch::Contains("1 failing"));
  }
  // The gate's options take one value each, also when an option follows the paths.
  for (const char* options : {"--fail-on consistent", "--fail-on consistent,finding"}) {
    INFO(options);
    auto r = run_kpi_report(std::string("check ") + options + " " + sheet + " -v");
    CHECK(r.exit_code == 1);
    CHECK_THAT(r.out, Catch::Contains("1 failing"));
  }
  auto let_through = run_kpi_report("check --no-fail-on mismatch " + sheet);
  CHECK(let_through.exit_code == 0);
  CHECK_THAT(let_through.out, Catch::Contains("sheet.csv:2: warning: No.1 FY2022"));
  auto contradiction = run_kpi_report("check --fail-on mismatch --no-fail-on mismatch " + sheet);
  CHECK(contradiction.exit_code == 2);
  CHECK_THAT(contradiction.err, Catch::Contains("contradict"));
  for (const char* bad : {"-1", "abc", "1%"}) {
    INFO(bad);
    auto r = run_kpi_report(std::string("check --tolerance ") + bad + " " + sheet);
    CHECK(r.exit_code == 2);
    CHECK_THAT(r.err, Catch::Contains("--tolerance"));
  }
  // 60.0% for 50 of 100 is 10 points off: a tolerance of 10 lets it through, 9.9 does not.
  CHECK(run_kpi_report("check --tolerance 9.9 " + sheet).exit_code == 1);
  CHECK(run_kpi_report("check --tolerance 10 " + sheet).exit_code == 0);
  fs::remove_all(dir);
}

TEST_CASE("check: an input without a KPI sheet is an input error in every format",
          "[cli][check][inputs]") {
  auto empty = scratch("empty");
  auto readme = scratch("readme");
  write(readme / "README.md", "# sheets go here\n");
  for (const auto& dir : {empty, readme})
    for (const char* format : {"text", "json", "github", "junit", "sarif"}) {
      INFO(dir.string() << " " << format);
      auto r = run_kpi_report(std::string("check -f ") + format + " " + quoted(dir.string()));
      CHECK(r.exit_code == 2);
      CHECK_THAT(r.out, Catch::Contains("no KPI sheet in " + dir.string()));
    }
  auto named = run_kpi_report("check " + quoted((readme / "README.md").string()));
  CHECK(named.exit_code == 2);
  CHECK_THAT(named.out, Catch::Contains("README.md:1: error: holds no KPI table"));
  fs::remove_all(empty);
  fs::remove_all(readme);
}

TEST_CASE("check: files of a directory scan that are no sheet are listed in a note",
          "[cli][check][inputs]") {
  auto dir = scratch("mixed");
  write(dir / "README.md", "# sheets go here\n");
  write(dir / "logo.png", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16));
  write(dir / "report.pdf",
        std::string("%PDF-1.4\n%\xe2\xe3\xcf\xd3\nstream\n\0\1\2\3\nendstream\n", 37));
  fs::create_directories(dir / "profiles");
  fs::copy_file(std::string(KPI_DATA_DIR) + "/profiles/takaoka.json",
                dir / "profiles" / "takaoka.json");
  write(dir / "sheet.csv", wrong_rate_sheet);
  auto r = run_kpi_report("check " + quoted(dir.string()));
  CHECK(r.exit_code == 1);  // the wrong rate, not an input error
  CHECK_THAT(r.out,
             Catch::Contains(": note: skipped 4 files that are no KPI sheet: README.md, logo.png, "
                             "profiles/takaoka.json, report.pdf"));
  CHECK_THAT(r.out, Catch::Contains("[input.skipped-files]"));
  fs::remove_all(dir);
}

TEST_CASE("check: machine formats print once, on stdout, nothing on stderr",
          "[cli][check][formats]") {
  for (const char* format : machine_formats) {
    INFO(format);
    auto r = run_kpi_report(std::string("check -f ") + format + " " + quoted_data(""));
    CHECK(r.exit_code == 1);
    CHECK(r.err.empty());
    CHECK_THAT(r.out, Catch::Contains("skipped"));  // the input note is in the output itself
    CHECK_THAT(r.out, Catch::Contains("3-02"));
  }
}

TEST_CASE("a misspelt command is named, with the command meant", "[cli][usage]") {
  auto r = run_kpi_report("chek x.csv");
  CHECK(r.exit_code == 2);
  CHECK_THAT(r.err, Catch::Contains("unknown command 'chek' (did you mean check?)"));
  CHECK_THAT(run_kpi_report("reprot x.csv").err, Catch::Contains("(did you mean report?)"));
  // An existing path is a sheet to report, whatever its name.
  auto dir = scratch("chek");
  write(dir / "chek", wrong_rate_sheet);
  auto as_path = run_kpi_report("chek");
  CHECK(as_path.exit_code == 2);
  auto existing = std::string("cd ") + quoted(dir.string()) + " && " + quoted(KPI_BINARY) +
                  " chek >/dev/null 2>&1";
  CHECK(std::system(existing.c_str()) == 0);
  // Far from every command: read as a path, as before.
  CHECK_THAT(run_kpi_report("nosuchthing.csv").err, Catch::Contains("no such file or directory"));
  CHECK(run_kpi_report("check " + quoted((dir / "chek").string())).exit_code == 1);
  fs::remove_all(dir);
}

TEST_CASE("check messages a reviewer can act on", "[cli][check][messages]") {
  auto joetsu = run_kpi_report("check " + quoted_data("joetsu"));
  CHECK(joetsu.exit_code == 0);
  CHECK_THAT(joetsu.out,
             Catch::Contains(
                 "joetsu-kpi-progress-fy2023.tsv: 61 rates computed; the sheet publishes none"));
  CHECK_THAT(joetsu.out, !Catch::Contains("unchecked"));
  auto toyama = run_kpi_report("check " + quoted_data("toyama"));
  // The KPI name, the inputs as printed, the difference.
  CHECK_THAT(toyama.out,
             Catch::Contains(":78: error: 3-02 #3 FY2020 ③妊娠・出産について満足している者の割合"));
  CHECK_THAT(toyama.out, Catch::Contains("published 1%, recomputed 93% = actual 83.8% / target "
                                         "90% (ratio against the final target), difference -92 "
                                         "points"));
  // 4-05 (1.9% of a 2.0% to keep, printed 100%) matches by the profile's maintain-within rule.
  CHECK_THAT(toyama.out, !Catch::Contains(":126: error: 4-05"));
  // A re-listed row quotes its values line, not the line holding only its number ("16").
  auto takaoka =
      run_kpi_report("check " + quoted_data("takaoka/takaoka-kpi-progress-fy2020-2023.txt"));
  CHECK_THAT(takaoka.out,
             Catch::Contains("FY2020 published rate 95.8% vs 95.4% [finding.relisted-differs]\n"
                             "    12,004 11,499 95.8% 12,024"));
}

TEST_CASE("check --tolerance reaches workbooks and rounding steps, and nothing more",
          "[cli][check][gate]") {
  auto book =
      quoted(std::string(KPI_TESTS_DIR) + "/fixtures/grid/prefecture-policy-evaluation-r5.xlsx");
  auto mismatches = [&](const std::string& options) {
    auto r = run_kpi_report("check -f json " + options + " " + book);
    INFO(r.err);
    return nlohmann::json::parse(r.out)["counts"]["mismatch"].get<int>();
  };
  CHECK(mismatches("") == 5);  // the five planted wrong rates (tests/fixtures/README.md)
  // J16 prints 73.4% for exactly 73.45% (rounded down): 0.1 points tolerates that step only.
  CHECK(mismatches("--tolerance 0.1") == 4);
  CHECK(mismatches("--tolerance 0") == 5);
  CHECK(mismatches("--tolerance 5") == 4);  // the others are 6 to 125 points off
}

TEST_CASE("check counts published rates apart from rates the sheet does not publish",
          "[cli][check][messages]") {
  auto r = run_kpi_report("check " + quoted_data("takaoka/takaoka-kpi-progress-fy2020-2023.txt"));
  CHECK_THAT(r.out, Catch::Contains(
                        "242 published rates checked: 234 match, 8 consistent, 0 mismatch, "
                        "0 unchecked; 14 rates without a published rate; 4 findings; 3 failing"));
  // 242 = 234 + the 8 rates of No.9 and No.50, rebuilt from their displaced cells.
  auto json = run_kpi_report("check -f json " +
                             quoted_data("takaoka/takaoka-kpi-progress-fy2020-2023.txt"));
  auto counts = nlohmann::json::parse(json.out)["counts"];
  CHECK(counts["unchecked"] == 14);
  CHECK(counts["unpublished"] == 14);
}

TEST_CASE("check on a workbook: facts name the sheet and cell, JUnit a suite per worksheet",
          "[cli][check][structured]") {
  auto book =
      quoted(std::string(KPI_TESTS_DIR) + "/fixtures/workbooks/takaoka-kpi-grid-fy2020-2023.xlsx");
  auto json = run_kpi_report("check -f json " + book);
  CHECK(json.err.empty());
  std::vector<nlohmann::json> wrong;
  auto doc = nlohmann::json::parse(json.out);
  for (const auto& item : doc["items"])
    if (item.value("verdict", "") == "mismatch") wrong.push_back(item["rate"]);
  REQUIRE(wrong.size() == 1);  // the planted wrong-reference formula (tests/fixtures/README.md)
  CHECK(wrong[0]["location"]["sheet"] == "KPI進捗");
  CHECK(wrong[0]["location"]["cell"] == "P22");
  CHECK(wrong[0]["fiscal_year"] == 2023);
  auto junit = run_kpi_report("check -f junit " + book);
  CHECK_THAT(
      junit.out,
      Catch::Contains("takaoka-kpi-grid-fy2020-2023.xlsx:KPI進捗\" tests=\"252\" failures=\"4\""));
}

TEST_CASE("a gate option takes one value, so the paths after it stay paths", "[cli][check][gate]") {
  auto r = run_kpi_report("check --no-fail-on finding " + quoted_data("joetsu"));
  INFO(r.err);
  CHECK(r.exit_code == 0);  // Joetsu's findings are warnings and errors taken out; no rates fail
  auto twice =
      run_kpi_report("check --fail-on consistent --fail-on finding " + quoted_data("joetsu"));
  CHECK(twice.exit_code == 1);  // its findings now fail
}

TEST_CASE("check: a rate printed as a spreadsheet error fails, one printed as words is counted",
          "[cli][check][gate]") {
  auto dir = scratch("unread-rates");
  write(dir / "grid.csv",
        "令和5年度 KPI検証\n"
        "No,指標名,単位,基準値,目標値,実績値,達成率\n"
        "1,移住者数,人,50,100,80,#DIV/0!\n"
        "2,観光客数,千人,100,200,150,達成\n");
  auto run = run_kpi_report("check " + quoted((dir / "grid.csv").string()));
  CHECK(run.exit_code == 1);
  // Printed, though not as a number: unchecked, not "without a published rate".
  CHECK(run.out.find("2 published rates checked: 0 match, 0 consistent, 1 mismatch, 1 unchecked; "
                     "0 rates without a published rate") != std::string::npos);
  fs::remove_all(dir);
}

TEST_CASE("check: values printed with −, ＋, a mark or brackets are checked, not passed",
          "[cli][check][gate]") {
  // Each wrong rate used to pass as unchecked: the actual −150 (U+2212) and the target ＋100
  // held no number, nor did the rates ※75.0% and (75.0%).
  auto dir = scratch("signed-values");
  write(dir / "grid.csv",
        "令和5年度 KPI検証\n"
        "No,指標名,単位,基準値,目標値,実績値,達成率\n"
        "1,社会増減数,人,▲200,0,−100,50.0%\n"      // right: (−100 − −200) / 200
        "2,転入超過数,人,▲200,0,−150,75.0%\n"      // wrong: 25.0%
        "3,移住者数,人,50,＋100,80,90.0%\n"        // wrong: 80.0%
        "4,観光客数,千人,100,＋200,150,75.0%\n"    // right
        "5,交流人口,千人,100,200,150,※75.0%\n"     // right
        "6,定住人口,千人,100,200,120,(75.0%)\n");  // wrong: 60.0%
  auto run = run_kpi_report("check --format json " + quoted((dir / "grid.csv").string()));
  INFO(run.out);
  CHECK(run.exit_code == 1);
  auto doc = nlohmann::json::parse(run.out);
  CHECK(doc["counts"]["match"] == 3);
  CHECK(doc["counts"]["mismatch"] == 3);
  CHECK(doc["counts"]["unchecked"] == 0);
  std::map<std::string, std::string> verdicts;
  for (const auto& item : doc["items"])
    verdicts[item["rate"]["id"].get<std::string>()] = item["verdict"].get<std::string>();
  CHECK(verdicts["1"] == "match");
  CHECK(verdicts["2"] == "mismatch");
  CHECK(verdicts["3"] == "mismatch");
  CHECK(verdicts["4"] == "match");
  CHECK(verdicts["5"] == "match");
  CHECK(verdicts["6"] == "mismatch");
  for (const auto& item : doc["items"]) {
    const auto& rate = item["rate"];
    if (rate["id"] == "2")
      CHECK(rate["actual"] == nlohmann::json{{"text", "−150"}, {"number", -150}});
    if (rate["id"] == "3")
      CHECK(rate["target"] == nlohmann::json{{"text", "＋100"}, {"number", 100}});
  }
  fs::remove_all(dir);
}

TEST_CASE("check --fail-on unchecked fails a published rate that cannot be checked",
          "[cli][check][gate]") {
  // 90.0% printed for a KPI without an actual: nothing to compute it from.
  auto dir = scratch("unchecked-rate");
  write(dir / "sheet.csv",
        "令和5年度 KPI進捗\n指標名,目標値(R5),実績値(R5),達成率\n移住者数,600,―,90.0%\n"
        "観光客数,100,90,90.0%\n");
  auto sheet = quoted((dir / "sheet.csv").string());
  auto lenient = run_kpi_report("check " + sheet);
  CHECK(lenient.exit_code == 0);
  auto strict = run_kpi_report("check --fail-on unchecked " + sheet);
  CHECK(strict.exit_code == 1);
  CHECK_THAT(strict.out, Catch::Contains("1 failing"));
  CHECK_THAT(strict.out,
             Catch::Contains("sheet.csv:3: error: 移住者数 FY2023 移住者数: unchecked"));
  auto contradiction = run_kpi_report("check --fail-on unchecked --no-fail-on mismatch " + sheet);
  CHECK(contradiction.exit_code == 2);
}

TEST_CASE("check counts each sheet's rates under it when its KPIs join an earlier sheet's",
          "[cli][check][merge]") {
  auto dir = scratch("joined");
  write(dir / "a.csv",
        "指標名,単位,基準値,R5目標値,R5実績値,R5達成率\n"
        "観光客数,人,100,200,150,75.0%\n来場者数,人,100,200,150,75.0%\n");
  write(dir / "b.csv",
        "指標名,単位,基準値,R6目標値,R6実績値,R6達成率\n"
        "観光客数,人,100,200,160,80.0%\n来場者数,人,100,200,150,70.0%\n");
  auto r = run_kpi_report("check " + quoted((dir / "a.csv").string()) + " " +
                          quoted((dir / "b.csv").string()));
  CHECK(r.exit_code == 1);
  CHECK_THAT(r.out, Catch::Contains("a.csv: formulas: ratio against the year target ×2\n"));
  CHECK_THAT(r.out, Catch::Contains("b.csv: formulas: ratio against the year target ×1\n"));
  CHECK_THAT(r.out, !Catch::Contains("publishes none"));
  auto json = nlohmann::json::parse(run_kpi_report("check --format json " +
                                                   quoted((dir / "a.csv").string()) + " " +
                                                   quoted((dir / "b.csv").string()))
                                        .out);
  REQUIRE(json["sheets"].size() == 2);
  CHECK(json["sheets"][0]["formulas"]["ratio against the year target"] == 2);
  CHECK(json["sheets"][1]["formulas"]["ratio against the year target"] == 1);
}

namespace {

// A workbook with a KPI sheet (when `with_data`) and a sheet of the same header alone.
void write_book_with_template(const fs::path& path, bool with_data) {
  lxw_workbook* book = workbook_new(path.c_str());
  auto header = [](lxw_worksheet* sheet) {
    const char* titles[] = {"No", "指標名", "目標値(R5)", "実績値(R5)", "達成率(R5)"};
    for (int c = 0; c < 5; ++c) worksheet_write_string(sheet, 0, c, titles[c], nullptr);
  };
  if (with_data) {
    lxw_worksheet* data = workbook_add_worksheet(book, "data");
    header(data);
    worksheet_write_number(data, 1, 0, 1, nullptr);
    worksheet_write_string(data, 1, 1, "観光客数", nullptr);
    worksheet_write_number(data, 1, 2, 100, nullptr);
    worksheet_write_number(data, 1, 3, 90, nullptr);
    worksheet_write_string(data, 1, 4, "90.0%", nullptr);
  }
  header(workbook_add_worksheet(book, "template"));
  workbook_close(book);
}

}  // namespace

TEST_CASE("a sheet of a KPI header alone is a note beside KPI sheets, an error alone",
          "[cli][check][workbook]") {
  auto dir = scratch("header-only");
  write_book_with_template(dir / "book.xlsx", true);
  write_book_with_template(dir / "empty.xlsx", false);
  auto both = run_kpi_report("check " + quoted((dir / "book.xlsx").string()));
  CHECK(both.exit_code == 0);
  CHECK_THAT(both.out, Catch::Contains("book.xlsx:template: note: a KPI table's header without "
                                       "rows below it"));
  CHECK_THAT(both.out, Catch::Contains("1 published rates checked: 1 match"));
  auto alone = run_kpi_report("check " + quoted((dir / "empty.xlsx").string()));
  CHECK(alone.exit_code == 2);
  CHECK_THAT(alone.out, Catch::Contains("empty.xlsx: error: no KPI rows in the workbook: the KPI "
                                        "table header of template has no rows below it"));
}
