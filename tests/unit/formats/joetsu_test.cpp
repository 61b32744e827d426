#include "kpi/formats/joetsu.hpp"

#include <algorithm>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include <catch2/catch.hpp>

#include "sheets.hpp"

#include "kpi/formats/registry.hpp"
#include "kpi/model/measured_year.hpp"
#include "kpi/pipeline.hpp"
#include "kpi/verify/findings.hpp"

using kpi::model::Direction;
using kpi::model::DirectionSource;
using kpi::model::Indicator;
using kpi::model::ParseOutput;
using kpi::model::Qualifier;

namespace {

const char* sheet_path = KPI_DATA_DIR "/joetsu/joetsu-kpi-progress-fy2023.tsv";

using kpi::testing::read_bytes;

const ParseOutput& sheet() {
  static const ParseOutput out = kpi::formats::joetsu::parse(read_bytes(sheet_path), sheet_path);
  return out;
}

const Indicator& find(const ParseOutput& out, std::string_view id, int seq) {
  auto it = std::find_if(out.indicators.begin(), out.indicators.end(),
                         [&](const Indicator& i) { return i.id == id && i.seq == seq; });
  REQUIRE(it != out.indicators.end());
  return *it;
}

const Indicator& named(const ParseOutput& out, std::string_view name) {
  auto it = std::find_if(out.indicators.begin(), out.indicators.end(),
                         [&](const Indicator& i) { return i.name == name; });
  INFO(name);
  REQUIRE(it != out.indicators.end());
  return *it;
}

std::string number(const kpi::model::Value& v) {
  return v.number ? v.number->to_string() : "none";
}

bool has_diagnostic(const ParseOutput& out, std::string_view code, int line) {
  return std::any_of(out.diagnostics.begin(), out.diagnostics.end(),
                     [&](const auto& d) { return d.code == code && d.location.line == line; });
}

// A small sheet in the real layout: two header rows, headings, 数値目標, KPI rows.
const std::string header =
    "政策分野\t基本的方向性\t具体的施策\t重要業績評価指標（KPI）\t\t\t\n"
    "\t\t\t項目\t戦略策定時（時点）\t現状値（R5年度末）\t目標（R6）\n";

ParseOutput parse(const std::string& body) {
  return kpi::formats::joetsu::parse(header + body, "test.tsv");
}

}  // namespace

// -- the real sheet ------------------------------------------------------------------------

TEST_CASE("joetsu sheet: every KPI row is read, none dropped", "[joetsu]") {
  const auto& out = sheet();
  CHECK(out.rows_read == 59);
  CHECK(out.rows_used == 59);
  CHECK(out.skipped.empty());
  CHECK(out.rows_read == out.rows_used + static_cast<int>(out.skipped.size()));
  // 59 rows; six of them hold two or three KPIs (areas, school years, a total and its parts).
  CHECK(out.indicators.size() == 65);
  std::set<std::pair<std::string, int>> keys;
  for (const auto& i : out.indicators) {
    CHECK(i.municipality == "joetsu");
    keys.insert({i.id, i.seq});
    REQUIRE(i.observations.size() == 1);
    CHECK(kpi::model::column_year(i.observations[0]) == 2023);
    CHECK_FALSE(i.observations[0].published_rate.number);
    CHECK(i.observations[0].published_rate.text.empty());
    CHECK(i.final_target.fiscal_year == 2024);
  }
  CHECK(keys.size() == out.indicators.size());
}

TEST_CASE("joetsu sheet: メイド・イン上越認証品数（累計）", "[joetsu]") {
  const auto& k = find(sheet(), "A-1-1", 1);
  CHECK(k.name == "メイド・イン上越認証品数（累計）");
  CHECK(k.goal == "分野1【しごとづくり】安定的で魅力ある雇用を創出する");
  CHECK(k.measure == "地域産業の競争力強化と地域内経済循環");
  CHECK(k.unit == "品");
  CHECK(k.cumulative);
  CHECK(number(k.baseline.value) == "126");
  CHECK(k.baseline.value.text == "126品");
  CHECK(k.baseline.fiscal_year == 2019);  // (R元)
  CHECK(number(k.observations[0].actual) == "166");
  CHECK_FALSE(k.observations[0].actual_fiscal_year);
  CHECK_FALSE(k.observations[0].provisional);
  CHECK(number(k.final_target.value) == "176");
  CHECK(k.final_target.qualifier == Qualifier::none);
  CHECK(k.direction == Direction::increase);
  CHECK(k.direction_source == DirectionSource::inferred);
  CHECK(k.source.line == 14);
  CHECK(find(sheet(), "A-1-1", 2).name == "雪室食品を商品化する食品関連事業者数");
}

