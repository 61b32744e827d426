#include <catch2/catch.hpp>

#include <random>
#include <string>
#include <vector>

#include "kpi/text/normalize.hpp"
#include "kpi/text/number.hpp"

using kpi::model::Decimal;
using kpi::text::normalize;

namespace {
Decimal exact(std::string_view s) {
  auto d = kpi::text::parse_exact_number(normalize(s));
  REQUIRE(d);
  return *d;
}
}  // namespace

TEST_CASE("printed numbers keep their decimals", "[text][number]") {
  CHECK(exact("58.0").units == 580);
  CHECK(exact("58.0").scale == 1);
  CHECK(exact("58").scale == 0);
  CHECK(exact("1,190").units == 1190);
  CHECK(exact("104,754").units == 104754);
  CHECK(exact("99.0%").units == 990);
  CHECK(exact("3724.0%").units == 37240);
}

TEST_CASE("triangles and dashes mean minus", "[text][number]") {
  CHECK(exact("▲275").units == -275);
  CHECK(exact("▲ 441").units == -441);
  CHECK(exact("△1,047").units == -1047);
  CHECK(exact("-328.2%").units == -3282);
}

TEST_CASE("full-width digits, percent and comma are read after NFKC", "[text][number]") {
  CHECK(exact("１，２３４．５％").units == 12345);
  CHECK(exact("１，２３４．５％").scale == 1);
}

TEST_CASE("dashes alone mean no value", "[text][number]") {
  for (auto s : {"-", "－", "―", "—", "－－", "", "  "}) {
    INFO(s);
    CHECK(kpi::text::is_no_value(normalize(s)));
  }
  CHECK_FALSE(kpi::text::is_no_value("0"));
  CHECK_FALSE(kpi::text::is_no_value("-5"));
  // Random mixes of every dash, spaces, the bytes dashes share with kana (E3 83) and others,
  // against the definition: nothing but dashes and spaces.
  const std::vector<std::string> dashes = {"-", "―", "—", "–", "－", "…", "ー", "−"};
  const std::vector<std::string> others = {"ア", "ャ", "5", "a", "\xE2\x80", "\xE3", "＋", "…a"};
  const std::vector<std::string> spaces = {" ", "\t", "\xE3\x80\x80", "\xC2\xA0"};
  std::mt19937 random(4);
  for (int round = 0; round < 20000; ++round) {
    std::string s;
    bool only_dashes = true;
    for (auto n = random() % 6; n > 0; --n) {
      switch (random() % 3) {
        case 0:
          s += dashes[random() % dashes.size()];
          break;
        case 1:
          s += spaces[random() % spaces.size()];
          break;
        default:
          if (random() % 4 == 0) s += others[random() % others.size()], only_dashes = false;
      }
    }
    INFO(s);
    REQUIRE(kpi::text::is_no_value(s) == only_dashes);
  }
}

TEST_CASE("hostile numbers are rejected, not misread", "[text][number]") {
  CHECK_FALSE(kpi::text::parse_exact_number("1e309"));
  CHECK_FALSE(kpi::text::parse_exact_number("NaN"));
  CHECK_FALSE(kpi::text::parse_exact_number("▲▲5"));
  CHECK_FALSE(kpi::text::parse_exact_number("123456789012345678901234567890"));
  CHECK_FALSE(kpi::text::parse_exact_number("1.0000000000000001"));
}

TEST_CASE("numbers beyond exact reading are told from other unread digits", "[text][number]") {
  CHECK(kpi::text::exceeds_exact_digits("1234567890123456789"));  // 19 significant digits
  CHECK(kpi::text::exceeds_exact_digits("約 1,234,567,890,123,456,789人"));
  CHECK(kpi::text::exceeds_exact_digits("0.1234567890123"));               // 13 decimals
  CHECK_FALSE(kpi::text::exceeds_exact_digits("123456789012345678"));      // 18: read
  CHECK_FALSE(kpi::text::exceeds_exact_digits("0000000000000000000001"));  // zeros lead
  CHECK_FALSE(kpi::text::exceeds_exact_digits("R5年度策定"));
  CHECK_FALSE(kpi::text::exceeds_exact_digits("100～120"));
}

