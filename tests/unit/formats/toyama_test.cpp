#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "sheets.hpp"

#include "kpi/formats/registry.hpp"
#include "kpi/formats/toyama.hpp"
#include "kpi/model/measured_year.hpp"

namespace {

using kpi::model::Direction;
using kpi::model::DirectionSource;
using kpi::model::Indicator;
using kpi::model::ParseOutput;
using kpi::model::Qualifier;

const char* const sheet_path = KPI_DATA_DIR "/toyama/toyama-strategy-progress-fy2020.tsv";

using kpi::testing::read_bytes;

const ParseOutput& sheet() {
  static const ParseOutput out = kpi::formats::toyama::parse(read_bytes(sheet_path), "toyama.tsv");
  return out;
}

// The KPI `seq` of measure `id` in its `listing`-th appearance (2 = a (再掲) row).
const Indicator& kpi_of(const ParseOutput& out, const std::string& id, int seq = 1,
                        int listing = 1) {
  int seen = 0;
  for (const auto& ind : out.indicators)
    if (ind.id == id && ind.seq == seq && ++seen == listing) return ind;
  FAIL("no KPI " << id << " #" << seq << " (listing " << listing << ")");
  throw;
}

double number(const kpi::model::Value& v) {
  REQUIRE(v.number);
  return v.number->to_double();
}

bool has_diagnostic(const ParseOutput& out, int line, const std::string& part) {
  for (const auto& d : out.diagnostics)
    if (d.location.line == line && d.message.find(part) != std::string::npos) return true;
  return false;
}

// A small sheet: title, goal, the two header rows, then `rows` (cells joined by tabs).
std::string synthetic(const std::vector<std::string>& rows,
                      const std::string& second_header =
                          "\t\t\t項目\t基準値\t目標値 (令和6年度末時点)\t令和2年度末時点\t達成率\t"
                          "変更後の目標値 (令和6年度末時点)\t変更後の達成率\t\t") {
  std::string text = "総合戦略に記載されている各種施策の取組状況\n\n【基本目標1】テスト目標\n\n";
  text += "施策番号\t施策\t施策の内容\tKPI(重要業績評価指標)\t\t\t\t\t\t\t主な個別事業\t備考\n";
  text += second_header + "\n";
  for (const auto& r : rows) text += r + "\n";
  return text;
}

void require_rows_balance(const ParseOutput& out) {
  REQUIRE(out.rows_read == out.rows_used + static_cast<int>(out.skipped.size()));
}

}  // namespace

TEST_CASE("toyama: every KPI of the FY2020 sheet, every row accounted for", "[toyama]") {
  const auto& out = sheet();
  CHECK(out.indicators.size() == 84);
  CHECK(out.rows_read == 79);
  CHECK(out.rows_used == 76);
  require_rows_balance(out);
  REQUIRE(out.skipped.size() == 3);
  CHECK(out.skipped[0].line == 107);  // 国土強靱化地域計画の推進: no 施策番号, no KPI
  CHECK(out.skipped[1].line == 140);  // 4-11: no KPI
  CHECK(out.skipped[2].line == 141);  // 4-12: no KPI
  for (const auto& d : out.diagnostics) CHECK(d.severity != kpi::model::Severity::error);
  for (const auto& ind : out.indicators) {
    CHECK(ind.municipality == "toyama");
    REQUIRE(ind.observations.size() == 1);
    CHECK(kpi::model::column_year(ind.observations[0]) == 2020);
    CHECK_FALSE(ind.observations[0].target.number);  // the rate is against the final target
  }
}

