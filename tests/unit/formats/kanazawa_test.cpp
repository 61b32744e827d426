// Kanazawa layout: real values from the bundled 第3次金沢版総合戦略 and edge cases on strings.
#include <algorithm>
#include <fstream>
#include <sstream>
#include <string>

#include <catch2/catch.hpp>

#include "kpi/formats/kanazawa.hpp"
#include "kpi/formats/registry.hpp"
#include "kpi/model/sheet.hpp"
#include "kpi/text/normalize.hpp"
#include "kpi/text/strings.hpp"
#include "kpi/verify/findings.hpp"

namespace {

using kpi::model::Direction;
using kpi::model::DirectionSource;
using kpi::model::Indicator;
using kpi::model::ParseOutput;
using kpi::model::Qualifier;

const std::string sheet_path =
    std::string(KPI_DATA_DIR) + "/kanazawa/kanazawa-strategy-3rd-fy2024-2028.txt";

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

const std::string& sheet_text() {
  static const std::string text = read_file(sheet_path);
  return text;
}

const ParseOutput& sheet() {
  static const ParseOutput out = kpi::formats::kanazawa::parse(sheet_text(), "kanazawa.txt");
  return out;
}

const Indicator& kpi_at(const ParseOutput& out, const std::string& id, int seq = 1) {
  for (const auto& ind : out.indicators)
    if (ind.id == id && ind.seq == seq) return ind;
  FAIL("no KPI " << id << " #" << seq);
  throw;  // unreachable
}

ParseOutput parse(const std::string& text) {
  return kpi::formats::kanazawa::parse(text, "t.txt");
}

// A document with one KPI block under 基本目標1 (1) ①.
std::string block(const std::string& lines) {
  return "基本目標1 若い世代に優しいまちをつくる\n(1) 環境づくり\n① "
         "支援の充実\n\nKPI（重要業績評価指標）\n\n" +
         lines + "\n（具体的な事業）\n- ・事業〔再掲〕\n";
}

double number(const kpi::model::Value& v) {
  return v.number.value().to_double();
}

bool has_diagnostic(const ParseOutput& out, const std::string& code, int line) {
  return std::any_of(out.diagnostics.begin(), out.diagnostics.end(),
                     [&](const auto& d) { return d.code == code && d.location.line == line; });
}

}  // namespace

TEST_CASE("kanazawa: every KPI of the strategy is read and none dropped", "[kanazawa]") {
  const auto& out = sheet();
  CHECK(out.indicators.size() == 107);
  CHECK(out.rows_used == 107);
  CHECK(out.rows_read == out.rows_used + static_cast<int>(out.skipped.size()));
  // Each KPI has exactly one "baseline → target" line in the document, and no arrow is used
  // elsewhere: the arrow lines are the KPIs.
  int arrow_lines = 0;
  for (auto line : kpi::text::lines(sheet_text())) arrow_lines += kpi::text::contains(line, "→");
  CHECK(static_cast<int>(out.indicators.size()) == arrow_lines);
  // The only skipped line is the note under 合計特殊出生率.
  REQUIRE(out.skipped.size() == 1);
  CHECK(out.skipped[0].line == 238);
  CHECK_THAT(out.skipped[0].reason, Catch::Contains("人口ビジョン改訂に合わせて再設定"));
  CHECK(has_diagnostic(out, "input.skipped-row", 238));
  for (const auto& ind : out.indicators) {
    CHECK(ind.municipality == "kanazawa");
    CHECK(ind.observations.empty());  // a plan: no actuals
    CHECK(ind.source.line >= 226);    // nothing from the contents or the glossary
    CHECK(ind.final_target.value.text != "");
  }
}