TEST_CASE("cells whose digits go on oddly hold no number, only their text",
          "[text][number][robust]") {
  for (std::string cell : {"1e309", "9.3E+18", "1e-13", "1.2.3", "12,34", "1,2345件"}) {
    INFO(cell);
    auto c = kpi::text::parse_cell(normalize(cell), cell);
    CHECK_FALSE(c.value.number);
    CHECK(c.value.text == cell);
  }
  for (std::string cell : {"NaN", "▲▲5", "－－", "inf"}) {
    INFO(cell);
    CHECK_FALSE(kpi::text::parse_cell(normalize(cell), cell).value.number);
  }
  // Still numbers: a unit starting with e, a sentence after the value.
  CHECK(kpi::text::parse_cell("5eV", "5eV").value.number->units == 5);
  CHECK(kpi::text::parse_cell("1,234.5人", "1,234.5人").value.number->units == 12345);
}

TEST_CASE("an exponent, as Excel's General prints 12 digits or more, is read exactly",
          "[text][number]") {
  auto read = [](std::string cell) { return kpi::text::parse_cell(normalize(cell), cell); };
  CHECK(read("1.5E+11").value.number->to_string() == "150000000000");
  CHECK(read("1.35432E+11").value.number->to_string() == "135432000000");
  CHECK(read("1E+5").value.number->to_string() == "100000");
  CHECK(read("-2.5E+2").value.number->to_string() == "-250");
  CHECK(read("1.25E+1").value.number->to_string() == "12.5");
  auto small = read("2.5e-3人");
  CHECK(small.value.number->to_string() == "0.0025");
  CHECK(small.unit == "人");
  CHECK(small.value.text == "2.5e-3人");  // printed as it was
}

TEST_CASE("ids and ranges are not negative numbers", "[text][number]") {
  auto t = kpi::text::find_number("1-07", 1);
  REQUIRE(t);
  CHECK(t->number.units == 7);
  CHECK(t->begin == 2);
}

TEST_CASE("cells with units, notes and qualifiers", "[text][number]") {
  auto c = kpi::text::parse_cell(normalize("766人(平成30年度)"), "766人(平成30年度)");
  REQUIRE(c.value.number);
  CHECK(c.value.number->units == 766);
  CHECK(c.unit == "人");
  CHECK(c.note == "平成30年度");
  CHECK(c.value.text == "766人(平成30年度)");

  auto cumulative = kpi::text::parse_cell(normalize("30件(累計)"), "30件(累計)");
  CHECK(cumulative.note == "累計");
  CHECK(cumulative.unit == "件");

  auto at_least = kpi::text::parse_cell(normalize("42.2%以上"), "42.2%以上");
  CHECK(at_least.qualifier == kpi::model::Qualifier::at_least);
  CHECK(at_least.unit == "%");
  CHECK(at_least.value.number->units == 422);

  auto at_most = kpi::text::parse_cell("25以下", "25以下");
  CHECK(at_most.qualifier == kpi::model::Qualifier::at_most);

  auto qualitative = kpi::text::parse_cell("継続実施", "継続実施");
  CHECK_FALSE(qualitative.value.number);
  CHECK(qualitative.value.text == "継続実施");
}

TEST_CASE("decimal text is canonical", "[text][number]") {
  CHECK(Decimal{580, 1}.to_string() == "58.0");
  CHECK(Decimal{-3282, 1}.to_string() == "-328.2");
  CHECK(Decimal{5, 2}.to_string() == "0.05");
  CHECK(Decimal{-5, 2}.to_string() == "-0.05");
  CHECK(Decimal{580, 1} == Decimal{58, 0});
}

namespace {
kpi::text::CellValue cell(const std::string& printed) {
  return kpi::text::parse_cell(normalize(printed), printed);
}
}  // namespace

TEST_CASE("signs right before the digits: + and ＋ plus, − ‐ – － minus", "[text][number]") {
  struct Case {
    std::string printed;
    std::int64_t units;
    int scale;
    std::string unit;
  };
  for (const auto& c : std::vector<Case>{{"+100", 100, 0, ""},
                                         {"＋100", 100, 0, ""},
                                         {"+1,190人", 1190, 0, "人"},
                                         {"−150", -150, 0, ""},         // U+2212
                                         {"−10.0%", -100, 1, "%"},      // U+2212
                                         {"‐200", -200, 0, ""},         // U+2010
                                         {"–12.5%", -125, 1, "%"},      // U+2013
                                         {"－1,047", -1047, 0, ""}}) {  // U+FF0D
    INFO(c.printed);
    auto v = cell(c.printed);
    REQUIRE(v.value.number);
    CHECK(v.value.number->units == c.units);
    CHECK(v.value.number->scale == c.scale);
    CHECK(v.value.decimals() == c.scale);
    CHECK(v.unit == c.unit);
    CHECK(v.mark.empty());
    CHECK(v.value.text == c.printed);  // printed text kept as is
  }
  // The same signs in find_number and parse_exact_number.
  CHECK(exact("−150").units == -150);
  CHECK(exact("+80").units == 80);
  auto plus = kpi::text::find_number("目標+5");
  REQUIRE(plus);
  CHECK(plus->begin == std::string_view("目標").size());
  // Still not signs: after a letter or digit (an id, a range).
  for (std::string s : {"1−07", "R5.1–6", "2020–2025", "1+2", "A+5"}) {
    INFO(s);
    auto t = kpi::text::find_number(s, 1);
    REQUIRE(t);
    CHECK(t->number.units > 0);
  }
}

