#include "kpi/formats/value_parts.hpp"

#include <catch2/catch.hpp>

using kpi::formats::flatten_parts;
using kpi::formats::read_value_cell;
using kpi::model::Qualifier;

namespace {

std::string number_of(const kpi::formats::ValuePart& p) {
  return p.value.number ? p.value.number->to_string() : "none";
}

}  // namespace

TEST_CASE("value cell: one value, unit and time point", "[value_parts]") {
  auto c = read_value_cell("126品 (R元)");
  REQUIRE(c.parts.size() == 1);
  CHECK(number_of(c.parts[0]) == "126");
  CHECK(c.parts[0].value.text == "126品");
  CHECK(c.parts[0].unit == "品");
  REQUIRE(c.parts[0].time);
  CHECK(c.parts[0].time->text == "R元");
  CHECK(c.parts[0].time->fiscal_year == 2019);
  CHECK(c.parts[0].label.empty());
}

TEST_CASE("value cell: qualifier, percent and unit with a slash", "[value_parts]") {
  auto c = read_value_cell("42.2%以上");
  REQUIRE(c.parts.size() == 1);
  CHECK(number_of(c.parts[0]) == "42.2");
  CHECK(c.parts[0].unit == "%");
  CHECK(c.parts[0].qualifier == Qualifier::at_least);
  CHECK(c.parts[0].value.text == "42.2%以上");

  auto d = read_value_cell("295/年以下");
  REQUIRE(d.parts.size() == 1);
  CHECK(number_of(d.parts[0]) == "295");
  CHECK(d.parts[0].unit == "/年");
  CHECK(d.parts[0].qualifier == Qualifier::at_most);

  auto e = read_value_cell("33,097個/年 (H30)");
  REQUIRE(e.parts.size() == 1);
  CHECK(number_of(e.parts[0]) == "33097");
  CHECK(e.parts[0].unit == "個/年");
  CHECK(e.parts[0].time->fiscal_year == 2018);
}

TEST_CASE("value cell: sub-year time points and ranges", "[value_parts]") {
  CHECK(read_value_cell("1,150人 (H31.4)").parts.at(0).time->fiscal_year == 2019);
  CHECK(read_value_cell("54.1% (H31.3)").parts.at(0).time->fiscal_year == 2018);
  auto range = read_value_cell("4,246人 (H26～H30の平均値)");
  REQUIRE(range.parts.size() == 1);
  CHECK(range.parts[0].time->text == "H26～H30の平均値");
  CHECK_FALSE(range.parts[0].time->fiscal_year);
  auto months = read_value_cell("1.05 (R5.1~6)");
  CHECK(months.parts.at(0).time->text == "R5.1~6");
  CHECK_FALSE(months.parts.at(0).time->fiscal_year);
  auto actual = read_value_cell("1,240,000人/年 (R4実績) ※R5実績は6月末頃確定予定");
  CHECK(actual.parts.at(0).time->fiscal_year == 2022);
  CHECK(actual.remark == "※R5実績は6月末頃確定予定");
}

TEST_CASE("value cell: remark after the value", "[value_parts]") {
  auto c = read_value_cell("589,989百万円 (R3) ※R4実績は未確定");
  REQUIRE(c.parts.size() == 1);
  CHECK(number_of(c.parts[0]) == "589989");
  CHECK(c.parts[0].unit == "百万円");
  CHECK(c.parts[0].time->fiscal_year == 2021);
  CHECK(c.remark == "※R4実績は未確定");
}

TEST_CASE("value cell: words only, dashes and prose numbers", "[value_parts]") {
  auto words = read_value_cell("航路数の増加・コンテナの仕向け地の多様化");
  CHECK(words.parts.empty());
  CHECK_FALSE(words.no_value);
  CHECK(words.text == "航路数の増加・コンテナの仕向け地の多様化");
  CHECK(read_value_cell("-").no_value);
  CHECK(read_value_cell(" ").no_value);
  auto prose =
      read_value_cell("市内12の組織において中山間地域の活性化に向けた取組が行われている状態 (H30)");
  CHECK(prose.parts.empty());
  REQUIRE(prose.time);
  CHECK(prose.time->fiscal_year == 2018);
  CHECK(
      read_value_cell(
          "中学校2年英語のみ全国平均と同程度であるが、他は全学年・全教科で全国平均を上回る。(H30)")
          .parts.empty());
}