TEST_CASE("joetsu sheet: 以上 target, current value of another year (R3)", "[joetsu]") {
  const auto& k = find(sheet(), "分野1", 2);
  CHECK(k.name == "雇用の場が整っていると感じる20代・30代の市民の割合");
  CHECK(k.measure == "数値目標");
  CHECK(number(k.baseline.value) == "42.2");
  CHECK(k.baseline.fiscal_year == 2019);
  CHECK(number(k.final_target.value) == "42.2");
  CHECK(k.final_target.value.text == "42.2%以上");
  CHECK(k.final_target.qualifier == Qualifier::at_least);
  CHECK(k.direction == Direction::increase);
  CHECK(k.direction_source == DirectionSource::qualifier);
  CHECK(k.direction_text == "以上");
  CHECK(number(k.observations[0].actual) == "35.1");
  CHECK(k.observations[0].actual_fiscal_year == 2021);
  CHECK(k.observations[0].fiscal_year == 2021);  // filed under the year it measures
  CHECK(k.observations[0].reported_in == 2023);  // printed in the FY2023 column
  CHECK_FALSE(k.observations[0].provisional);
}

TEST_CASE("joetsu sheet: year-tagged values are filed under the years they measure",
          "[joetsu][fidelity]") {
  // 14 cells of the FY2023 column print their own year ("35.1% (R3)", "8事業者 (H30)"); one
  // of them holds a total and two parts, so 16 values move.
  std::map<int, int> moved;  // measured year -> values
  int untagged = 0;
  for (const auto& i : sheet().indicators) {
    const auto& o = i.observations[0];
    if (!o.reported_in) {
      CHECK(o.fiscal_year == 2023);
      CHECK_FALSE(o.actual_fiscal_year);
      ++untagged;
      continue;
    }
    CHECK(*o.reported_in == 2023);
    CHECK(o.actual_fiscal_year == o.fiscal_year);
    ++moved[o.fiscal_year];
  }
  CHECK(moved == std::map<int, int>{{2018, 1}, {2021, 6}, {2022, 9}});
  CHECK(untagged == 65 - 16);
  const auto& snow = find(sheet(), "A-1-1", 2);
  CHECK(snow.observations[0].actual.text == "8事業者");
  CHECK(snow.observations[0].fiscal_year == 2018);
  const auto& shipments = find(sheet(), "A-1-3", 1);
  CHECK(number(shipments.observations[0].actual) == "589989");
  CHECK(shipments.observations[0].fiscal_year == 2021);
  CHECK(shipments.observations[0].provisional);  // ※R4実績は未確定
}

TEST_CASE("joetsu sheet: 以下 target", "[joetsu]") {
  const auto& k = find(sheet(), "C-1-1", 3);
  CHECK(k.name == "立地適正化計画の誘導重点区域内における65歳未満の人の区域外への転居数");
  CHECK(number(k.final_target.value) == "295");
  CHECK(k.final_target.qualifier == Qualifier::at_most);
  CHECK(k.direction == Direction::decrease);
  CHECK(k.unit == "人/年");  // the target prints "295/年以下"
  CHECK(has_diagnostic(sheet(), "input.unit-differs", 75));
}

TEST_CASE("joetsu sheet: provisional current values keep their remark", "[joetsu]") {
  const auto& k = named(sheet(), "製造品出荷額等");
  CHECK(k.id == "A-1-3");
  CHECK(k.unit == "百万円");
  CHECK(number(k.baseline.value) == "574963");
  CHECK(k.baseline.fiscal_year == 2017);
  const auto& o = k.observations[0];
  CHECK(number(o.actual) == "589989");
  CHECK(o.actual_fiscal_year == 2021);
  CHECK(o.provisional);
  CHECK(o.notes == "※R4実績は未確定");
  const auto& mothers = find(sheet(), "A-2-2", 1);
  CHECK(number(mothers.observations[0].actual) == "41.0");
  CHECK(mothers.observations[0].actual_fiscal_year == 2022);
  CHECK(mothers.observations[0].provisional);
  CHECK(mothers.observations[0].notes == "※R5実績は6月上旬頃確定");
}

