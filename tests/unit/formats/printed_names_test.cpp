// One name rule for every city (issue 10, item 6): `name` as the sheet prints it, and one
// normalised form (text::name_form, JSON name_normalized) that merging and 再掲 matching use.
#include <string>

#include <catch2/catch.hpp>

#include "formats/canonical_fixtures.hpp"
#include "sheets.hpp"

#include "kpi/formats/kanazawa.hpp"
#include "kpi/formats/printed_name.hpp"
#include "kpi/formats/toyama.hpp"
#include "kpi/merge_keys.hpp"
#include "kpi/text/mapped.hpp"
#include "kpi/text/name_form.hpp"

namespace {

using kpi::testing::find_indicator;
using kpi::testing::load_sheet;
using kpi::text::name_form;

const kpi::model::Sheet& takaoka() {
  static const auto sheet = load_sheet("takaoka/takaoka-kpi-progress-fy2020-2023.txt");
  return sheet;
}

const kpi::model::Sheet& kanazawa() {
  static const auto sheet = load_sheet("kanazawa/kanazawa-strategy-3rd-fy2024-2028.txt");
  return sheet;
}

std::string replaced(std::string text, const std::string& from, const std::string& to) {
  auto pos = text.find(from);
  REQUIRE(pos != std::string::npos);
  return text.replace(pos, from.size(), to);
}

const kpi::model::Indicator& first_of(const kpi::model::ParseOutput& out, const std::string& id,
                                      int seq = 1) {
  for (const auto& ind : out.indicators)
    if (ind.id == id && ind.seq == seq) return ind;
  FAIL("no KPI " << id << " #" << seq);
  throw;
}

}  // namespace

TEST_CASE("names: Takaoka keeps full-width digits, letters and brackets as printed",
          "[names][takaoka]") {
  const auto& twelve = find_indicator(takaoka(), "No.12");
  CHECK(twelve.name == "１０歳未満の子どもの数");  // lines 350-351, wrapped by the PDF
  CHECK(name_form(twelve.name) == "10歳未満の子どもの数");
  CHECK(find_indicator(takaoka(), "No.25").name ==
        "ＩＣＴを活用した授業が日常的に行われている学校の割合（小学校）");
  CHECK(find_indicator(takaoka(), "No.40").name == "高岡駅及び新高岡駅乗降客数（１日当たり）");
  // Line 443-444: "１０歳未満の子どもの数" then "【再掲（№12）】": the mark leaves the name.
  const auto& sixteen = find_indicator(takaoka(), "No.16");
  CHECK(sixteen.name == "１０歳未満の子どもの数");
  CHECK(sixteen.relisted_of == std::optional<std::string>("No.12"));
  CHECK(find_indicator(takaoka(), "No.1").name == "2025年までの転出・転入を均衡（累計）");
}

TEST_CASE("names: Kanazawa keeps the printed name, PDF gaps closed", "[names][kanazawa]") {
  const auto& ai = find_indicator(kanazawa(), "3-(1)-②");
  CHECK(ai.name == "ＡＩ活用行政情報自動案内システムの月間利用件数");
  CHECK(name_form(ai.name) == "AI活用行政情報自動案内システムの月間利用件数");
  CHECK(find_indicator(kanazawa(), "3-(1)-③").name == "金沢ＩＴ部活等の部員数（累計）");
  // A space between Japanese and a Latin word is printed; "（" after it too.
  CHECK(find_indicator(kanazawa(), "1-(1)-⑤", 2).name ==
        "市公式 LINE（ひとり親家庭向け配信）の登録者数");
  // "保育利用率⇥1 歳児": the PDF's gap in the group is closed.
  CHECK(find_indicator(kanazawa(), "1-(1)-③").name == "保育利用率(1歳児)");
  // "… 交流人口数 (R6～R10 の合計)": gaps before a bracket and after a number closed.
  CHECK(find_indicator(kanazawa(), "4-(4)-①").name ==
        "「三谷さとやま交流広場」でのイベント等による交流人口数(R6～R10の合計)");
}

TEST_CASE("names: Kanazawa spaced full-width letters and a printed ideographic space",
          "[names][kanazawa]") {
  auto out = kpi::formats::kanazawa::parse(
      "基本目標1 若い世代に優しいまちをつくる\n(1) 環境づくり\n① 支援の充実\n\n"
      "KPI（重要業績評価指標）\n\n"
      "- ・ 市の公式 Ｌ Ｉ Ｎ Ｅ の登録者数（累計） 〔再掲〕 1,000 人 (R5) → 2,000 人 (R10)\n"
      "- ・ 市民　満足度 50% (R5) → 60% (R10)\n",
      "t.txt");
  REQUIRE(out.indicators.size() == 2);
  CHECK(out.indicators[0].name == "市の公式ＬＩＮＥの登録者数（累計）");
  CHECK(name_form(out.indicators[0].name) == "市の公式LINEの登録者数(累計)");
  CHECK(out.indicators[0].relisted_of.has_value());
  CHECK(out.indicators[1].name == "市民　満足度");  // not a PDF gap: printed, kept
  CHECK(name_form(out.indicators[1].name) == "市民満足度");
}

