// Numbers and dates as Excel shows them under their number formats.
#include <catch2/catch.hpp>

#include <cstdint>
#include <string>
#include <vector>

#include "grid/compiled_format.hpp"
#include "kpi/grid/number_format.hpp"

using kpi::grid::builtin_number_format;
using kpi::grid::format_number;
using kpi::grid::is_date_format;
using kpi::grid::serial_from_iso_date;

TEST_CASE("percent formats round half away from zero on the decimal text", "[grid]") {
  CHECK(format_number("0.9166", "0.0%") == "91.7%");
  CHECK(format_number("0.1425", "0.0%") == "14.3%");
  CHECK(format_number("0.14249999999999999", "0.0%") == "14.3%");  // Excel's 15 digits
  CHECK(format_number("0.91666666666666663", "0.0%") == "91.7%");
  CHECK(format_number("1.4330000000000001", "0.0%") == "143.3%");
  CHECK(format_number("0.5", "0%") == "50%");
  CHECK(format_number("0.005", "0%") == "1%");
  CHECK(format_number("0.12345", "0.00%") == "12.35%");
  CHECK(format_number("-0.1425", "0.0%") == "-14.3%");
  CHECK(format_number("0", "0.0%") == "0.0%");
}

TEST_CASE("integer, decimal and grouped formats", "[grid]") {
  CHECK(format_number("79.2", "0") == "79");
  CHECK(format_number("79.5", "0") == "80");
  CHECK(format_number("-79.5", "0") == "-80");
  CHECK(format_number("11499", "#,##0") == "11,499");
  CHECK(format_number("1234567.891", "#,##0.0") == "1,234,567.9");
  CHECK(format_number("999.96", "#,##0.0") == "1,000.0");
  CHECK(format_number("0.25", "0.0") == "0.3");
  CHECK(format_number("0.04", "0.00") == "0.04");
  CHECK(format_number("0", "#,##0") == "0");
  CHECK(format_number("12.5", "#.##") == "12.5");
  CHECK(format_number("1500000", "#,##0,") == "1,500");
  CHECK(format_number("12345", "0.00E+00") == "1.23E+04");
}

TEST_CASE("literal text, sections and colours", "[grid]") {
  CHECK(format_number("1234", "#,##0\"人\"") == "1,234人");
  CHECK(format_number("12", "0\"件\"") == "12件");
  CHECK(format_number("-5", "#,##0;\"▲\"#,##0") == "▲5");
  CHECK(format_number("-5", "#,##0;[Red]△#,##0") == "△5");
  CHECK(format_number("5", "#,##0;[Red]△#,##0") == "5");
  CHECK(format_number("-1234.5", "#,##0.0;\"-\"#,##0.0") == "-1,234.5");
  CHECK(format_number("0", "0;-0;\"－\"") == "－");
  CHECK(format_number("3", "[Blue]0;[Red]-0") == "3");
  CHECK(format_number("1000", "[$¥-411]#,##0") == "¥1,000");
  CHECK(format_number("7", "0_);(0)") == "7 ");
  CHECK(format_number("-7", "0_);(0)") == "(7)");
}

TEST_CASE("General shows up to 11 significant digits", "[grid]") {
  CHECK(format_number("79.2", "General") == "79.2");
  CHECK(format_number("0.10000000000000001", "General") == "0.1");
  CHECK(format_number("0.91666666666666663", "General") == "0.91666666667");
  CHECK(format_number("11499", "General") == "11499");
  CHECK(format_number("-3", "General") == "-3");
  CHECK(format_number("123456789012", "General") == "1.23457E+11");
  CHECK(format_number("1E-10", "General") == "1E-10");
  CHECK(format_number("0", "General") == "0");
  CHECK(format_number("12.5", "") == "12.5");
  CHECK(format_number("not a number", "0.0") == "not a number");
}