TEST_CASE("joetsu sheet: a current value for an older year that is final", "[joetsu]") {
  const auto& k = find(sheet(), "A-1-1", 2);  // "8事業者 (H30)" in the R5 column
  CHECK(number(k.observations[0].actual) == "8");
  CHECK(k.observations[0].actual_fiscal_year == 2018);
  CHECK_FALSE(k.observations[0].provisional);
}

TEST_CASE("joetsu sheet: qualitative targets are kept as text", "[joetsu]") {
  const auto& k = find(sheet(), "A-1-2", 1);
  CHECK(k.name == "直江津港の外貿定期コンテナの仕向地など");
  CHECK(k.final_target.value.text == "航路数の増加・コンテナの仕向け地の多様化");
  CHECK_FALSE(k.final_target.value.number);
  CHECK(k.direction == Direction::unknown);
  CHECK(number(k.baseline.value) == "2");
  CHECK(k.unit == "航路");
  const auto& all_words = find(sheet(), "C-1-2", 2);
  CHECK_FALSE(all_words.baseline.value.number);
  CHECK(all_words.baseline.fiscal_year == 2018);
  CHECK(all_words.observations[0].actual.text ==
        "各地域の維持、再生に向けた取組が継続されている状態");
  CHECK_FALSE(all_words.observations[0].actual.number);
}

TEST_CASE("joetsu sheet: 数値目標 rows of a policy field", "[joetsu]") {
  const auto& k = find(sheet(), "分野2", 1);
  CHECK(k.name == "合計特殊出生率");
  CHECK(k.measure == "数値目標");
  CHECK(k.goal ==
        "分野2【結婚・出産・子育て】若い世代の結婚・出産・子育ての希望を実現しやすい環境を整える");
  CHECK(k.unit.empty());
  CHECK(number(k.baseline.value) == "1.51");
  CHECK(k.baseline.fiscal_year == 2018);
  CHECK(number(k.observations[0].actual) == "1.32");
  CHECK(k.observations[0].actual_fiscal_year == 2022);
  CHECK(number(k.final_target.value) == "1.68");
  const auto& incoming = find(sheet(), "分野4", 1);
  CHECK(incoming.name == "転入者数");
  CHECK(number(incoming.baseline.value) == "4246");
  CHECK_FALSE(incoming.baseline.fiscal_year);  // H26～H30の平均値: five years
  CHECK(incoming.baseline.value.text == "4,246人 (H26～H30の平均値)");
  const auto& stay = find(sheet(), "分野3", 1);
  CHECK(number(stay.observations[0].actual) == "1.05");
  CHECK_FALSE(stay.observations[0].actual_fiscal_year);  // R5.1~6 spans two fiscal years
  CHECK(stay.observations[0].notes == "period R5.1~6");
}

TEST_CASE("joetsu sheet: sub-year baselines", "[joetsu]") {
  CHECK(find(sheet(), "A-1-4", 2).baseline.fiscal_year == 2019);  // 1,150人 (H31.4)
  CHECK(find(sheet(), "B-2-5", 2).baseline.fiscal_year == 2019);  // 1,056人 (R元.11)
  CHECK(find(sheet(), "B-2-4", 1).baseline.fiscal_year == 2018);  // (H31.3)
}

TEST_CASE("joetsu sheet: areas in one cell become two KPIs", "[joetsu]") {
  const auto& a = find(sheet(), "C-1-1", 1);
  const auto& b = find(sheet(), "C-1-1", 2);
  CHECK(a.name.ends_with("イレブンプラザ (直江津)"));
  CHECK(b.name.ends_with("イレブンプラザ (高田)"));
  CHECK(number(a.baseline.value) == "953404");
  CHECK(a.baseline.fiscal_year == 2018);
  CHECK(number(a.observations[0].actual) == "935476");
  CHECK(number(a.final_target.value) == "954000");
  CHECK(a.final_target.qualifier == Qualifier::at_least);
  CHECK(number(b.baseline.value) == "1128338");
  CHECK(number(b.observations[0].actual) == "981736");
  CHECK(number(b.final_target.value) == "1129000");
  CHECK(a.unit == "人");
}