TEST_CASE("toyama: 1-01 with its revised target and rate", "[toyama]") {
  const auto& k = kpi_of(sheet(), "1-01");
  CHECK(k.name == "ベンチャー企業等新商品市場創出促進助成金交付件数");
  CHECK(k.measure == "新商品の販路開拓支援");
  CHECK(k.goal.rfind("【基本目標1】産業活力の向上により", 0) == 0);
  CHECK(k.unit == "件");
  CHECK(number(k.baseline.value) == 6);
  CHECK(k.baseline.value.text == "6件(平成30年度)");
  CHECK(k.baseline.fiscal_year == 2018);
  CHECK(number(k.final_target.value) == 30);
  CHECK(k.final_target.fiscal_year == 2024);
  CHECK(k.cumulative);
  CHECK(k.direction == Direction::increase);
  CHECK(k.direction_source == DirectionSource::inferred);
  CHECK_FALSE(k.relisted_of);
  const auto& o = k.observations[0];
  CHECK(number(o.actual) == 1);
  CHECK(o.actual.text == "1件(累計)");
  CHECK(number(o.published_rate) == 3);
  CHECK(o.published_rate.text == "3%");
  CHECK(number(o.revised->target) == 12);
  CHECK(o.revised->target.text == "12件(累計)");
  CHECK(number(o.revised->rate) == 8);
  CHECK(o.notes.find("目標値を変更した") != std::string::npos);
  CHECK(o.source.line == 10);
  CHECK(k.source.line == 10);
}

TEST_CASE("toyama: a cell holding two KPIs (1-07) gives two indicators", "[toyama]") {
  const auto& first = kpi_of(sheet(), "1-07", 1);
  const auto& second = kpi_of(sheet(), "1-07", 2);
  CHECK(first.name == "①農業サポーター登録者");
  CHECK(second.name == "②農業サポート新規マッチング成約件数");
  CHECK(first.unit == "人");
  CHECK(second.unit == "件");
  CHECK(number(first.baseline.value) == 766);
  CHECK(number(second.baseline.value) == 14);
  CHECK(second.baseline.fiscal_year == 2018);
  CHECK(number(first.final_target.value) == 900);
  CHECK(number(second.final_target.value) == 50);
  CHECK_FALSE(first.cumulative);
  CHECK(second.cumulative);
  CHECK(number(first.observations[0].actual) == 733);
  CHECK(number(second.observations[0].actual) == 7);
  CHECK(first.observations[0].published_rate.text == "81%");
  CHECK(second.observations[0].published_rate.text == "14%");
  CHECK(first.source.line == 19);
  CHECK(second.source.line == 19);
}

TEST_CASE("toyama: units printed after a space and names split at spaces (1-18)", "[toyama]") {
  const auto& events = kpi_of(sheet(), "1-18", 1);
  const auto& people = kpi_of(sheet(), "1-18", 2);
  CHECK(events.name == "大学・高等学校等と連携した授業・講演会の開催");
  CHECK(people.name == "参加者数");
  CHECK(number(events.baseline.value) == 6);  // "回数:6回(令和元年度)"
  CHECK(events.baseline.fiscal_year == 2019);
  CHECK(number(events.final_target.value) == 35);
  CHECK(events.unit == "回");
  CHECK(number(people.final_target.value) == 5000);  // "5,000 人(累計)"
  CHECK(people.unit == "人");
  CHECK(number(people.observations[0].actual) == 820);
}

TEST_CASE("toyama: six values under five names (3-13): 平日/日曜 parts share a name", "[toyama]") {
  const auto& out = sheet();
  int count = 0;
  for (const auto& ind : out.indicators) count += ind.id == "3-13";
  CHECK(count == 6);
  const auto& weekday = kpi_of(out, "3-13", 4);
  const auto& sunday = kpi_of(out, "3-13", 5);
  const auto& sogawa = kpi_of(out, "3-13", 6);
  CHECK(weekday.name == "④富山駅周辺地区の歩行者数 ※基本目標4に同じ (平日)");
  CHECK(sunday.name == "④富山駅周辺地区の歩行者数 ※基本目標4に同じ (日曜)");
  CHECK(sogawa.name == "⑤総曲輪通りの歩行者数 ※基本目標4に同じ (日曜)");
  CHECK(number(weekday.baseline.value) == 38924);
  CHECK(weekday.baseline.fiscal_year == 2014);
  CHECK(number(weekday.final_target.value) == 40000);
  CHECK(weekday.final_target.fiscal_year == 2021);  // "(令和3年度)"
  CHECK(number(sunday.observations[0].actual) == 16628);
  CHECK(number(sunday.observations[0].published_rate) == 52);
  // "3,500人程度の増加(令和2～6年度)" / "-2,265人/日増加(累計)" / "-65%"
  CHECK(number(sogawa.final_target.value) == 3500);
  CHECK(sogawa.final_target.qualifier == Qualifier::about);
  CHECK(sogawa.final_target.fiscal_year == 2024);
  CHECK(sogawa.direction == Direction::increase);
  CHECK(sogawa.direction_source == DirectionSource::qualifier);
  CHECK(number(sogawa.observations[0].actual) == -2265);
  CHECK(number(sogawa.observations[0].published_rate) == -65);
}

