// Plan-path titles as printed (issue 10, item 5): every plan_path title, `goal` and `measure`
// is the sheet's text under the name rule (full-width letters, digits and brackets kept,
// wrapped lines joined, PDF gaps closed where the layout knows them); codes stay as read from
// the normalised text; whatever matches or groups titles compares their normalised form.
#include <string>

#include <catch2/catch.hpp>

#include "sheets.hpp"

#include "kpi/formats/kanazawa.hpp"
#include "kpi/formats/takaoka.hpp"
#include "kpi/formats/toyama.hpp"
#include "kpi/pipeline.hpp"
#include "kpi/report/summary.hpp"
#include "kpi/text/name_form.hpp"

namespace {

using kpi::model::Indicator;
using kpi::testing::data_path;
using kpi::testing::find_indicator;
using kpi::testing::load_sheet;
using kpi::testing::read_bytes;
using kpi::text::name_form;

const kpi::model::Sheet& takaoka() {
  static const auto sheet = load_sheet("takaoka/takaoka-kpi-progress-fy2020-2023.txt");
  return sheet;
}

const kpi::model::Sheet& kanazawa() {
  static const auto sheet = load_sheet("kanazawa/kanazawa-strategy-3rd-fy2024-2028.txt");
  return sheet;
}

std::string levels(const Indicator& ind) {
  std::string out;
  for (const auto& l : ind.plan_path)
    out += (out.empty() ? "" : " > ") + l.level + " " + l.code + " " + l.title;
  return out;
}

std::string replaced(std::string text, const std::string& from, const std::string& to) {
  auto pos = text.find(from);
  REQUIRE(pos != std::string::npos);
  return text.replace(pos, from.size(), to);
}

const Indicator& first_of(const kpi::model::ParseOutput& out, const std::string& id, int seq = 1) {
  for (const auto& ind : out.indicators)
    if (ind.id == id && ind.seq == seq) return ind;
  FAIL("no KPI " << id << " #" << seq);
  throw;
}

}  // namespace

TEST_CASE("plan titles: Takaoka's goal and measure as printed, wrapped lines joined",
          "[plan][names][takaoka]") {
  // Lines 76-81: "①多様なひとが住みた" / "いと感じるまちをつくる", then
  // "若者の就職支援・ＵＩＪター" / "ンの推進・雇用の安定".
  const auto& three = find_indicator(takaoka(), "No.3");
  CHECK(three.goal == "①多様なひとが住みたいと感じるまちをつくる");
  CHECK(three.measure == "若者の就職支援・ＵＩＪターンの推進・雇用の安定");
  CHECK(name_form(three.measure) == "若者の就職支援・UIJターンの推進・雇用の安定");
  CHECK(levels(three) ==
        "goal ① ①多様なひとが住みたいと感じるまちをつくる > measure  "
        "若者の就職支援・ＵＩＪターンの推進・雇用の安定");
  // Lines 43-45: a measure wrapped over three lines.
  CHECK(find_indicator(takaoka(), "No.2").measure ==
        "住みよい魅力のＰＲ、受け入れ環境の整備による移住の推進");
  // Lines 656-660: the goal over three lines, the measure on the line before the name.
  const auto& ict = find_indicator(takaoka(), "No.25");
  CHECK(ict.goal == "②安心して子どもを生み育てられるまちをつくる");
  CHECK(ict.measure == "ＩＣＴ教育の推進");
  CHECK(levels(ict) ==
        "goal ② ②安心して子どもを生み育てられるまちをつくる > measure  ＩＣＴ教育の推進");
  CHECK(ict.name == "ＩＣＴを活用した授業が日常的に行われている学校の割合（小学校）");
  // "★数値目標" after the goal (line 8), or on its own line (line 298): the measure.
  const auto& one = find_indicator(takaoka(), "No.1");
  CHECK(one.goal == "①多様なひとが住みたいと感じるまちをつくる");
  CHECK(one.measure == "★数値目標");
  const auto& eleven = find_indicator(takaoka(), "No.11");
  CHECK(eleven.measure == "★数値目標");
  CHECK(eleven.name == "放課後児童クラブの入所者数");
}

TEST_CASE("plan titles: Takaoka goal printed with an ideographic space groups with the others",
          "[plan][takaoka][summary]") {
  // No.2's goal typed "…住みた" / "いと感じる　まちをつくる": printed as typed, one goal group.
  auto text = read_bytes(data_path("takaoka/takaoka-kpi-progress-fy2020-2023.txt"));
  auto typed = replaced(text, "2\n①多様なひとが住みた\nいと感じるまちをつくる",
                        "2\n①多様なひとが住みた\nいと感じる　まちをつくる");
  auto out = kpi::formats::takaoka::parse(typed, "takaoka.txt");
  const auto& two = first_of(out, "No.2");
  CHECK(two.goal == "①多様なひとが住みたいと感じる　まちをつくる");
  CHECK(two.plan_path.front().code == "①");
  CHECK(name_form(two.goal) == name_form(first_of(out, "No.1").goal));

  kpi::PipelineResult result;
  result.sheets.push_back({});
  result.sheets.back().parsed = out;
  auto s = kpi::report::summarize(result, {});
  REQUIRE(s.goals.size() == 4);
  CHECK(s.goals[0].label == "①多様なひとが住みたいと感じるまちをつくる");  // first met
  CHECK(s.goals[0].counts.kpis == 9);
}

