// report --format xlsx read back with the project's own xlsx reader: sheets, cells, number
// formats and the display Excel shows; and the CLI's refusal to write it to a terminal.
#include <catch2/catch.hpp>

#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "cli/run_binary.hpp"
#include "kpi/grid/workbook_reader.hpp"
#include "kpi/report/writers.hpp"
#include "sheets.hpp"

namespace {

using namespace kpi;

const std::string takaoka_path = "takaoka/takaoka-kpi-progress-fy2020-2023.txt";

const PipelineResult& takaoka() {
  static const auto result = run_pipeline({testing::data_path(takaoka_path)}, {});
  return result;
}

grid::Workbook render_book(report::Lang lang = report::Lang::en) {
  report::ReportOptions options;
  options.lang = lang;
  std::ostringstream out;
  report::render(*report::find_report_writer("xlsx"), out, takaoka(), options);
  auto bytes = out.str();
  REQUIRE(bytes.rfind("PK", 0) == 0);
  auto read = grid::read_xlsx(bytes);
  INFO(read.error);
  REQUIRE(read.book);
  return *read.book;
}

const grid::Sheet& sheet_named(const grid::Workbook& book, const std::string& name) {
  for (const auto& s : book.sheets)
    if (s.name == name) return s;
  FAIL("no sheet " << name);
  throw std::logic_error("unreachable");
}

int column(const grid::Sheet& sheet, const std::string& header) {
  for (int c = 0; c < static_cast<int>(sheet.rows.at(0).size()); ++c)
    if (sheet.at(0, c)->value == header) return c;
  FAIL("no column " << header);
  return -1;
}

int row_of(const grid::Sheet& sheet, const std::string& id, const std::string& year,
           const std::string& id_header = "id", const std::string& year_header = "fiscal_year") {
  int ic = column(sheet, id_header), yc = column(sheet, year_header);
  for (int r = 1; r < static_cast<int>(sheet.rows.size()); ++r) {
    const auto* i = sheet.at(r, ic);
    const auto* y = sheet.at(r, yc);
    if (i && y && i->value == id && y->value == year) return r;
  }
  FAIL("no row " << id << " " << year);
  return -1;
}

}  // namespace

TEST_CASE("xlsx report: summary, KPIs and findings sheets", "[report][xlsx]") {
  auto book = render_book();
  REQUIRE(book.sheets.size() == 3);
  CHECK(book.sheets[0].name == "Summary");
  CHECK(book.sheets[1].name == "KPIs");
  CHECK(book.sheets[2].name == "Findings");
  auto ja = render_book(report::Lang::ja);
  CHECK(ja.sheets[0].name == "概要");
  CHECK(ja.sheets[1].name == "指標");
  CHECK(ja.sheets[2].name == "指摘事項");
}

TEST_CASE("xlsx report: KPI cells are numbers with number and percent formats", "[report][xlsx]") {
  auto book = render_book();
  const auto& kpis = sheet_named(book, "KPIs");
  std::size_t observations = 0;
  for (const auto& s : takaoka().sheets)
    for (const auto& ind : s.parsed.indicators)
      observations += std::max<std::size_t>(1, ind.observations.size());
  CHECK(kpis.rows.size() == observations + 1);

  int r = row_of(kpis, "No.22", "2023");
  auto cell = [&](const std::string& header) { return *kpis.at(r, column(kpis, header)); };
  CHECK(cell("fiscal_year").kind == grid::CellKind::number);
  CHECK(cell("fiscal_year").number_format == "0");
  CHECK(cell("target").kind == grid::CellKind::number);
  CHECK(cell("target").value == "95");
  CHECK(cell("actual").value == "79");
  CHECK(cell("baseline").number_format == "#,##0.0");
  CHECK(cell("baseline").display == "34.6");
  CHECK(cell("published_rate").kind == grid::CellKind::number);
  CHECK(cell("published_rate").number_format == "0.0%");
  CHECK(cell("published_rate").value == "0.834");
  CHECK(cell("published_rate").display == "83.4%");
  CHECK(cell("recomputed_rate").display == "83.2%");
  CHECK(cell("verdict").value == "consistent");
  CHECK(cell("status").value == "behind");
  CHECK(cell("achieved").kind == grid::CellKind::boolean);
  CHECK(cell("achieved").value == "FALSE");
  CHECK(cell("grade").value == "B");
  CHECK(cell("name").kind == grid::CellKind::text);

  int one = row_of(kpis, "No.1", "2023");
  CHECK(kpis.at(one, column(kpis, "actual"))->value == "-475");
  CHECK(kpis.at(one, column(kpis, "published_rate"))->display == "-361.2%");
}