TEST_CASE("toyama: continuation rows carry further KPIs of the measure above", "[toyama]") {
  const auto& clinic = kpi_of(sheet(), "3-08", 4);
  CHECK(clinic.name == "④[まちなか診療所]診療患者数");
  CHECK(clinic.measure == "地域包括ケアシステムの構築");
  CHECK(clinic.unit == "人/月");
  CHECK(number(clinic.baseline.value) == 76);
  CHECK(clinic.baseline.fiscal_year == 2019);  // 平成30年10月から令和元年9月
  CHECK(number(clinic.final_target.value) == 120);
  CHECK(number(clinic.observations[0].actual) == 83);
  CHECK(number(clinic.observations[0].published_rate) == 69);
  CHECK(clinic.source.line == 93);
  const auto& deals = kpi_of(sheet(), "2-01", 2);
  CHECK(deals.name == "②成約件数");
  CHECK(deals.baseline.value.text == "新規");
  CHECK(number(deals.baseline.value) == 0);  // a new cumulative count starts from nothing
  CHECK(number(deals.final_target.value) == 5);
  CHECK(deals.source.line == 46);
  int count = 0;
  for (const auto& ind : sheet().indicators) count += ind.id == "3-08";
  CHECK(count == 8);
}

TEST_CASE("toyama: qualitative targets keep their text and no number", "[toyama]") {
  const auto& building = kpi_of(sheet(), "2-09");
  CHECK(building.final_target.value.text == "継続実施");
  CHECK_FALSE(building.final_target.value.number);
  CHECK(building.observations[0].actual.text == "継続実施");
  CHECK_FALSE(building.observations[0].actual.number);
  CHECK(number(building.observations[0].published_rate) == 100);
  CHECK(building.direction == Direction::unknown);
  const auto& support = kpi_of(sheet(), "3-02", 2);
  CHECK(support.final_target.value.text == "事業を継続して実施する");
  CHECK_FALSE(support.final_target.value.number);
  // 3-12: "継続実施 継続実施" / "73.00% 継続実施": the one number is the actual, said so.
  const auto& groups = kpi_of(sheet(), "3-12");
  CHECK_FALSE(groups.final_target.value.number);
  CHECK(groups.observations[0].actual.number->to_string() == "73.00");
  CHECK(groups.observations[0].actual.text == "73.00% 継続実施");
  CHECK(has_diagnostic(sheet(), 108, "73.00%"));
}

TEST_CASE("toyama: (再掲) rows point to the original measure", "[toyama]") {
  const auto& original = kpi_of(sheet(), "2-03", 1, 1);
  const auto& relisted = kpi_of(sheet(), "2-03", 1, 2);
  CHECK_FALSE(original.relisted_of);
  REQUIRE(relisted.relisted_of);
  CHECK(*relisted.relisted_of == "2-03");
  CHECK(relisted.measure == "ふるさとでの同居促進");
  CHECK(relisted.goal.rfind("【基本目標4】", 0) == 0);
  CHECK(relisted.source.line == 129);
  // The sheet re-lists 2-03 with another actual (7 against 3): kept as printed.
  CHECK(number(original.observations[0].actual) == 3);
  CHECK(number(relisted.observations[0].actual) == 7);
  const auto& open_data = kpi_of(sheet(), "1-04", 1, 2);
  REQUIRE(open_data.relisted_of);
  CHECK(*open_data.relisted_of == "1-04");
}