TEST_CASE("kanazawa: 放課後児童クラブ受入児童数 (a columns row)", "[kanazawa]") {
  const auto& k = kpi_at(sheet(), "1-(1)-③", 3);
  CHECK(k.name == "放課後児童クラブ受入児童数");
  CHECK(k.unit == "人");
  CHECK(number(k.baseline.value) == 5659);
  CHECK(k.baseline.value.text == "5,659 人");
  CHECK(k.baseline.fiscal_year == 2024);
  CHECK(number(k.final_target.value) == 5887);
  CHECK(k.final_target.value.text == "5,887 人");
  CHECK(k.final_target.fiscal_year == 2028);
  CHECK(k.final_target.qualifier == Qualifier::none);
  CHECK(k.direction == Direction::increase);
  CHECK(k.direction_source == DirectionSource::inferred);
  CHECK_FALSE(k.cumulative);
  CHECK_FALSE(k.relisted_of);
  CHECK(k.goal == "若い世代に優しく、子育ての喜びを分かち合うまちをつくる");
  CHECK(k.measure == "安心して子育てができる保育サービスや小児医療体制の確保");
  CHECK(k.source.line == 306);
}

TEST_CASE("kanazawa: the two 保育利用率 sub-rows are two KPIs", "[kanazawa]") {
  const auto& one = kpi_at(sheet(), "1-(1)-③", 1);
  CHECK(one.name == "保育利用率(1歳児)");
  CHECK(one.unit == "%");
  CHECK(one.baseline.value.number->units == 743);
  CHECK(one.baseline.value.number->scale == 1);
  CHECK(one.baseline.fiscal_year == 2024);
  CHECK(number(one.final_target.value) == Approx(77.4));
  CHECK(one.final_target.fiscal_year == 2028);
  CHECK(one.source.line == 304);
  const auto& two = kpi_at(sheet(), "1-(1)-③", 2);
  CHECK(two.name == "保育利用率(2歳児)");
  CHECK(number(two.baseline.value) == Approx(77.2));
  CHECK(two.baseline.value.text == "77.2%");
  CHECK(number(two.final_target.value) == Approx(78.8));
  CHECK(two.source.line == 305);
  CHECK(kpi_at(sheet(), "1-(1)-③", 5).name == "医療的ケア児等コーディネーターの派遣件数（累計）");
}

TEST_CASE("kanazawa: a two-line KPI with a cumulative baseline period", "[kanazawa]") {
  const auto& k = kpi_at(sheet(), "1-(1)-②", 1);
  CHECK(k.name == "子育てアプリのダウンロード数（累計）");  // as printed
  CHECK(k.source.line == 279);                              // the name line
  CHECK(k.unit == "件");
  CHECK(number(k.baseline.value) == 14593);
  CHECK(k.baseline.value.text == "14,593 件");
  CHECK(k.baseline.fiscal_year == 2022);  // "R4 年度までの累計"
  CHECK(k.cumulative);
  CHECK(number(k.final_target.value) == 30000);
  CHECK(k.final_target.fiscal_year == 2028);
  // Name and values separated by a blank line.
  const auto& spaced = kpi_at(sheet(), "1-(1)-⑥", 1);
  CHECK(spaced.name == "子どもの居場所が設置されている中学校区");
  CHECK(spaced.unit == "校区");
  CHECK(number(spaced.baseline.value) == 19);
  CHECK(number(spaced.final_target.value) == 23);
}

TEST_CASE("kanazawa: 再掲 KPIs point at the original by name", "[kanazawa]") {
  const auto& app = kpi_at(sheet(), "1-(1)-⑤", 1);            // "[再掲]"
  CHECK(app.name == "子育てアプリのダウンロード数（累計）");  // without its mark
  CHECK(app.relisted_of == std::optional<std::string>("1-(1)-②"));
  CHECK(number(app.baseline.value) == 14593);
  const auto& paternity = kpi_at(sheet(), "1-(3)-③", 3);  // "〔再掲〕", original is seq 2
  // Printed "（累計）〔再掲〕"; the original prints " (累計)": the names match once normalised.
  CHECK(paternity.name == "男性の育児休業取得に係る事例の発信件数（累計）");
  CHECK(paternity.relisted_of == std::optional<std::string>("1-(2)-①"));
  CHECK(kpi_at(sheet(), "1-(2)-①", 2).name == "男性の育児休業取得に係る事例の発信件数(累計)");
  const auto& foreign = kpi_at(sheet(), "3-(2)-④", 2);  // a table row "| ・… | … |"
  CHECK(foreign.name == "年間外国人宿泊客数");
  CHECK(foreign.relisted_of == std::optional<std::string>("3-(2)-②"));
  CHECK(number(foreign.baseline.value) == 61);
  CHECK(foreign.unit == "万人");
  CHECK(foreign.baseline.fiscal_year == 2019);
  CHECK_FALSE(kpi_at(sheet(), "3-(2)-②", 1).relisted_of);
  int relisted = 0;
  for (const auto& ind : sheet().indicators) relisted += ind.relisted_of.has_value();
  CHECK(relisted == 8);
}

