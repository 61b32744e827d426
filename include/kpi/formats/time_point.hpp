#pragma once
// The parser kit's time point: the bracket printed after a value that names when it holds,
// in normalised text: "(H30)", "(H30 直江津)", "(R4実績)", "(R元.11)", "(H26～H30の平均値)",
// "(R5.1~6)", "(R4 年度までの累計)", "(R6～R10)". Joetsu (value_parts.cpp: time_point_in) and
// Kanazawa (kanazawa_values.cpp: period_in) read their brackets with it; printed_value.hpp
// reads the value before it.
#include <cstddef>
#include <optional>
#include <string_view>

namespace kpi::formats {

struct TimePointAt {
  std::size_t begin = 0;  // the time point in the text: "H30" of "H30 直江津", all of a period
  std::size_t end = 0;
  std::optional<int> fiscal_year;       // the year named; absent for a period over years
  std::optional<int> last_fiscal_year;  // where it ends (text::period_end_fiscal_year)
  bool cumulative = false;              // 累計: "R4 年度までの累計"
};

// The time point a bracket's text s[b, e) starts with (spaces skipped): a year, then a range
// ("～", "~", "-" and what follows) or words (cut off at the first space: "直江津" is a label).
std::optional<TimePointAt> time_point_in(std::string_view s, std::size_t b, std::size_t e);

// A bracket that names a year anywhere in s[b, e), read whole as a period: "(R4 年度までの累計)",
// "(累計 R4)", "(見込 R5)". For a bracket that can hold nothing else (Kanazawa's period).
std::optional<TimePointAt> period_in(std::string_view s, std::size_t b, std::size_t e);

}  // namespace kpi::formats