TEST_CASE("toyama: years, qualifiers and directions read from the cells", "[toyama]") {
  const auto& energy = kpi_of(sheet(), "4-09");  // actual "0.1%(平成30年度)"
  CHECK(energy.observations[0].actual_fiscal_year == 2018);
  CHECK(energy.observations[0].fiscal_year == 2018);  // filed under the year it measures
  CHECK(energy.observations[0].reported_in == 2020);
  CHECK(energy.final_target.fiscal_year == 2022);
  const auto& health = kpi_of(sheet(), "3-11");
  CHECK(health.final_target.fiscal_year == 2021);  // "86%(令和3年度(暫定))"
  CHECK(health.observations[0].actual_fiscal_year == 2016);
  CHECK(health.observations[0].fiscal_year == 2016);
  const auto& vacancy = kpi_of(sheet(), "4-05");  // "2.0%(現状維持を目指す)"
  CHECK(vacancy.direction == Direction::maintain);
  CHECK(vacancy.direction_source == DirectionSource::qualifier);
  CHECK(vacancy.final_target.qualifier == Qualifier::keep);
  const auto& population = kpi_of(sheet(), "4-10");  // "490,000人程度": good side not said
  CHECK(population.direction == Direction::unknown);
  CHECK(population.final_target.qualifier == Qualifier::about);
  const auto& crops = kpi_of(sheet(), "1-08");  // "栽培面積: 32.7ha" / "39.9栽培面積: ha"
  CHECK(crops.unit == "ha");
  CHECK(crops.baseline.value.number->to_string() == "32.7");
  CHECK(crops.final_target.value.number->to_string() == "39.9");
  CHECK(crops.direction == Direction::increase);
  const auto& centres = kpi_of(sheet(), "3-03");  // one 変更後 value: a percentage, so a rate
  CHECK(number(centres.observations[0].revised->rate) == 93);
  CHECK_FALSE(centres.observations[0].revised->target.number);
  CHECK(centres.observations[0].notes.find("内訳を変更") != std::string::npos);
  const auto& malls = kpi_of(sheet(), "4-02");
  CHECK(number(malls.observations[0].revised->target) == 2);
  CHECK(number(malls.observations[0].revised->rate) == 0);
}

TEST_CASE("toyama: detected by content", "[toyama]") {
  auto text = read_bytes(sheet_path);
  CHECK(kpi::formats::toyama::sniff(text) > 0);
  const auto* format = kpi::formats::detect_format(text);
  REQUIRE(format);
  CHECK(format->name == "toyama");
  CHECK(kpi::formats::toyama::sniff(
            read_bytes(KPI_DATA_DIR "/joetsu/joetsu-kpi-progress-fy2023.tsv")) == 0);
  CHECK(kpi::formats::toyama::sniff(
            read_bytes(KPI_DATA_DIR "/takaoka/takaoka-kpi-progress-fy2020-2023.txt")) == 0);
  CHECK(kpi::formats::toyama::sniff("施策番号 項目 基準値 達成率") == 0);
}