TEST_CASE("a dash alone, or with spaces, is still no value", "[text][number]") {
  for (std::string printed : {"−", "–", "－", "-", " − ", "－ －", "―", "—"}) {
    INFO(printed);
    CHECK(kpi::text::is_no_value(normalize(printed)));
    auto v = cell(printed);
    CHECK_FALSE(v.value.number);
    CHECK(v.mark.empty());
  }
  // A dash apart from the digits is no sign: the cell does not start with its number.
  for (std::string printed : {"− 150", "+ 100", "‐", "+"}) {
    INFO(printed);
    CHECK_FALSE(cell(printed).value.number);
  }
  // ▲ keeps its spaces ("▲ 441") and its meaning.
  CHECK(cell("▲ 441").value.number->units == -441);
  CHECK(cell("△1,047").value.number->units == -1047);
}

TEST_CASE("a number after a leading mark is read, the text kept", "[text][number]") {
  struct Case {
    std::string printed;
    std::string mark;  // as normalised
  };
  for (const auto& c : std::vector<Case>{{"※75.0%", "※"},
                                         {"*75.0%", "*"},
                                         {"＊75.0%", "*"},
                                         {"↑75.0%", "↑"},
                                         {"↓75.0%", "↓"},
                                         {"→75.0%", "→"},
                                         {"'75.0%", "'"},
                                         {"=75.0%", "="},
                                         {"※ 75.0%", "※"}}) {
    INFO(c.printed);
    auto v = cell(c.printed);
    REQUIRE(v.value.number);
    CHECK(v.value.number->units == 750);
    CHECK(v.value.number->scale == 1);
    CHECK(v.unit == "%");
    CHECK(v.mark == c.mark);
    CHECK(v.value.text == c.printed);
  }
  auto signed_after_mark = cell("↓−5.5");
  REQUIRE(signed_after_mark.value.number);
  CHECK(signed_after_mark.value.number->units == -55);
  auto with_unit = cell("※30件(累計)");
  REQUIRE(with_unit.value.number);
  CHECK(with_unit.value.number->units == 30);
  CHECK(with_unit.unit == "件");
  CHECK(with_unit.note == "累計");
  // A mark before no number, or before text, is no number; nor is a footnote's number (※1:
  // see note 1). A number with more to it after the mark is a value (※100, ↑1).
  CHECK(cell("※100").value.number->units == 100);
  CHECK(cell("↑1").value.number->units == 1);
  for (std::string printed :
       {"※", "※-", "※ 見込み", "=A1/B1", "'", "↑増加", "※※5", "※1", "※ 2", "*3", "＊12"}) {
    INFO(printed);
    CHECK_FALSE(cell(printed).value.number);
    CHECK(cell(printed).value.text == printed);
  }
}

TEST_CASE("a number wholly in brackets is the number, not a negative", "[text][number]") {
  for (std::string printed : {"(75.0%)", "（75.0%）", "（７５．０％）", "( 75.0% )"}) {
    INFO(printed);
    auto v = cell(printed);
    REQUIRE(v.value.number);
    CHECK(v.value.number->units == 750);
    CHECK(v.value.number->scale == 1);
    CHECK(v.unit == "%");
    CHECK(v.mark == "()");
    CHECK(v.value.text == printed);
  }
  auto plain = cell("(1,200)");
  REQUIRE(plain.value.number);
  CHECK(plain.value.number->units == 1200);  // not -1200
  CHECK(plain.unit.empty());
  CHECK(cell("(▲5)").value.number->units == -5);
  // Brackets around more than a number, or a number before brackets, read as before.
  for (std::string printed : {"(R4)", "(75.0%見込み)", "(75.0%)以上", "()", "(-)"}) {
    INFO(printed);
    CHECK_FALSE(cell(printed).value.number);
  }
  CHECK(cell("766人(平成30年度)").note == "平成30年度");
  CHECK(cell("766人(平成30年度)").mark.empty());
}