TEST_CASE("value cell: groups in brackets", "[value_parts]") {
  auto c = read_value_cell("953,404人 (H30 直江津) 1,128,338人 (H30 高田)");
  REQUIRE(c.parts.size() == 2);
  CHECK(number_of(c.parts[0]) == "953404");
  CHECK(c.parts[0].label == "直江津");
  CHECK(c.parts[0].time->fiscal_year == 2018);
  CHECK(number_of(c.parts[1]) == "1128338");
  CHECK(c.parts[1].label == "高田");
  auto t = read_value_cell("954,000人以上 (直江津) 1,129,000人以上 (高田)");
  REQUIRE(t.parts.size() == 2);
  CHECK(t.parts[0].label == "直江津");
  CHECK(t.parts[1].qualifier == Qualifier::at_least);
  CHECK(t.parts[1].label == "高田");
}

TEST_CASE("value cell: labels before the values", "[value_parts]") {
  auto c = read_value_cell("小学6年生88.2% 中学3年生84.5% (H29)");
  REQUIRE(c.parts.size() == 2);
  CHECK(c.parts[0].label == "小学6年生");
  CHECK(number_of(c.parts[0]) == "88.2");
  CHECK(c.parts[1].label == "中学3年生");
  CHECK(number_of(c.parts[1]) == "84.5");
  CHECK(c.time->fiscal_year == 2017);
  auto full_width = read_value_cell("小学校・国語：50.0 小学校・算数：50.2");
  REQUIRE(full_width.parts.size() == 2);
  CHECK(full_width.parts[0].label == "小学校・国語");
  CHECK(full_width.parts[1].value.text == "50.2");
  auto prose_label =
      read_value_cell("小学校の各教科の偏差値平均53以上 中学校の各教科の偏差値平均52以上");
  REQUIRE(prose_label.parts.size() == 2);
  CHECK(prose_label.parts[1].label == "中学校の各教科の偏差値平均");
  CHECK(number_of(prose_label.parts[1]) == "52");
}

TEST_CASE("value cell: values in different units", "[value_parts]") {
  auto c = read_value_cell("14組・19人 (H30)");
  REQUIRE(c.parts.size() == 2);
  CHECK(c.parts[0].unit == "組");
  CHECK(c.parts[1].unit == "人");
  CHECK(c.parts[1].label.empty());
  CHECK(number_of(c.parts[1]) == "19");
}

TEST_CASE("value cell: breakdown and reference figures", "[value_parts]") {
  auto c = read_value_cell(
      "2,236人/日 (ほくほく線: 1,011人/日 トキ鉄: 1,325人/日) (R4) ※R5実績については7月頃把握予定");
  REQUIRE(c.parts.size() == 1);
  REQUIRE(c.parts[0].breakdown.size() == 2);
  CHECK(c.parts[0].breakdown[0].label == "ほくほく線");
  CHECK(number_of(c.parts[0].breakdown[1]) == "1325");
  CHECK(c.parts[0].time->fiscal_year == 2022);
  CHECK(flatten_parts(c).size() == 3);

  auto r = read_value_cell("54.1% (参考：依頼会員 516人、提供会員 279人) (H31.3)");
  REQUIRE(r.parts.size() == 1);
  CHECK(r.parts[0].breakdown.empty());
  REQUIRE(r.parts[0].references.size() == 2);
  CHECK(number_of(r.parts[0].references[1]) == "279");
  CHECK(r.parts[0].reference_text == "参考：依頼会員 516人、提供会員 279人");
  CHECK(r.parts[0].time->fiscal_year == 2018);
}

TEST_CASE("value cell: approximate and negative values", "[value_parts]") {
  auto c = read_value_cell("約32,000件/年");
  REQUIRE(c.parts.size() == 1);
  CHECK(c.parts[0].value.text == "約32,000件/年");
  CHECK(c.parts[0].label.empty());
  auto minus = read_value_cell("▲1,047人");
  REQUIRE(minus.parts.size() == 1);
  CHECK(number_of(minus.parts[0]) == "-1047");
}

TEST_CASE("value cell: full-width input keeps its printed characters", "[value_parts]") {
  auto c = read_value_cell("５０．５％以上（Ｈ３０）");
  REQUIRE(c.parts.size() == 1);
  CHECK(number_of(c.parts[0]) == "50.5");
  CHECK(c.parts[0].value.text == "５０．５％以上");
  CHECK(c.parts[0].time->fiscal_year == 2018);
}

TEST_CASE("value cell: deep or unclosed brackets do not break the reader", "[value_parts]") {
  std::string deep(200, '(');
  CHECK(read_value_cell("5人 " + deep).parts.size() == 1);
  auto unclosed = read_value_cell("5人 (H30");
  REQUIRE(unclosed.parts.size() == 1);
  CHECK(unclosed.parts[0].time->fiscal_year == 2018);
}