TEST_CASE("joetsu sheet: school years matched by label", "[joetsu]") {
  const auto& p = named(sheet(), "学校が楽しいと感じる児童生徒の割合 (小学6年生)");
  const auto& j = named(sheet(), "学校が楽しいと感じる児童生徒の割合 (中学3年生)");
  CHECK(number(p.baseline.value) == "88.2");
  CHECK(p.baseline.fiscal_year == 2017);
  CHECK(number(p.observations[0].actual) == "89.0");  // printed as 小学6年
  CHECK(number(p.final_target.value) == "95.0");
  CHECK(number(j.baseline.value) == "84.5");
  CHECK(number(j.observations[0].actual) == "81.8");
  CHECK(number(j.final_target.value) == "90.0");
}

TEST_CASE("joetsu sheet: subject scores without the printed average stay empty", "[joetsu]") {
  const auto& k = named(sheet(), "児童生徒の標準学力検査の偏差値 (小学校の各教科の偏差値平均)");
  CHECK(number(k.final_target.value) == "53");
  CHECK(k.final_target.qualifier == Qualifier::at_least);
  CHECK_FALSE(k.observations[0].actual.number);
  CHECK(k.observations[0].notes.find("小学校・国語 50.0") != std::string::npos);
  CHECK_FALSE(k.baseline.value.number);
  CHECK(k.baseline.fiscal_year == 2018);
  CHECK(has_diagnostic(sheet(), "input.ambiguous-value", 58));
}

TEST_CASE("joetsu sheet: a total and its parts, parts that do not add up", "[joetsu]") {
  const auto& total = find(sheet(), "C-3-1", 2);
  const auto& hokuhoku = find(sheet(), "C-3-1", 3);
  const auto& toki = find(sheet(), "C-3-1", 4);
  CHECK(total.name ==
        "在来線鉄道の利用者数 (ほくほく線、えちごトキめき鉄道) ※1km当たりの1日平均旅客輸送人数");
  CHECK(hokuhoku.name == total.name + " (ほくほく線)");
  CHECK(toki.name == total.name + " (トキ鉄)");
  CHECK(number(total.baseline.value) == "3034");
  CHECK(total.baseline.fiscal_year == 2018);
  CHECK(number(hokuhoku.baseline.value) == "1395");
  CHECK(number(toki.final_target.value) == "1569");
  CHECK(number(total.observations[0].actual) == "2236");
  CHECK(number(hokuhoku.observations[0].actual) == "1011");
  CHECK(toki.observations[0].actual_fiscal_year == 2022);
  CHECK(toki.observations[0].provisional);
  CHECK(total.unit == "人/日");
  // 1,011 + 1,325 = 2,336 ≠ 2,236: a cross-row finding of the verifier.
  kpi::model::Sheet whole;
  whole.parsed = sheet();
  auto findings = kpi::verify::find_cross_row_problems({whole});
  bool found = false;
  for (const auto& f : findings)
    found = found ||
            (f.kind == "parts-total" && f.rows.front().line == 95 &&
             f.message.find("add up to 2336 but the total says 2,236人/日") != std::string::npos);
  CHECK(found);
}

TEST_CASE("joetsu sheet: values in two units become two KPIs", "[joetsu]") {
  const auto& groups = named(sheet(), "市の移住関係制度等を利用した移住者数 (組)");
  const auto& people = named(sheet(), "市の移住関係制度等を利用した移住者数 (人)");
  CHECK(groups.unit == "組");
  CHECK(number(groups.baseline.value) == "14");
  CHECK(number(groups.observations[0].actual) == "172");
  CHECK(number(groups.final_target.value) == "43");
  CHECK(people.unit == "人");
  CHECK(number(people.baseline.value) == "19");
  CHECK(number(people.observations[0].actual) == "366");
  CHECK(number(people.final_target.value) == "62");
}

TEST_CASE("joetsu sheet: reference figures stay beside the ratio", "[joetsu]") {
  const auto& k = find(sheet(), "B-2-4", 1);
  CHECK(number(k.baseline.value) == "54.1");
  REQUIRE(k.baseline.alternatives.size() == 2);
  CHECK(k.baseline.alternatives[0].text == "516人");
  CHECK(number(k.observations[0].actual) == "45.7");
  CHECK(k.observations[0].notes == "(依頼会員595人、提供会員272人)");
}