TEST_CASE("xlsx report: the summary counts the whole plan and each basic goal", "[report][xlsx]") {
  auto book = render_book();
  const auto& summary = sheet_named(book, "Summary");
  auto expected = report::summarize(takaoka(), {});
  CHECK(summary.at(0, 0)->value == "Summary");
  CHECK(summary.at(2, 0)->value == "goal");
  CHECK(summary.at(2, 2)->value == "KPIs");
  CHECK(summary.at(3, 0)->value == "whole plan");
  CHECK(summary.at(3, 2)->value == std::to_string(expected.total.kpis));
  CHECK(summary.at(3, 3)->value == std::to_string(expected.total.achieved));
  CHECK(summary.at(3, 4)->value == std::to_string(expected.total.behind));
  CHECK(summary.at(3, 5)->value == std::to_string(expected.total.no_data));
  CHECK(summary.at(3, 6)->number_format == "0.0%");
  REQUIRE(expected.goals.size() > 1);
  CHECK(summary.at(4, 0)->value == expected.goals[0].label);
  CHECK(summary.at(4, 2)->value == std::to_string(expected.goals[0].counts.kpis));
  CHECK(static_cast<int>(summary.rows.size()) >= 4 + static_cast<int>(expected.goals.size()));
}

TEST_CASE("xlsx report: findings sheet has its header", "[report][xlsx]") {
  auto book = render_book();
  const auto& findings = sheet_named(book, "Findings");
  CHECK(findings.at(0, 0)->value == "severity");
  CHECK(findings.at(0, 4)->value == "message");
}

TEST_CASE("xlsx report: refused on a terminal, written to a pipe or a file",
          "[report][xlsx][cli]") {
  auto sheet = testing::quoted_data(takaoka_path);
  auto piped = testing::run_kpi_report("report --format xlsx " + sheet);
  CHECK(piped.exit_code == 0);
  CHECK(piped.out.rfind("PK", 0) == 0);

  auto dir = std::filesystem::temp_directory_path() / ("kpi-xlsx-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  auto file = (dir / "report.xlsx").string();
  auto written =
      testing::run_kpi_report("report --format xlsx -o " + testing::quoted(file) + " " + sheet);
  CHECK(written.exit_code == 0);
  CHECK(grid::sniff_workbook(testing::read_bytes(file)) == grid::WorkbookKind::xlsx);

  // script(1) gives the command a terminal as stdout.
  if (std::system("command -v script >/dev/null 2>&1") == 0) {
    auto log = (dir / "tty.log").string();
    std::string command = "script -qec \"" + std::string(KPI_BINARY) + " report --format xlsx " +
                          sheet + "\" /dev/null >" + testing::quoted(log) + " 2>&1";
    int status = std::system(command.c_str());
    CHECK(WEXITSTATUS(status) == 2);
    auto text = testing::read_bytes(log);
    CHECK_THAT(text, Catch::Contains("-o report.xlsx"));
    CHECK(text.find("PK") == std::string::npos);
  }
  std::filesystem::remove_all(dir);
}

TEST_CASE("report: --encoding is for csv only", "[report][analysis-csv][cli]") {
  auto sheet = testing::quoted_data(takaoka_path);
  auto table = testing::run_kpi_report("report --format table --encoding cp932 " + sheet);
  CHECK(table.exit_code == 2);
  CHECK_THAT(table.err, Catch::Contains("--encoding"));
  auto csv = testing::run_kpi_report("report --format csv --encoding cp932 --lang ja " + sheet);
  CHECK(csv.exit_code == 0);
  CHECK(csv.out.rfind("\xEF\xBB\xBF", 0) != 0);
  CHECK(csv.out.find(testing::encode_as("指標名", "windows-31j")) != std::string::npos);
}