TEST_CASE("names: Toyama keeps the 項目 cell as printed, parts included", "[names][toyama]") {
  auto real = kpi::testing::read_bytes(
      kpi::testing::data_path("toyama/toyama-strategy-progress-fy2020.tsv"));
  auto sheet = kpi::formats::toyama::parse(real, "toyama.tsv");
  CHECK(first_of(sheet, "1-08").name ==
        "主要高収益作物(野菜4品目:キャベツ、ばれいしよ、たまねぎ、にんじん)");
  CHECK(first_of(sheet, "1-07", 2).name == "②農業サポート新規マッチング成約件数");
  // The same row typed with full-width brackets, digits and an ideographic space.
  auto typed = replaced(real, "①農業サポーター登録者 ②農業サポート新規マッチング成約件数",
                        "①農業サポーター登録者　②農業サポート新規マッチング成約件数（累計）");
  typed = replaced(typed, "主要高収益作物(野菜4品目:キャベツ、ばれいしよ、たまねぎ、にんじん)",
                   "主要高収益作物（野菜４品目：キャベツ、ばれいしよ、たまねぎ、にんじん）");
  auto full = kpi::formats::toyama::parse(typed, "toyama.tsv");
  const auto& crops = first_of(full, "1-08");
  CHECK(crops.name == "主要高収益作物（野菜４品目：キャベツ、ばれいしよ、たまねぎ、にんじん）");
  CHECK(name_form(crops.name) == name_form(first_of(sheet, "1-08").name));
  CHECK(first_of(full, "1-07", 1).name == "①農業サポーター登録者");
  CHECK(first_of(full, "1-07", 2).name == "②農業サポート新規マッチング成約件数（累計）");
}

TEST_CASE("names: Joetsu keeps the printed name", "[names][joetsu]") {
  auto sheet = load_sheet("joetsu/joetsu-kpi-progress-fy2023.tsv");
  const auto& made_in = find_indicator(sheet, "A-1-1");
  CHECK(made_in.name == "メイド・イン上越認証品数（累計）");
  CHECK(name_form(made_in.name) == "メイド・イン上越認証品数(累計)");
}

TEST_CASE("names: next year's file joins the printed full-width KPIs", "[names][merge]") {
  using namespace kpi::testing::canonical;
  // The sheet prints "１０歳未満の子どもの数" and "ＩＣＴ…（小学校）"; next year's file is
  // typed with ASCII names, a full-width id and a capitalised municipality.
  auto fy2024 =
      temp_file("takaoka-fy2024-names.csv",
                "municipality,id,name,fiscal_year,target,actual,published_rate,baseline\n"
                "Takaoka,No.１２,10歳未満の子どもの数,2024,,11000,,\n"
                "takaoka,No.25,ICTを活用した授業が日常的に行われている学校の割合(小学校),2024,,,,\n"
                "takaoka,No.３,県Ｕターン就職率,2024,60.0,59.0,98.3%,\n");
  auto result = run({takaoka_sheet(), fy2024});
  REQUIRE(result.sheets.size() == 2);
  CHECK(result.sheets[1].parsed.indicators.empty());  // all three joined
  CHECK(result.sheets[1].merged_kpis == 3);
  CHECK_FALSE(has_diagnostic(result.diagnostics, "input.merge-unmatched", ""));
  CHECK_FALSE(has_diagnostic(result.diagnostics, "input.merge-near-miss", ""));
  const auto& twelve = indicator(result.sheets[0].parsed.indicators, "No.12");
  REQUIRE(twelve.observations.size() == 5);
  CHECK(observation(twelve, 2024).actual.text == "11000");
  CHECK(twelve.name == "10歳未満の子どもの数");  // the series shows the last file's printing
  CHECK(twelve.source.path == takaoka_sheet());  // and is the sheet's KPI
  const auto& three = indicator(result.sheets[0].parsed.indicators, "No.3");
  CHECK(observation(three, 2024).check.verdict == kpi::model::Verdict::match);
}

TEST_CASE("printed_view is printed() as a view into the printed text", "[formats][printed]") {
  auto text = kpi::text::normalize_mapped("  観光客数（年間）　\n①まちを つくる\n");
  const std::string_view all = text.normalized;
  for (std::size_t begin = 0; begin <= all.size(); ++begin)
    for (std::size_t end = begin; end <= all.size(); ++end) {
      kpi::formats::Span span{begin, end};
      auto view = kpi::formats::printed_view(text, span);
      INFO(begin << ".." << end);
      CHECK(view == kpi::formats::printed(text, span));
      CHECK(view.data() >= text.original.data());
      CHECK(view.data() + view.size() <= text.original.data() + text.original.size());
    }
}