TEST_CASE("kanazawa: re-listed KPIs equal their originals (no findings)", "[kanazawa]") {
  kpi::model::Sheet s;
  s.parsed = sheet();
  // 1-(3)-③ #3 re-lists 1-(2)-① #2; comparing it with 1-(2)-① #1 would report a difference.
  CHECK(kpi::verify::find_cross_row_problems({s}).empty());
}

TEST_CASE("kanazawa: a non-numeric target is kept as text", "[kanazawa]") {
  const auto& k = kpi_at(sheet(), "1-数値目標", 2);
  CHECK(k.name == "合計特殊出生率");
  CHECK(k.baseline.value.number->units == 135);
  CHECK(k.baseline.value.number->scale == 2);
  CHECK(k.baseline.fiscal_year == 2022);
  CHECK(k.final_target.value.text == "再設定");
  CHECK_FALSE(k.final_target.value.has_number());
  CHECK_FALSE(k.final_target.fiscal_year);
  CHECK(k.direction == Direction::unknown);
  CHECK_FALSE(k.cumulative);  // 合計特殊出生率 is a rate, not a sum
  CHECK(has_diagnostic(sheet(), "input.non-numeric-target", 234));
}

TEST_CASE("kanazawa: 以上を維持 is a maintain target and 以上 an increase", "[kanazawa]") {
  const auto& k = kpi_at(sheet(), "3-(2)-⑤", 1);
  CHECK(k.name == "金沢旅行の満足度");
  CHECK(number(k.baseline.value) == Approx(95.3));
  CHECK(k.baseline.fiscal_year == 2022);
  CHECK(number(k.final_target.value) == 95);
  CHECK(k.final_target.value.text == "95%以上を維持");
  CHECK(k.final_target.qualifier == Qualifier::keep);
  CHECK(k.direction == Direction::maintain);
  CHECK(k.direction_source == DirectionSource::qualifier);
  CHECK(k.direction_text == "以上を維持");
  CHECK(k.unit == "%");
  const auto& event = kpi_at(sheet(), "2-(3)-②", 4);  // "（R6～R10）": the last year
  CHECK(number(event.final_target.value) == 1000);
  CHECK(event.final_target.fiscal_year == 2028);
  CHECK(event.direction == Direction::maintain);
  const auto& eco = kpi_at(sheet(), "4-(6)-③", 1);
  CHECK(eco.final_target.qualifier == Qualifier::at_least);
  CHECK(eco.direction == Direction::increase);
  CHECK(eco.direction_source == DirectionSource::qualifier);
  const auto& transit = kpi_at(sheet(), "4-(2)-①", 2);  // "86,073 人/日以上"
  CHECK(transit.unit == "人/日");
  CHECK(number(transit.baseline.value) == 86073);
  CHECK(transit.baseline.fiscal_year == 2021);
  CHECK(number(transit.final_target.value) == 124400);
}