TEST_CASE("joetsu sheet: name column moves, headings share a row", "[joetsu]") {
  const auto& k = find(sheet(), "C-2-1", 1);  // name in the first column, after "C-2\tC-2-1"
  CHECK(k.name == "NPO・ボランティアセンターのボランティアコーディネート数");
  CHECK(k.measure == "まちづくりへの参画とまちへの愛着醸成");
  CHECK(number(k.baseline.value) == "133");
  CHECK(number(k.observations[0].actual) == "43");
  CHECK(k.direction == Direction::maintain);
  const auto& last = find(sheet(), "D-3-2", 1);  // block whose header puts 目標 in column 8
  CHECK(number(last.baseline.value) == "59");
  CHECK(number(last.observations[0].actual) == "88");
  CHECK(number(last.final_target.value) == "75");
  CHECK(last.cumulative);
  const auto& dash = find(sheet(), "C-2-1", 2);
  CHECK(dash.baseline.value.text == "-");
  CHECK_FALSE(dash.baseline.value.number);
  CHECK(find(sheet(), "C-2-1", 3).baseline.value.text == "約32,000件/年");
}

TEST_CASE("joetsu sheet: the projects column is not a KPI", "[joetsu]") {
  for (const auto& i : sheet().indicators) {
    INFO(i.name);
    CHECK(i.name.find("田舎体験推進") == std::string::npos);
    CHECK(i.name.find("地域食材を活用") == std::string::npos);
    CHECK(i.name.find("<") == std::string::npos);
  }
}

TEST_CASE("joetsu sheet: a target below the baseline leaves the direction unknown", "[joetsu]") {
  const auto& k = named(sheet(), "認定農業者数");
  CHECK(number(k.final_target.value) == "1040");
  CHECK(k.direction == Direction::unknown);
  CHECK(has_diagnostic(sheet(), "input.direction-unknown", 28));
}

TEST_CASE("joetsu sheet: rates are computed against the final target", "[joetsu]") {
  auto s = kpi::process_text(read_bytes(sheet_path), sheet_path, "UTF-8", {});
  CHECK(s.format == "joetsu");
  const auto& made_in = find(s.parsed, "A-1-1", 1);
  REQUIRE(made_in.observations[0].check.rate_rounded);
  CHECK(made_in.observations[0].check.rate_rounded->to_string() == "94.3");  // 166 / 176
  const auto& waiting = named(s.parsed, "待機児童数");  // 0人 → 0人, maintain
  CHECK(waiting.direction == Direction::maintain);
  CHECK(waiting.observations[0].check.rate_rounded->to_string() == "100.0");
  const auto& moving = find(s.parsed, "C-1-1", 3);  // 295 以下, actual 218: 295 / 218
  CHECK(moving.observations[0].check.rate_rounded->to_string() == "135.3");
}

TEST_CASE("joetsu sheet: detected by content", "[joetsu]") {
  const auto* f = kpi::formats::detect_format(read_bytes(sheet_path));
  REQUIRE(f);
  CHECK(f->name == "joetsu");
  CHECK(kpi::formats::joetsu::sniff(
            read_bytes(KPI_DATA_DIR "/takaoka/takaoka-kpi-progress-fy2020-2023.txt")) == 0);
  CHECK(kpi::formats::joetsu::sniff(
            read_bytes(KPI_DATA_DIR "/toyama/toyama-strategy-progress-fy2020.tsv")) == 0);
}

// -- synthetic rows ------------------------------------------------------------------------

TEST_CASE("joetsu parse: headings, 数値目標 and seq", "[joetsu]") {
  auto out = parse(
      "<b>分野1【しごと】雇用を創出する</b>\t\t\n"
      "\t数値目標\t就職率\t39.8% (H30)\t36.2%\t45.7%\t\n"
      "\t\t満足度\t42.2% (R元)\t35.1% (R3)\t42.2%以上\t\n"
      "<b>A-1 産業</b>\t\t\n"
      "<b>A-1-1 競争力</b>\t\t\n"
      "\t\t<b>認証品数</b>（累計）\t126品 (R元)\t166品\t176品\t1 事業A 2 事業B\n");
  REQUIRE(out.indicators.size() == 3);
  CHECK(out.indicators[0].id == "分野1");
  CHECK(out.indicators[1].id == "分野1");
  CHECK(out.indicators[1].seq == 2);
  CHECK(out.indicators[1].measure == "数値目標");
  CHECK(out.indicators[2].id == "A-1-1");
  CHECK(out.indicators[2].seq == 1);
  CHECK(out.indicators[2].name == "認証品数（累計）");
  CHECK(out.indicators[2].cumulative);
  CHECK(out.indicators[2].goal == "分野1【しごと】雇用を創出する");
  CHECK(out.rows_read == 3);
  CHECK(out.rows_used == 3);
}

