// Which body a sheet is of (kpi/formats/body_of_sheet.hpp): the four cities' sheets, another
// city's sheet in one of their layouts, and what a run of several bodies keeps apart.
#include <catch2/catch.hpp>

#include <string>

#include "canonical_fixtures.hpp"
#include "kpi/formats/body_of_sheet.hpp"
#include "sheets.hpp"

using namespace kpi::testing::canonical;
using kpi::testing::data_path;
using kpi::testing::find_indicator;
using kpi::testing::load_sheet;

namespace {

// The bundled sheet at `relative` with its first `from` replaced by `to`, as a new file.
std::string retitled(const std::string& relative, const std::string& from, const std::string& to,
                     const std::string& name) {
  auto text = slurp(data_path(relative));
  auto at = text.find(from);
  REQUIRE(at != std::string::npos);
  text.replace(at, from.size(), to);
  return temp_file(name, text);
}

bool all_of_body(const kpi::model::Sheet& sheet, const std::string& slug, const std::string& name) {
  for (const auto& ind : sheet.parsed.indicators)
    if (ind.municipality != slug || ind.municipality_name != name) return false;
  return !sheet.parsed.indicators.empty();
}

const std::string joetsu = "joetsu/joetsu-kpi-progress-fy2023.tsv";

}  // namespace

TEST_CASE("body: the four cities' sheets are of their city", "[body-name]") {
  CHECK(
      all_of_body(load_sheet("takaoka/takaoka-kpi-progress-fy2020-2023.txt"), "takaoka", "高岡市"));
  CHECK(all_of_body(load_sheet(joetsu), "joetsu", "上越市"));
  CHECK(all_of_body(load_sheet("kanazawa/kanazawa-strategy-3rd-fy2024-2028.txt"), "kanazawa",
                    "金沢市"));  // "金 沢 市" on the cover
  // Toyama's sheet prints no name: its layout's profile names it.
  CHECK(all_of_body(load_sheet("toyama/toyama-strategy-progress-fy2020.tsv"), "toyama", "富山市"));
}

TEST_CASE("body: two cities named in kana are two cities, not the layout's", "[body-name][merge]") {
  const std::string takaoka = "takaoka/takaoka-kpi-progress-fy2020-2023.txt";
  auto kahoku = retitled(takaoka, "高岡市総合戦略", "かほく市総合戦略", "kahoku-fy2023.txt");
  auto tsukuba = retitled(takaoka, "高岡市総合戦略", "つくば市総合戦略", "tsukuba-fy2023.txt");
  auto result = run({kahoku, tsukuba});
  REQUIRE(result.sheets.size() == 2);
  // Takaoka's conventions (its layout), each city's own KPIs: nothing merged, none named 高岡市.
  CHECK(all_of_body(result.sheets[0], "takaoka", "かほく市"));
  CHECK(all_of_body(result.sheets[1], "takaoka", "つくば市"));
  CHECK(result.sheets[1].merged_kpis == 0);
  CHECK(result.sheets[0].parsed.indicators.size() == result.sheets[1].parsed.indicators.size());
  CHECK_FALSE(has_diagnostic(result.diagnostics, "input.merge-conflict", ""));
}

TEST_CASE("body: another city's sheet in a city's layout is that city's", "[body-name][merge]") {
  auto ogawa = retitled(joetsu, "上越市まち", "小川市まち", "ogawa-fy2023.tsv");
  auto result = run({data_path(joetsu), ogawa});
  REQUIRE(result.sheets.size() == 2);
  const auto& joetsu_sheet = result.sheets[0];
  const auto& ogawa_sheet = result.sheets[1];
  // Joetsu's conventions (its layout), 小川市's KPIs: two series each, none merged.
  CHECK(all_of_body(joetsu_sheet, "joetsu", "上越市"));
  CHECK(all_of_body(ogawa_sheet, "joetsu", "小川市"));
  CHECK(ogawa_sheet.merged_kpis == 0);
  CHECK(ogawa_sheet.parsed.indicators.size() == joetsu_sheet.parsed.indicators.size());
  CHECK_FALSE(has_diagnostic(result.diagnostics, "input.merge-conflict", ""));
  CHECK(find_indicator(ogawa_sheet, "A-1-1").name == "メイド・イン上越認証品数（累計）");
  // No cross-row finding pairs a KPI of one city with one of the other.
  for (const auto& finding : result.findings) {
    std::size_t of_ogawa = 0;
    for (const auto& row : finding.rows) of_ogawa += row.path.view() == ogawa;
    CHECK((of_ogawa == 0 || of_ogawa == finding.rows.size()));
  }
}