TEST_CASE("kanazawa: 数値目標 blocks per basic goal", "[kanazawa]") {
  const auto& k = kpi_at(sheet(), "3-数値目標", 2);
  CHECK(k.name == "金沢地域の観光入込客数");
  CHECK(k.unit == "万人");
  CHECK(number(k.baseline.value) == 864);
  CHECK(k.baseline.fiscal_year == 2022);
  CHECK(number(k.final_target.value) == 1138);
  CHECK(k.final_target.fiscal_year == 2028);
  CHECK(k.measure == "数値目標");
  CHECK(k.goal == "インノベーションにより、産業と雇用が創出されるまちをつくる");  // as printed
  int numeric_targets = 0;
  for (const auto& ind : sheet().indicators)
    numeric_targets += kpi::text::ends_with(ind.id, "-数値目標");
  CHECK(numeric_targets == 8);
}

TEST_CASE("kanazawa: baselines without a number and odd units and early target years",
          "[kanazawa]") {
  const auto& course = kpi_at(sheet(), "1-(3)-④", 1);
  CHECK(course.baseline.value.text == "R6年度開始");
  CHECK(number(course.baseline.value) == 0);  // a cumulative count starts from nothing
  CHECK(course.baseline.fiscal_year == 2024);
  CHECK(number(course.final_target.value) == 250);
  CHECK(course.unit == "人");
  CHECK(course.direction == Direction::increase);  // to reach 250
  CHECK(course.direction_source == DirectionSource::target);
  const auto& wood = kpi_at(sheet(), "4-(4)-②", 1);
  CHECK(wood.unit == "m³");
  CHECK(number(wood.baseline.value) == 8000);
  const auto& co2 = kpi_at(sheet(), "4-(6)-③", 2);
  CHECK(co2.unit == "千t-CO₂");
  CHECK(number(co2.baseline.value) == 3537);
  CHECK(co2.baseline.fiscal_year == 2013);  // H25
  CHECK(number(co2.final_target.value) == 2000);
  CHECK(co2.direction == Direction::decrease);
  const auto& app = kpi_at(sheet(), "4-(3)-③", 1);
  CHECK(app.unit == "校下(地区)");
  CHECK(number(app.baseline.value) == 40);
  CHECK(app.final_target.fiscal_year == 2026);                            // R8
  CHECK(kpi_at(sheet(), "1-(1)-①", 2).final_target.fiscal_year == 2025);  // R7
  const auto& sum = kpi_at(sheet(), "4-(4)-①", 1);
  CHECK(sum.name == "「三谷さとやま交流広場」でのイベント等による交流人口数(R6～R10の合計)");
  CHECK(sum.cumulative);
}

TEST_CASE("kanazawa: sniff recognises the strategy and nothing else bundled", "[kanazawa]") {
  CHECK(kpi::formats::kanazawa::sniff(sheet_text()) > 0);
  const auto* detected = kpi::formats::detect_format(sheet_text());
  REQUIRE(detected);
  CHECK(detected->name == "kanazawa");
  for (auto other :
       {"/takaoka/takaoka-kpi-progress-fy2020-2023.txt",
        "/takaoka/takaoka-basic-plan-4th-draft.txt", "/toyama/toyama-strategy-progress-fy2020.tsv",
        "/joetsu/joetsu-kpi-progress-fy2023.tsv"})
    CHECK(kpi::formats::kanazawa::sniff(read_file(std::string(KPI_DATA_DIR) + other)) == 0);
}

// ---- synthetic edge cases -----------------------------------------------------------------

TEST_CASE("kanazawa: every spelling of the KPI heading opens a block but prose does not",
          "[kanazawa]") {
  for (auto heading :
       {"KPI（重要業績評価指標）", "K P I（重要業績評価指標）", "KPI (重要業績評価指標)",
        "K P I (重要業績評価指標)", "ＫＰＩ（重要業績評価指標）"}) {
    auto out = parse(std::string("基本目標2 まち\n(3) 施策\n① 小施策\n") + heading +
                     "\n・ 参加者数 10 人 (R5) → 20 人 (R10)\n");
    INFO(heading);
    REQUIRE(out.indicators.size() == 1);
    CHECK(out.indicators[0].id == "2-(3)-①");
  }
  auto out = parse(
      "※4 K P I（重要業績評価指標）（KPI: Key Performance Indicator）：指標。\n"
      "事業の進捗を「K P I（重要業績評価指標）」で検証する。\n・ 参加者数 10 人 (R5) → 20 人 "
      "(R10)\n");
  CHECK(out.indicators.empty());
  CHECK(has_diagnostic(out, "input.no-rows", 1));
}