TEST_CASE("plan titles: Kanazawa's headings as printed, codes as read", "[plan][names][kanazawa]") {
  // Line 790: "② 市民生活や観光行動へのＡＩ等技術の実装".
  const auto& ai = find_indicator(kanazawa(), "3-(1)-②");
  CHECK(levels(ai) ==
        "goal 3 インノベーションにより、産業と雇用が創出されるまちをつくる > measure (1) "
        "金沢の文化と産学官の叡智の融合 > sub-measure ② 市民生活や観光行動へのＡＩ等技術の実装");
  CHECK(ai.goal == "インノベーションにより、産業と雇用が創出されるまちをつくる");
  CHECK(ai.measure == "市民生活や観光行動へのＡＩ等技術の実装");
  CHECK(name_form(ai.measure) == "市民生活や観光行動へのAI等技術の実装");
  // Line 251: full-width brackets kept.
  CHECK(find_indicator(kanazawa(), "1-(1)-①").measure ==
        "妊娠、出産、育児を包括的に支援する体制（金沢版ネウボラ※6）の充実");
  // Line 545 "（１）高等教育機関等と…": the code is "(1)", the title printed.
  const auto& campus = find_indicator(kanazawa(), "2-(1)-①");
  REQUIRE(campus.plan_path.size() == 3);
  CHECK(campus.plan_path[1].code == "(1)");
  CHECK(campus.plan_path[1].title == "高等教育機関等と連携した「学都金沢」の推進");
  // Line 592 "① U J I ターンの促進": letters set apart by the PDF are one word.
  CHECK(find_indicator(kanazawa(), "2-(2)-①").measure == "UJIターンの促進");
}

TEST_CASE("plan titles: Kanazawa headings typed full-width", "[plan][names][kanazawa]") {
  auto out = kpi::formats::kanazawa::parse(
      "基本目標１ 若い世代にＰＲするまちをつくる\n（２） 環境づくり（全般）\n"
      "③ Ｄ Ｘ 支援の充実\n\nKPI（重要業績評価指標）\n\n"
      "- ・ 市民満足度 50% (R5) → 60% (R10)\n",
      "t.txt");
  REQUIRE(out.indicators.size() == 1);
  const auto& k = out.indicators[0];
  CHECK(k.id == "1-(2)-③");
  CHECK(k.goal == "若い世代にＰＲするまちをつくる");
  CHECK(k.measure == "ＤＸ支援の充実");
  CHECK(levels(k) ==
        "goal 1 若い世代にＰＲするまちをつくる > measure (2) 環境づくり（全般） > "
        "sub-measure ③ ＤＸ支援の充実");
}

TEST_CASE("plan titles: Toyama goal and measure as printed, 再掲 measures matched normalised",
          "[plan][names][toyama]") {
  auto real = read_bytes(data_path("toyama/toyama-strategy-progress-fy2020.tsv"));
  auto typed =
      replaced(real, "【基本目標1】産業活力の向上により", "【基本目標１】産業活力の向上により");
  // Line 129: the (再掲) row of 2-03 typed with full-width brackets and a space.
  typed =
      replaced(typed, "2-03\tふるさとでの同居促進(再掲)", "2-03\tふるさと での同居促進（再掲）");
  auto out = kpi::formats::toyama::parse(typed, "toyama.tsv");
  const auto& first = first_of(out, "1-01");
  CHECK(first.goal.rfind("【基本目標１】産業活力の向上により", 0) == 0);
  REQUIRE(first.plan_path.size() == 3);
  CHECK(first.plan_path[0].code == "1");
  CHECK(first.plan_path[0].title == first.goal);
  CHECK(first.plan_path[1].title == "【基本的方向：ア】中小企業の振興及び既存産業の高付加価値化");
  // The re-listed row: measure as printed without its mark, the path title as printed.
  const Indicator* relisted = nullptr;
  for (const auto& ind : out.indicators)
    if (ind.id == "2-03" && ind.relisted_of) relisted = &ind;
  REQUIRE(relisted);
  CHECK(relisted->measure == "ふるさと での同居促進");
  CHECK(relisted->plan_path.back().title == "ふるさと での同居促進（再掲）");
  CHECK(relisted->relisted_of == std::optional<std::string>("2-03"));
}
