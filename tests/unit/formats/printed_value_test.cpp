#include "kpi/formats/printed_value.hpp"
#include "kpi/formats/time_point.hpp"

#include <chrono>
#include <string>

#include <catch2/catch.hpp>

#include "kpi/text/normalize.hpp"

using kpi::formats::first_qualifier;
using kpi::formats::is_prose;
using kpi::formats::number_at;
using kpi::formats::period_in;
using kpi::formats::read_value;
using kpi::formats::time_point_in;
using kpi::model::Qualifier;

namespace {

// One value as a layout reads it: from its first digit up to `stop` (a layout's split), and
// the time point in the bracket after it.
struct Read {
  std::string s;  // normalised
  std::optional<kpi::formats::PrintedValue> value;
  std::optional<kpi::formats::TimePointAt> time;
};

Read read(std::string_view printed, std::string_view stop = "(") {
  Read r{kpi::text::normalize(printed), std::nullopt, std::nullopt};
  auto digit = r.s.find_first_of("0123456789");
  auto end = std::min(r.s.find(stop, digit), r.s.size());
  r.value = read_value(r.s, digit, 0, end);
  if (auto open = r.s.find('(', digit); open != std::string::npos)
    r.time = time_point_in(r.s, open + 1, r.s.find(')', open));
  return r;
}

std::string number_of(const Read& r) {
  return r.value ? r.value->number.number.to_string() : "none";
}

}  // namespace

TEST_CASE("printed value: number, unit, time point and remark (Joetsu)", "[printed_value]") {
  auto r = read("589,989百万円 (R3) ※R4実績は未確定", " ");
  REQUIRE(r.value);
  CHECK(number_of(r) == "589989");
  CHECK(r.value->suffix.unit == "百万円");
  CHECK(r.value->suffix.qualifier == Qualifier::none);
  CHECK(r.value->end() == r.s.find(' '));
  REQUIRE(r.time);
  CHECK(r.time->fiscal_year == 2021);
  CHECK(r.s.substr(r.time->begin, r.time->end - r.time->begin) == "R3");

  auto about = read("約32,000件/年");
  CHECK(number_of(about) == "32000");
  CHECK(about.value->number.about);
  CHECK(about.value->begin() == 0);
  CHECK(about.value->suffix.unit == "件/年");

  auto full_width = read("５０．５％以上（Ｈ３０）");
  CHECK(number_of(full_width) == "50.5");
  CHECK(full_width.value->suffix.unit == "%");
  CHECK(full_width.value->suffix.qualifier == Qualifier::at_least);
  CHECK(full_width.time->fiscal_year == 2018);
}

TEST_CASE("printed value: minus signs (Takaoka, Joetsu)", "[printed_value]") {
  auto apart = read("▲ 441");
  CHECK(number_of(apart) == "-441");
  CHECK(apart.value->begin() == 0);
  CHECK(number_of(read("▲1,047人")) == "-1047");
  CHECK(number_of(read("△12.5%")) == "-12.5");
  auto dash = read("-2,265人/日増加(累計)");
  CHECK(number_of(dash) == "-2265");
  CHECK(dash.value->suffix.unit == "人/日増加");
  // "1-07" is an id, not 1 and -7; a sign before `floor` belongs to what comes before.
  std::string id = "1-07";
  CHECK(number_at(id, 2)->number.to_string() == "7");
  std::string mark = "▲441";
  CHECK(number_at(mark, 3, 3)->number.to_string() == "441");
  CHECK(number_at(mark, 3, 0)->number.to_string() == "-441");
}

TEST_CASE("printed value: qualifiers and periods (Kanazawa)", "[printed_value]") {
  auto cumulative = read("14,593 件（R4 年度までの累計）");
  CHECK(number_of(cumulative) == "14593");
  CHECK(cumulative.value->suffix.unit == "件");
  REQUIRE(cumulative.time);
  CHECK(cumulative.time->fiscal_year == 2022);
  CHECK(cumulative.time->last_fiscal_year == 2022);
  CHECK(cumulative.time->cumulative);

  auto keep = read("1,000 人以上を維持（R6～R10）");
  CHECK(number_of(keep) == "1000");
  CHECK(keep.value->suffix.unit == "人");
  CHECK(keep.value->suffix.qualifier == Qualifier::keep);
  REQUIRE(keep.time);
  CHECK_FALSE(keep.time->fiscal_year);  // a period over years
  CHECK(keep.time->last_fiscal_year == 2028);

  CHECK(read("95%以上を維持(R10)").value->suffix.qualifier == Qualifier::keep);
  CHECK(read("0人以下を維持").value->suffix.qualifier == Qualifier::keep);
  CHECK(read("42.2%以上").value->suffix.qualifier == Qualifier::at_least);
  CHECK(read("25以下").value->suffix.qualifier == Qualifier::at_most);
  CHECK(read("25以下").value->suffix.unit.empty());
  CHECK(read("7,000人程度").value->suffix.qualifier == Qualifier::about);
  CHECK(read("33,097個/年 (H30)").value->suffix.unit == "個/年");
  CHECK(read("5,659 人 (地区)", "→").value->suffix.unit == "人 (地区)");
  CHECK(first_qualifier("待機児童0人を維持") == Qualifier::keep);
  // "現状維持" names no qualifier word; Toyama reads 維持 in a target itself.
  CHECK(first_qualifier(kpi::text::normalize("2.0%(現状維持を目指す)")) == Qualifier::none);
  CHECK(first_qualifier("継続実施") == Qualifier::none);
}

TEST_CASE("printed value: brackets without a time point, prose", "[printed_value]") {
  std::string s = kpi::text::normalize("(直江津)");
  CHECK_FALSE(time_point_in(s, 1, s.size() - 1));
  std::string label = "H30 直江津";
  auto t = time_point_in(label, 0, label.size());
  REQUIRE(t);
  CHECK(label.substr(t->begin, t->end - t->begin) == "H30");
  std::string range = kpi::text::normalize("H26～H30の平均値");
  auto average = time_point_in(range, 0, range.size());
  REQUIRE(average);
  CHECK(average->end == range.size());
  CHECK_FALSE(average->fiscal_year);
  CHECK(is_prose("の組織において"));
  CHECK_FALSE(is_prose("か所"));
  CHECK_FALSE(is_prose("千t-CO₂"));
}

TEST_CASE("printed value: a period names a year anywhere in its bracket (Kanazawa)",
          "[printed_value]") {
  std::string words_first = "累計 R4";
  CHECK_FALSE(time_point_in(words_first, 0, words_first.size()));  // Joetsu: a label, no time
  auto period = period_in(words_first, 0, words_first.size());
  REQUIRE(period);
  CHECK(period->begin == 0);
  CHECK(period->end == words_first.size());
  CHECK(period->last_fiscal_year == 2022);
  CHECK(period->cumulative);
  std::string district = "地区";
  CHECK_FALSE(period_in(district, 0, district.size()));
}

TEST_CASE("printed value: a run of millions of digits is read in linear time",
          "[printed_value][hostile]") {
  std::string digits(3'000'000, '7');
  auto start = std::chrono::steady_clock::now();
  CHECK_FALSE(number_at(digits, 0));
  CHECK_FALSE(read_value(digits + "人", 0, 0, digits.size() + 3));
  auto elapsed = std::chrono::steady_clock::now() - start;
  CHECK(elapsed < std::chrono::seconds(1));
}