TEST_CASE("kanazawa: headings whose first character normalisation changes are headings",
          "[kanazawa]") {
  // A line is looked at closely only when it may open a heading: one that opens with a
  // full-width or parenthesised form (（３）, ⑶, 【, Ｋ) is, like its plain spelling.
  for (auto measure : {"(3) 施策", "（３） 施策", "⑶ 施策"})
    for (auto block : {"KPI（重要業績評価指標）", "【ＫＰＩ（重要業績評価指標）】",
                       "【KPI(重要業績評価指標)】", "重要業績評価指標（ＫＰＩ）"}) {
      auto out = parse(std::string("基本目標２ まち\n") + measure + "\n" + block +
                       "\n・ 参加者数 10 人 (R5) → 20 人 (R10)\n");
      INFO(measure << " / " << block);
      REQUIRE(out.indicators.size() == 1);
      CHECK(out.indicators[0].id == "2-(3)");
      CHECK(out.indicators[0].measure == "施策");
    }
}

TEST_CASE("kanazawa: a block right under a measure is id N-(n) and the contents are ignored",
          "[kanazawa]") {
  auto out = parse(
      "基本目標1 若い世代\t7\n(1) 目次の施策\t7\n基本目標1 若い世代に優しい\n(2) 施策\n"
      "KPI（重要業績評価指標）\n・ 件数 10 件 (R5) → 20 件 (R10)\n・ 割合 50% (R5) → 40% (R10)\n");
  REQUIRE(out.indicators.size() == 2);
  CHECK(out.indicators[0].id == "1-(2)");
  CHECK(out.indicators[0].measure == "施策");
  CHECK(out.indicators[0].goal == "若い世代に優しい");
  CHECK(out.indicators[1].seq == 2);
  CHECK(out.indicators[1].direction == Direction::decrease);
  CHECK(out.indicators[1].direction_source == DirectionSource::inferred);
}

TEST_CASE("kanazawa: qualifiers set the direction", "[kanazawa]") {
  auto out =
      parse(block("・ 待機児童数 12 人 (R5) → 0 人以下 (R10)\n・ 満足度 80% (R5) → 80% (R10)\n"
                  "・ 参加率 30% (R5) → 35%程度 (R10)"));
  REQUIRE(out.indicators.size() == 3);
  CHECK(out.indicators[0].final_target.qualifier == Qualifier::at_most);
  CHECK(out.indicators[0].direction == Direction::decrease);
  CHECK(out.indicators[0].direction_source == DirectionSource::qualifier);
  CHECK(out.indicators[0].direction_text == "以下");
  CHECK(out.indicators[1].direction == Direction::maintain);
  CHECK(out.indicators[1].direction_source == DirectionSource::inferred);
  CHECK(out.indicators[2].final_target.qualifier == Qualifier::about);
  CHECK(out.indicators[2].direction == Direction::increase);
  CHECK(out.indicators[2].direction_source == DirectionSource::inferred);
}