TEST_CASE("joetsu parse: value columns follow the header's order", "[joetsu]") {
  auto out = kpi::formats::joetsu::parse(
      "\t項目\t目標（R6）\t戦略策定時（時点）\t現状値（R5年度末）\n"
      "A-1-1 施策\n"
      "\t指標\t90%\t70% (H30)\t80%\n",
      "t.tsv");
  REQUIRE(out.indicators.size() == 1);
  const auto& k = out.indicators[0];
  CHECK(number(k.final_target.value) == "90");
  CHECK(number(k.baseline.value) == "70");
  CHECK(number(k.observations[0].actual) == "80");
  CHECK(k.final_target.fiscal_year == 2024);
}

TEST_CASE("joetsu parse: rows that are no KPI are skipped with a reason", "[joetsu]") {
  auto out = parse(
      "\t\t名前だけの行\n"
      "A-1-1 施策\n"
      "\t\t値のない指標\t\t\t\t1 事業\n"
      "\t\t1,150人 (H31.4)\t842人\t1,040人\n"
      "\t\t正しい指標\t10件\t12件\t15件\n"
      "※協議会参加団体…ここでは、上越市を除く。\n");
  CHECK(out.indicators.size() == 1);
  REQUIRE(out.skipped.size() == 3);
  CHECK(out.skipped[0].line == 3);
  CHECK(out.skipped[0].reason.find("no id") != std::string::npos);
  CHECK(out.skipped[1].line == 5);
  CHECK(out.skipped[1].reason.find("no baseline, current value or target") != std::string::npos);
  CHECK(out.skipped[2].line == 6);
  CHECK(out.skipped[2].reason.find("starts with a value") != std::string::npos);
  CHECK(out.rows_read == 4);
  CHECK(out.rows_used == 1);
  CHECK(out.rows_read == out.rows_used + static_cast<int>(out.skipped.size()));
  CHECK(has_diagnostic(out, "input.skipped-row", 5));
}

TEST_CASE("joetsu parse: a sheet without the header row", "[joetsu]") {
  auto out = kpi::formats::joetsu::parse("A-1-1 施策\n\t指標\t1件\t2件\t3件\n", "t.tsv");
  CHECK(out.indicators.empty());
  CHECK(out.rows_read == 1);
  CHECK(out.skipped.size() == 1);
  CHECK(has_diagnostic(out, "input.layout", 1));
}

TEST_CASE("joetsu parse: direction from qualifier, target and baseline", "[joetsu]") {
  auto out = parse(
      "A-1-1 施策\n"
      "\t上がる\t10件\t12件\t15件\n"
      "\t同じ\t10件\t12件\t10件\n"
      "\t下がる目標\t10件\t8件\t9件\n"
      "\t以下\t10件\t8件\t9件以下\n"
      "\t基準なし\t-\t8件\t9件\n");
  REQUIRE(out.indicators.size() == 5);
  CHECK(out.indicators[0].direction == Direction::increase);
  CHECK(out.indicators[0].direction_source == DirectionSource::inferred);
  CHECK(out.indicators[1].direction == Direction::maintain);
  CHECK(out.indicators[2].direction == Direction::unknown);
  CHECK(out.indicators[3].direction == Direction::decrease);
  CHECK(out.indicators[3].direction_source == DirectionSource::qualifier);
  // "-": a KPI new to the plan, to reach its target.
  CHECK(out.indicators[4].direction == Direction::increase);
  CHECK(out.indicators[4].direction_source == DirectionSource::target);
  CHECK(out.indicators[4].direction_text == "- → 9件");
  CHECK_FALSE(out.indicators[4].baseline.value.number);  // not a count from nothing (累計)
  CHECK(out.indicators[2].direction_source == DirectionSource::none);  // 10 → 9: still unknown
}

TEST_CASE("joetsu sheet: new KPIs with a '-' baseline aim at their target", "[joetsu][fidelity]") {
  const auto& lectures = find(sheet(), "C-2-1", 2);
  CHECK(lectures.baseline.value.text == "-");
  CHECK_FALSE(lectures.baseline.value.number);
  CHECK(number(lectures.final_target.value) == "50.0");
  CHECK(lectures.direction == Direction::increase);
  CHECK(lectures.direction_source == DirectionSource::target);
  const auto& future = find(sheet(), "D-2-1", 2);
  CHECK(future.final_target.value.text == "2件/年");
  CHECK(future.direction == Direction::increase);
  CHECK(future.direction_source == DirectionSource::target);
}