TEST_CASE("body: two sheets of one city still merge", "[body-name][merge]") {
  // The same title spaced out by a PDF: one body.
  auto again = retitled(joetsu, "上越市まち", "上 越 市 まち", "joetsu-again.tsv");
  auto result = run({data_path(joetsu), again});
  REQUIRE(result.sheets.size() == 2);
  CHECK(result.sheets[1].parsed.indicators.empty());
  CHECK(result.sheets[1].merged_kpis ==
        static_cast<int>(result.sheets[0].parsed.indicators.size()));
}

TEST_CASE("body: a sheet naming a city with a profile takes its conventions", "[body-name]") {
  auto sheet = read_text(slurp(retitled("takaoka/takaoka-kpi-progress-fy2020-2023.txt",
                                        "第２期高岡市", "第２期富山市", "toyama-like.txt")),
                         "toyama-like.txt");
  CHECK(sheet.format == "takaoka");
  CHECK(all_of_body(sheet, "toyama", "富山市"));
}

TEST_CASE("body: canonical CSV names a body by slug, by printed name or both", "[body-name]") {
  auto sheet = read_text(
      "municipality,municipality_name,id,name,fiscal_year,target,actual\n"
      "Takaoka,,1,移住者数,2024,100,90\n"
      "新田市,,2,移住者数,2024,100,90\n"
      "joetsu,小 川 市,3,移住者数,2024,100,90\n"
      "nitta,,4,移住者数,2024,100,90\n");
  const auto& all = sheet.parsed.indicators;
  REQUIRE(all.size() == 4);
  CHECK((all[0].municipality == "takaoka" && all[0].municipality_name == "高岡市"));
  CHECK((all[1].municipality == "unknown" && all[1].municipality_name == "新田市"));
  CHECK((all[2].municipality == "joetsu" && all[2].municipality_name == "小川市"));
  CHECK((all[3].municipality == "nitta" && all[3].municipality_name.empty()));
}

TEST_CASE("body: canonical CSV and JSON keep a body the slug does not name", "[body-name]") {
  auto ogawa = retitled(joetsu, "上越市まち", "小川市まち", "ogawa-convert.tsv");
  auto result = run({ogawa});
  auto csv = as_csv(result);
  CHECK(csv.rfind("\xEF\xBB\xBFmunicipality,municipality_name,id,", 0) == 0);  // BOM first
  auto from_csv = read_text(csv, "ogawa.csv");
  CHECK(all_of_body(from_csv, "joetsu", "小川市"));
  auto from_json = read_text(as_json(result), "ogawa.json");
  CHECK(all_of_body(from_json, "joetsu", "小川市"));
  // A city's own sheet needs no column: its slug names it.
  auto own = as_csv(run({data_path(joetsu)}));
  CHECK(own.find("municipality_name") == std::string::npos);
  CHECK(all_of_body(read_text(own, "joetsu.csv"), "joetsu", "上越市"));
}

TEST_CASE("body: a JSON document made before municipality_name takes the profile's name",
          "[body-name]") {
  auto json = as_json(run({data_path(joetsu)}));
  std::string without;
  for (std::size_t at = 0;;) {
    auto field = json.find("\"municipality_name\"", at);
    if (field == std::string::npos) {
      without += json.substr(at);
      break;
    }
    without += json.substr(at, field - at);
    at = json.find('\n', field) + 1;
    without += '\n';
  }
  REQUIRE(without.find("municipality_name") == std::string::npos);
  CHECK(all_of_body(read_text(without, "old.json"), "joetsu", "上越市"));
}

TEST_CASE("body: printed names near each other are two bodies, not a typo", "[body-name][merge]") {
  auto first = temp_file("oshima-town.csv",
                         "municipality,id,name,fiscal_year,target,actual\n"
                         "大島町,1,移住者数,2023,100,90\n");
  auto second = temp_file("kojima-town.csv",
                          "municipality,id,name,fiscal_year,target,actual\n"
                          "小島町,1,移住者数,2024,100,95\n");
  auto result = run({first, second});
  CHECK(result.sheets[1].merged_kpis == 0);
  CHECK_FALSE(has_diagnostic(result.diagnostics, "input.merge-near-miss", ""));
}

TEST_CASE("body: a sheet's body is the one its KPIs share, else none", "[body-name]") {
  CHECK(kpi::model::sheet_body(load_sheet(joetsu)) == "上越市");
  auto prefecture = read_text(
      "富山県 施策評価\n"
      "市町村,指標名,R5目標値,R5実績値,R5達成率\n"
      "高岡市,移住者数,100,90,90.0%\n"
      "氷見市,観光客数,10,9,90.0%\n",
      "prefecture.csv");
  REQUIRE(prefecture.parsed.indicators.size() == 2);
  CHECK(kpi::model::sheet_body(prefecture).empty());
  CHECK(kpi::model::sheet_body(kpi::model::Sheet{}).empty());
}