TEST_CASE("kanazawa: lines that are not KPIs are skipped with line and reason", "[kanazawa]") {
  auto out = parse(
      block("・ 名前だけの指標\n"                     // line 7: the next line is another KPI
            "・ 相談件数\n170件(R4) → 323件(R10)\n"   // a good two-line KPI
            "15 件 (R4) → 30 件 (R10)\n"              // line 10: values without a name
            "・ 23区からの移住者数 → 100 人 (R10)\n"  // line 11: no baseline in the target's unit
            "※注記の行\n"                             // line 12: a note
            "\t3 歳児\t80% (R6)\t→ 85% (R10)\n"       // line 13: continues no row
            "・ 最後の名前\n"  // line 14: the next line is a KPI, not its values
            "・ 23区からの移住者数 (R4) → 再設定\n"            // line 15: 23 belongs to the name
            "・ 名前 → 30 件 (R10)\n"                          // line 16: no baseline number
            "・ 件数 5 件 (R4) → 10 件 (R10) → 20 件 (R12)\n"  // line 17: two arrows
            "・ 最後の名前"));                                 // line 18: the block ends first
  CHECK(out.rows_used == 1);
  CHECK(out.rows_read == out.rows_used + static_cast<int>(out.skipped.size()));
  std::vector<int> lines;
  for (const auto& s : out.skipped) lines.push_back(s.line);
  CHECK(lines == std::vector<int>{7, 10, 11, 12, 13, 14, 15, 16, 17, 18});
  CHECK_THAT(out.skipped[0].reason, Catch::Contains("名前だけの指標"));
  CHECK_THAT(out.skipped[2].reason, Catch::Contains("unit of the target"));
  CHECK_THAT(out.skipped[6].reason, Catch::Contains("is not a unit"));
  CHECK_THAT(out.skipped[7].reason, Catch::Contains("no baseline value"));
  CHECK_THAT(out.skipped[8].reason, Catch::Contains("more than one →"));
  CHECK_THAT(out.skipped[9].reason, Catch::Contains("before the end of the KPI block"));
  REQUIRE(out.indicators.size() == 1);
  CHECK(out.indicators[0].name == "相談件数");
  CHECK(out.indicators[0].source.line == 8);
}

TEST_CASE("kanazawa: wrapped names and spaced letters and full-width text", "[kanazawa]") {
  auto out =
      parse(block("- ・ 割合 ４７．５％（Ｒ５） → ５９％（Ｒ１０）\n"
                  "・ 人口10万人当たり件数 12.3 件/10万人 (R4) → 10 件/10万人 (R10)"));
  REQUIRE(out.indicators.size() == 2);
  const auto& pct = out.indicators[0];
  CHECK(pct.name == "割合");
  CHECK(pct.baseline.value.text == "４７．５％");  // printed text kept
  CHECK(pct.baseline.value.number->units == 475);
  CHECK(pct.baseline.fiscal_year == 2023);
  CHECK(pct.final_target.fiscal_year == 2028);
  const auto& rate = out.indicators[1];
  CHECK(rate.name == "人口10万人当たり件数");
  CHECK(number(rate.baseline.value) == Approx(12.3));
  CHECK(rate.unit == "件/10万人");
  auto wrapped =
      parse(block("- ・ 市の公式 L I N E の登録者数のうち\n継続利用者数 (累計) 〔再掲〕\n1,000 人 "
                  "(R5) → 2,000 人 (R10)"));
  REQUIRE(wrapped.indicators.size() == 1);
  CHECK(wrapped.indicators[0].name == "市の公式LINEの登録者数のうち継続利用者数(累計)");
  CHECK(wrapped.indicators[0].relisted_of == std::optional<std::string>(""));  // no original
  CHECK(has_diagnostic(wrapped, "input.relisted-unknown", 7));
}

TEST_CASE("kanazawa: KPIs that start inside the plan get their start year and direction",
          "[kanazawa][fidelity]") {
  struct Started {
    std::string id;
    int year;
    bool cumulative;
  };
  const std::vector<Started> expected = {
      {"1-(3)-④", 2024, true},  {"2-(3)-①", 2023, true}, {"2-(3)-③", 2023, false},
      {"3-(1)-⑤", 2023, true},  {"3-(3)-③", 2024, true}, {"3-(4)-④", 2023, true},
      {"4-(4)-③", 2024, false}, {"4-(5)-②", 2024, true}, {"4-(6)-④", 2023, false}};
  auto starts = [](const Indicator& ind) {
    return kpi::text::contains(kpi::text::normalize(ind.baseline.value.text), "開始");
  };
  std::vector<const Indicator*> started;
  for (const auto& ind : sheet().indicators)
    if (starts(ind)) started.push_back(&ind);
  REQUIRE(started.size() == expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) {
    const auto& e = expected[i];
    const auto& k = *started[i];
    INFO(k.id << " " << k.name);
    CHECK(k.id == e.id);
    CHECK(k.baseline.fiscal_year == e.year);
    CHECK(k.cumulative == e.cumulative);
    CHECK(k.baseline.value.has_number() == e.cumulative);  // 0 only for a count from nothing
    CHECK(k.direction == Direction::increase);
    CHECK(k.direction_source == DirectionSource::target);
  }
  // A target that is not a number says nothing: 合計特殊出生率 1.35 → 再設定.
  CHECK(kpi_at(sheet(), "1-数値目標", 2).direction == Direction::unknown);
}

