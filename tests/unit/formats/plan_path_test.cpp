// The plan's levels above every KPI, and one name form for every city.
#include <catch2/catch.hpp>

#include "kpi/formats/grid_layout.hpp"
#include "kpi/formats/plan_path.hpp"
#include "kpi/pipeline.hpp"
#include "kpi/text/name_form.hpp"

namespace {

using kpi::model::Indicator;
using kpi::model::PlanLevel;

const kpi::PipelineResult& all_sheets() {
  static const auto result = kpi::run_pipeline({KPI_DATA_DIR}, {});
  return result;
}

const Indicator& find(const std::string& city, const std::string& id, int seq = 1) {
  for (const auto& sheet : all_sheets().sheets)
    for (const auto& ind : sheet.parsed.indicators)
      if (ind.municipality == city && ind.id == id && ind.seq == seq) return ind;
  FAIL("no " << city << " " << id << " #" << seq);
  throw 0;
}

std::string levels(const Indicator& ind) {
  std::string out;
  for (const auto& l : ind.plan_path)
    out += (out.empty() ? "" : " > ") + l.level + " " + l.code + " " + l.title;
  return out;
}

}  // namespace

TEST_CASE("every indicator of every layout carries its plan path from the basic goal",
          "[plan][fidelity]") {
  int count = 0;
  for (const auto& sheet : all_sheets().sheets)
    for (const auto& ind : sheet.parsed.indicators) {
      INFO(ind.municipality << " " << ind.id);
      REQUIRE(ind.plan_path.size() >= 2);
      CHECK(ind.plan_path.front().level == "goal");
      CHECK_FALSE(ind.plan_path.front().title.empty());
      CHECK(ind.plan_path.back().level != "goal");
      ++count;
    }
  CHECK(count == 64 + 84 + 65 + 107);
}

TEST_CASE("plan paths as the sheets print them", "[plan][fidelity]") {
  CHECK(levels(find("toyama", "4-10")) ==
        "goal 4 【基本目標4】持続可能な都市経営・まちづくりを推進する "
        "～公共交通を軸としたコンパクトなまち～ > direction カ "
        "【基本的方向:カ】連携中核都市間の連携強化"
        " > measure 4-10 圏域全体の経済成長のけん引");
  CHECK(levels(find("joetsu", "A-1-1")) ==
        "goal 分野1 分野1【しごとづくり】安定的で魅力ある雇用を創出する > direction A-1 "
        "地域産業の活性化 > measure A-1-1 地域産業の競争力強化と地域内経済循環");
  CHECK(levels(find("joetsu", "分野1")) ==
        "goal 分野1 分野1【しごとづくり】安定的で魅力ある雇用を創出する > measure  数値目標");
  CHECK(levels(find("kanazawa", "3-(3)-③")) ==
        "goal 3 インノベーションにより、産業と雇用が創出されるまちをつくる > measure (3) "
        "金沢ブランドを活用した独自産業の創出 > sub-measure ③ 金沢クラフトの普及啓発と販路拡大");
  CHECK(levels(find("takaoka", "No.3")) ==
        "goal ① ①多様なひとが住みたいと感じるまちをつくる > measure  "
        "若者の就職支援・ＵＩＪターンの推進・雇用の安定");
}

TEST_CASE("bracketed heading codes", "[plan]") {
  using kpi::formats::bracket_code;
  CHECK(bracket_code("【基本目標1】産業活力", "基本目標") == "1");
  CHECK(bracket_code("【基本的方向:ア】中小企業", "基本的方向") == "ア");
  CHECK(bracket_code("[基本的方向:エ]大学", "基本的方向") == "エ");
  CHECK(bracket_code("【基本的方向・ア】子ども", "基本的方向") == "ア");
  CHECK(bracket_code("基本目標1 若い世代", "基本目標") == "");
}

TEST_CASE("one name form for every city: NFKC, PDF spacing removed, English words kept",
          "[names][fidelity]") {
  using kpi::text::name_form;
  CHECK(name_form("メイド・イン上越認証品数（累計）") == "メイド・イン上越認証品数(累計)");
  CHECK(name_form("県 Ｕターン 就職率") == "県Uターン就職率");
  CHECK(name_form("「KOGEI Art  Gallery 銀座の金沢」") == "「KOGEI Art Gallery銀座の金沢」");
  // Joetsu keeps its printed full-width name; its normalised form matches the others'.
  const auto& joetsu = find("joetsu", "A-1-1");
  CHECK(joetsu.name == "メイド・イン上越認証品数（累計）");
  CHECK(name_form(joetsu.name) == "メイド・イン上越認証品数(累計)");
}

TEST_CASE("the grid layout's goal and measure columns are the plan path", "[plan][fidelity]") {
  auto out = kpi::formats::grid_layout::parse(
      "基本目標\t施策\t指標名\t基準値\tR5年度 目標値\tR5年度 実績値\tR5年度 達成率\n"
      "1 しごとをつくる\t企業誘致\t立地件数\t10\t20\t15\t75.0%\n"
      "\t創業支援\t創業件数\t5\t8\t6\t75.0%\n",
      "grid.tsv");
  REQUIRE(out.indicators.size() == 2);
  CHECK(levels(out.indicators[0]) == "goal 1 1 しごとをつくる > measure  企業誘致");
  CHECK(levels(out.indicators[1]) == "goal 1 1 しごとをつくる > measure  創業支援");
}