TEST_CASE("joetsu parse: groups matched by label when the order differs", "[joetsu]") {
  auto out = parse(
      "A-1-1 施策\n"
      "\t割合\t小学生80% 中学生70% (H30)\t中学生72% 小学生81%\t小学生 90% 中学生 85%\n");
  REQUIRE(out.indicators.size() == 2);
  CHECK(out.indicators[0].name == "割合 (小学生)");
  CHECK(number(out.indicators[0].observations[0].actual) == "81");
  CHECK(number(out.indicators[1].observations[0].actual) == "72");
  CHECK(out.indicators[1].baseline.fiscal_year == 2018);
}

TEST_CASE("joetsu parse: a value that cannot be assigned stays empty", "[joetsu]") {
  auto out = parse(
      "A-1-1 施策\n"
      "\t人数\t10人 20人\t12人\t15人\n");
  REQUIRE(out.indicators.size() == 1);
  CHECK_FALSE(out.indicators[0].baseline.value.number);
  CHECK(number(out.indicators[0].observations[0].actual) == "12");
  CHECK(has_diagnostic(out, "input.ambiguous-value", 4));
}

TEST_CASE("joetsu parse: mangled sheets keep the row accounting", "[joetsu]") {
  const std::string original = read_bytes(sheet_path);
  const std::string inserts[] = {"(", ")", "\t", "\n", "※", "5", "H3", "<b>", "～", "以上", "-"};
  std::uint32_t state = 12345;
  auto next = [&state](std::uint32_t bound) {
    state = state * 1664525u + 1013904223u;  // fixed LCG: the same cases on every run
    return (state >> 8) % bound;
  };
  for (int round = 0; round < 150; ++round) {
    std::string s = original;
    for (int k = 0; k < 25; ++k) {
      auto at = next(static_cast<std::uint32_t>(s.size()));
      if (next(2) == 0)
        s.erase(at, 1 + next(6));
      else
        s.insert(at, inserts[next(std::size(inserts))]);
    }
    auto out = kpi::formats::joetsu::parse(s, "mangled.tsv");
    INFO("round " << round);
    CHECK(out.rows_read == out.rows_used + static_cast<int>(out.skipped.size()));
    for (const auto& i : out.indicators) CHECK(i.observations.size() == 1);
  }
}

TEST_CASE("a value cell holding a run of millions of digits is read in linear time",
          "[joetsu][hostile]") {
  // Regression: a digit run too long for one number used to be re-scanned from each of its
  // digits (quadratic: 2.8 MB never finished).
  auto text = read_bytes(sheet_path);
  auto first_value = text.find("36.2%");
  REQUIRE(first_value != std::string::npos);
  text.replace(first_value, 4, std::string(2'800'000, '7'));
  auto out = kpi::formats::joetsu::parse(text, sheet_path);
  CHECK(out.indicators.size() == sheet().indicators.size());
}

TEST_CASE("joetsu: a header with a rate column is an error, its rows not read by place",
          "[joetsu]") {
  // Read by place, the rates would be taken for targets and go unchecked.
  for (std::string rate : {"達成率", "達成率（R5）", "進捗率", "到達率", "進捗状況", "対目標比"}) {
    CAPTURE(rate);
    auto out = kpi::formats::joetsu::parse(
        "政策分野\t基本的方向性\t具体的施策\t重要業績評価指標（KPI）\t\t\t\t\n"
        "\t\t\t項目\t戦略策定時（時点）\t現状値（R5年度末）\t" +
            rate +
            "\t目標（R6）\n"
            "分野1【しごと】\t\t\t\t\t\t\t\n"
            "A-1 地域産業\tA-1-1 特産品\t\tメイド・イン上越認証品数\t126品\t166品\t49.3%\t176品\n",
        "test.tsv");
    CHECK(has_diagnostic(out, "input.layout", 2));
    bool error = std::any_of(out.diagnostics.begin(), out.diagnostics.end(), [](const auto& d) {
      return d.code == "input.layout" && d.severity == kpi::model::Severity::error;
    });
    CHECK(error);
    CHECK(out.indicators.empty());
  }
}