TEST_CASE("kanazawa: a period may name its year after words, and keeps 以下を維持", "[kanazawa]") {
  auto out =
      parse(block("・ 登録者数 5 人 (累計 R4) → 9 人 (累計 R10)\n"
                  "・ 待機児童数 0 人 (R5) → 0 人以下を維持 (R10)"));
  REQUIRE(out.indicators.size() == 2);
  CHECK(out.indicators[0].unit == "人");
  CHECK(out.indicators[0].cumulative);
  CHECK(out.indicators[0].baseline.fiscal_year == 2022);
  CHECK(out.indicators[0].final_target.fiscal_year == 2028);
  CHECK(out.indicators[1].final_target.qualifier == Qualifier::keep);
  CHECK(out.indicators[1].direction == Direction::maintain);
}

TEST_CASE(
    "kanazawa: a line with a hundred thousand numbers before its baseline is read in "
    "linear time",
    "[kanazawa][hostile]") {
  // Regression: each number's unit was read to the end of the line to compare it with the
  // target's (quadratic: 100,000 numbers did not finish in a minute).
  std::string many;
  for (int i = 0; i < 100'000; ++i) many += "5地区 ";
  auto out = parse(block("・ 開設地区数 " + many + "地区（R5） → 53 地区（R7）"));
  CHECK(out.rows_read >= 1);
}

TEST_CASE("kanazawa: a skipped line printing a percentage is an error, a footnote is not",
          "[kanazawa]") {
  auto severity_at = [](const ParseOutput& out, int line) {
    for (const auto& d : out.diagnostics)
      if (d.code == "input.skipped-row" && d.location.line == line) return d.severity;
    return kpi::model::Severity::note;
  };
  // A later edition printing progress under a KPI: this layout reads no rates.
  auto progress =
      parse(block("・ 参加者数 302 名 (R4) → 600 名 (R10)\n実績値 450 名 (R6) 達成率 57.0%"));
  REQUIRE(progress.indicators.size() == 1);
  CHECK(severity_at(progress, 8) == kpi::model::Severity::error);
  // The same values in columns after the target: not readable, and a percentage among them.
  auto columns = parse(block("・ 参加者数\t302 名 (R4)\t→ 600 名 (R10)\t450 名 (R6)\t57.0%"));
  CHECK(severity_at(columns, 7) == kpi::model::Severity::error);
  // A rate named with its number but no '%': still a rate this layout cannot read.
  for (std::string line : {"実績値 450 名 (R6) 達成率 57.0", "実績値 450 名 (R6) 達成率 0.57",
                           "実績値 450 名 (R6) 達成率 57.0パーセント"}) {
    CAPTURE(line);
    auto unmarked = parse(block("・ 参加者数 302 名 (R4) → 600 名 (R10)\n" + line));
    CHECK(severity_at(unmarked, 8) == kpi::model::Severity::error);
  }
  // A note without a rate stays a warning.
  auto note = parse(block("・ 参加者数 302 名 (R4) → 600 名 (R10)\n実施回数は年 2 回"));
  CHECK(severity_at(note, 8) == kpi::model::Severity::warning);
  // A footnote naming a rate stays a warning.
  auto footnote =
      parse(block("・ 参加者数 302 名 (R4) → 600 名 (R10)\n※達成率 100%以上を目標とする"));
  CHECK(severity_at(footnote, 8) == kpi::model::Severity::warning);
}