TEST_CASE("dates in the Japanese eras and Gregorian formats", "[grid]") {
  // 45017 = 2023-04-01, 43586 = 2019-05-01 (令和元年), 43585 = 2019-04-30 (平成31年).
  CHECK(format_number("45017", "[$-ja-JP]ggge\"年\"m\"月\"d\"日\"") == "令和5年4月1日");
  CHECK(format_number("43586", "[$-411]ggge\"年\"m\"月\"d\"日\"") == "令和1年5月1日");
  CHECK(format_number("43585", "[$-411]ggge\"年\"m\"月\"d\"日\"") == "平成31年4月30日");
  CHECK(format_number("32516", "[$-411]ge.m.d") == "H1.1.8");
  CHECK(format_number("32515", "[$-411]ge.m.d") == "S64.1.7");
  CHECK(format_number("45017", "yyyy/m/d") == "2023/4/1");
  CHECK(format_number("45017", "m/d") == "4/1");
  CHECK(format_number("45017.5", "yyyy/mm/dd hh:mm") == "2023/04/01 12:00");
  CHECK(format_number("45017", "yyyy\"年\"m\"月\"d\"日\"(aaa)") == "2023年4月1日(土)");
  CHECK(format_number("60", "yyyy-mm-dd") == "1900-02-29");
  CHECK(format_number("61", "yyyy-mm-dd") == "1900-03-01");
  CHECK(format_number(serial_from_iso_date("2023-04-01"), std::string(builtin_number_format(58))) ==
        "令和5年4月1日");
}

TEST_CASE("built-in formats, date detection and ISO dates", "[grid]") {
  CHECK(builtin_number_format(0) == "General");
  CHECK(builtin_number_format(3) == "#,##0");
  CHECK(builtin_number_format(10) == "0.00%");
  CHECK(builtin_number_format(14) == "yyyy/m/d");
  CHECK(builtin_number_format(200).empty());
  CHECK(is_date_format("yyyy/m/d"));
  CHECK(is_date_format("[$-411]ggge\"年\"m\"月\"d\"日\""));
  CHECK_FALSE(is_date_format("0.0%"));
  CHECK_FALSE(is_date_format("#,##0\"日\""));
  CHECK_FALSE(is_date_format("General"));
  CHECK_FALSE(is_date_format("[Red]0.0"));
  CHECK(serial_from_iso_date("2023-04-01") == "45017");
  CHECK(serial_from_iso_date("2023-04-01T12:00:00") == "45017.5");
  CHECK(serial_from_iso_date("1900-01-01") == "1");
  CHECK(serial_from_iso_date("April").empty());
}

TEST_CASE("plain values under plain formats read as integers show as through their digits",
          "[grid]") {
  // format() reads "244" or "-0.639" under "0.0%" or "#,##0" in 64-bit integers; the reading
  // through the digits as a string decides, for every code and value.
  std::vector<std::string> codes = {"",
                                    "General",
                                    "0",
                                    "0.0",
                                    "0.00",
                                    "#,##0",
                                    "#,##0.0",
                                    "0.0%",
                                    "0%",
                                    "0.00%",
                                    "#.##",
                                    "0.0#",
                                    "#",
                                    "0,",
                                    "0.0,,",
                                    "%0",
                                    "0.0%%",
                                    "00000",
                                    "#,##0;-0",
                                    "0;0;\"zero\"",
                                    "0.000000",
                                    "0.",
                                    "#,###.00",
                                    "?0.0",
                                    "0.0??",
                                    "General;-General",
                                    "0.0%;\"▲\"0.0%",
                                    "000000000000000000000"};
  std::vector<std::string> values = {"0",
                                     "-0",
                                     "0.0",
                                     "244",
                                     "-244",
                                     "0.639",
                                     "0.6395",
                                     "-0.6395",
                                     "0.05",
                                     "0.0004",
                                     "0.5",
                                     "-0.5",
                                     "1.5",
                                     "2.5",
                                     "999.95",
                                     "9.96",
                                     "1200",
                                     "1234567.891",
                                     "007.50",
                                     ".5",
                                     "5.",
                                     "123456789012345",
                                     "0.000000001",
                                     "1e3",
                                     "+5",
                                     "99999999999.5",
                                     "0.999999999999999",
                                     "-0.04"};
  std::uint64_t state = 7;
  for (int i = 0; i < 2000; ++i) {  // digits, a point somewhere, a sign: a fixed sequence
    state = state * 6364136223846793005ull + 1442695040888963407ull;
    std::uint64_t modulus = 10;
    for (auto n = (state >> 20) % 16; n > 0; --n) modulus *= 10;  // 1 to 16 digits
    auto digits = std::to_string(state % modulus);
    auto point = static_cast<std::size_t>((state >> 40) % (digits.size() + 1));
    std::string value = ((state >> 50) & 1) ? "-" : "";
    value += digits.substr(0, point) + "." + digits.substr(point);
    values.push_back(value);
  }
  for (const auto& code : codes) {
    kpi::grid::CompiledFormat format(code);
    for (const auto& value : values) {
      INFO(code << " " << value);
      CHECK(format.format(value) == format.format_by_digits(value));
    }
  }
}