TEST_CASE("toyama: columns found by header text, fiscal years from it", "[toyama]") {
  // 目標値 and 基準値 swapped, other years: the header decides.
  auto text = synthetic(
      {"1-01\t施策A\t内容\t件数\t50件(累計)\t10件(令和2年度)\t20件(累計)\t40%\t\t\t事業A\t"},
      "\t\t\t項目\t目標値 (令和7年度末時点)\t基準値\t令和3年度末時点\t達成率\t\t\t\t");
  auto out = kpi::formats::toyama::parse(text, "t.tsv");
  REQUIRE(out.indicators.size() == 1);
  const auto& k = out.indicators[0];
  CHECK(number(k.baseline.value) == 10);
  CHECK(k.baseline.fiscal_year == 2020);
  CHECK(number(k.final_target.value) == 50);
  CHECK(k.final_target.fiscal_year == 2025);
  CHECK(k.observations[0].fiscal_year == 2021);
  CHECK(number(k.observations[0].actual) == 20);
  CHECK(k.goal == "【基本目標1】テスト目標");
  CHECK(k.observations[0].source.line == 7);
  require_rows_balance(out);
}

TEST_CASE("toyama: business-only rows are not KPI rows, measures without KPI are skipped",
          "[toyama]") {
  auto text = synthetic({
      "1-01\t施策A\t内容\t件数\t10件(平成30年度)\t20件\t15件\t75%\t\t\t事業A\t",
      "\t\t\t\t\t\t\t\t\t\t事業B\t",                          // another 主な個別事業 of 1-01
      "\t\t\t②人数\t5人(平成30年度)\t8人\t4人\t50%\t\t\t\t",  // a further KPI of 1-01
      "1-02\t施策B\t内容\t\t\t\t\t\t\t\t事業C\t",             // a measure with no KPI
  });
  auto out = kpi::formats::toyama::parse(text, "t.tsv");
  REQUIRE(out.indicators.size() == 2);
  CHECK(out.indicators[1].id == "1-01");
  CHECK(out.indicators[1].seq == 2);
  CHECK(out.indicators[1].measure == "施策A");
  CHECK(out.rows_read == 3);
  CHECK(out.rows_used == 2);
  REQUIRE(out.skipped.size() == 1);
  CHECK(out.skipped[0].line == 10);
  CHECK(out.skipped[0].reason.find("1-02") != std::string::npos);
  require_rows_balance(out);
}

TEST_CASE("toyama: values that cannot be attributed are left absent, with a warning", "[toyama]") {
  auto text =
      synthetic({"1-01\t施策A\t内容\t①件数 ②人数\t5件\t20件 30人\t10件 15人\t50% 50%\t\t\t事業A\t",
                 "1-02\t施策B\t内容\t人数\t5人 7人\t10人\t8人\t80%\t\t\t事業B\t"});
  auto out = kpi::formats::toyama::parse(text, "t.tsv");
  REQUIRE(out.indicators.size() == 3);
  CHECK(out.indicators[0].name == "①件数");
  CHECK_FALSE(out.indicators[0].baseline.value.number);  // one baseline for two KPIs
  CHECK_FALSE(out.indicators[1].baseline.value.number);
  CHECK(number(out.indicators[1].final_target.value) == 30);
  CHECK(has_diagnostic(out, 7, "holds 1 values for 2 KPIs"));
  CHECK_FALSE(out.indicators[2].baseline.value.number);  // two numbers for one KPI
  CHECK(has_diagnostic(out, 8, "holds 2 numbers for one KPI"));
  require_rows_balance(out);
}

TEST_CASE("toyama: revised values by content, (再掲) without its original", "[toyama]") {
  auto text = synthetic(
      {"1-01\t施策A\t内容\t件数\t6件(平成30年度)\t30件(累計)\t1件(累計)\t3%\t12件(累計)\t8%\t"
       "目標値を変更した。\t事業A",
       "9-99\t施策Z(再掲)\t内容\t件数\t1件\t2件\t1件\t50%\t\t\t事業Z\t"});
  auto out = kpi::formats::toyama::parse(text, "t.tsv");
  REQUIRE(out.indicators.size() == 2);
  const auto& o = out.indicators[0].observations[0];
  CHECK(number(o.revised->target) == 12);
  CHECK(number(o.revised->rate) == 8);
  CHECK(o.notes == "目標値を変更した。");
  REQUIRE(out.indicators[1].relisted_of);
  CHECK(out.indicators[1].relisted_of->empty());
  CHECK(out.indicators[1].measure == "施策Z");
}

TEST_CASE("toyama: an incomplete header is an error and its rows are skipped", "[toyama]") {
  auto text = synthetic({"1-01\t施策A\t内容\t件数\t6件\t30件\t1件\t3%\t\t\t事業A\t"},
                        "\t\t\t項目\t基準値\t目標値\t令和2年度末時点\t達成率\t\t\t\t");
  auto out = kpi::formats::toyama::parse(text, "t.tsv");
  CHECK(out.indicators.empty());
  REQUIRE(out.skipped.size() == 1);
  CHECK(has_diagnostic(out, 6, "目標値 (令和N年度末時点)"));
  require_rows_balance(out);
  auto empty = kpi::formats::toyama::parse("no table here\n", "t.tsv");
  CHECK(empty.indicators.empty());
  REQUIRE_FALSE(empty.diagnostics.empty());
  CHECK(empty.diagnostics[0].code == "input.no-rows");
}

TEST_CASE("toyama: 達成率 with its unit heads the rate column", "[toyama]") {
  for (std::string rate_header : {"達成率(%)", "達成率（％）", "達成率 (%)"}) {
    CAPTURE(rate_header);
    auto text = synthetic({"1-01\t施策A\t内容\t件数\t6件\t30件\t12件\t40%\t\t\t事業A\t"},
                          "\t\t\t項目\t基準値\t目標値 (令和6年度末時点)\t令和2年度末時点\t" +
                              rate_header + "\t\t\t\t");
    auto out = kpi::formats::toyama::parse(text, "t.tsv");
    REQUIRE(out.indicators.size() == 1);
    CHECK(out.indicators[0].observations[0].published_rate.text == "40%");
    CHECK(out.skipped.empty());
  }
}

TEST_CASE("toyama: a row under a header not recognised as complete is an error", "[toyama]") {
  // The second header row without any 達成率 cell: the table's rows cannot be read, and the
  // rates they print would go unchecked.
  auto text = synthetic({"1-01\t施策A\t内容\t件数\t6件\t30件\t12件\t40%\t\t\t事業A\t"},
                        "\t\t\t項目\t基準値\t目標値 (令和6年度末時点)\t令和2年度末時点\t進み具合"
                        "\t\t\t\t");
  auto out = kpi::formats::toyama::parse(text, "t.tsv");
  CHECK(out.indicators.empty());
  REQUIRE(out.skipped.size() == 1);
  bool error = false;
  for (const auto& d : out.diagnostics)
    error = error || (d.code == "input.skipped-row" && d.severity == kpi::model::Severity::error);
  CHECK(error);
  require_rows_balance(out);
}

TEST_CASE("toyama: a row printed in full-width forms reads as its NFKC text, cell by cell",
          "[toyama]") {
  // The first row needs no normalisation (each cell is its own normalised text); the second
  // prints its number, brackets and percent in full-width forms and its measure after an
  // ideographic space: each cell is normalised, and both rows read the same values.
  auto text = synthetic(
      {"1-01\t施策A\t内容\t件数\t10件(令和元年度)\t50件(累計)\t20件(累計)\t40%\t\t\t事業A\t",
       "1-02\t施策B\t内容\t件数\t１０件（令和元年度）\t５０件（累計）\t２０件（累計）"
       "\t４０％\t\t\t\u3000事業B\t"});
  auto out = kpi::formats::toyama::parse(text, "t.tsv");
  REQUIRE(out.indicators.size() == 2);
  for (const auto& k : out.indicators) {
    INFO(k.id);
    CHECK(number(k.baseline.value) == 10);
    CHECK(k.baseline.fiscal_year == 2019);
    CHECK(number(k.final_target.value) == 50);
    CHECK(number(k.observations[0].actual) == 20);
    CHECK(number(k.observations[0].published_rate) == 40);
  }
  CHECK(out.indicators[1].baseline.value.text == "１０件（令和元年度）");  // as printed
  require_rows_balance(out);
}
