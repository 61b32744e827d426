#include "kpi/text/period.hpp"

#include <array>

#include "kpi/text/era.hpp"
#include "kpi/text/strings.hpp"

namespace kpi::text {
namespace {

struct EraOffset {
  std::string_view name;
  int offset;  // Gregorian year = offset + era year
};

constexpr std::array<EraOffset, 6> era_offsets = {
    {{"令和", 2018}, {"平成", 1988}, {"昭和", 1925}, {"R", 2018}, {"H", 1988}, {"S", 1925}}};

constexpr std::array<std::string_view, 4> range_markers = {"～", "〜", "~", "から"};

// Reads up to 4 digits at `i`; advances `i`.
std::optional<int> read_number(std::string_view s, std::size_t& i) {
  int value = 0, digits = 0;
  while (i < s.size() && is_ascii_digit(s[i]) && digits < 4)
    value = value * 10 + (s[i++] - '0'), ++digits;
  if (!digits) return std::nullopt;
  return value;
}

// Offset of the era written at `begin` (0 for a Gregorian year).
int era_offset_at(std::string_view s, std::size_t begin) {
  for (const auto& era : era_offsets)
    if (s.substr(begin, era.name.size()) == era.name) return era.offset;
  return 0;
}

// After a year: skips "年度" or "年" and a month "M月"; returns -1 when the month is January to
// March (the previous fiscal year), else 0.
int skip_year_suffix(std::string_view s, std::size_t& i) {
  if (starts_with(s.substr(i), "年度")) {
    i += std::string_view("年度").size();
    return 0;
  }
  if (!starts_with(s.substr(i), "年")) return 0;
  i += std::string_view("年").size();
  std::size_t j = i;
  auto month = read_number(s, j);
  if (!month || !starts_with(s.substr(j), "月")) return 0;
  i = j + std::string_view("月").size();
  return *month >= 1 && *month <= 3 ? -1 : 0;
}

bool skip_range_marker(std::string_view s, std::size_t& i) {
  for (auto marker : range_markers)
    if (starts_with(s.substr(i), marker)) {
      i += marker.size();
      return true;
    }
  return false;
}

// The year that ends the period at `i` (just after a range marker).
std::optional<int> period_end_at(std::string_view s, std::size_t i, int first_offset) {
  if (auto year = find_fiscal_year(s, i); year && year->begin == i) {
    std::size_t end = year->end;
    return year->fiscal_year + skip_year_suffix(s, end);
  }
  auto bare = read_number(s, i);
  if (!bare) return std::nullopt;
  int fiscal_year = *bare >= 1900 ? *bare : first_offset + *bare;
  return fiscal_year + skip_year_suffix(s, i);
}

}  // namespace

std::optional<int> period_end_fiscal_year(std::string_view s) {
  auto first = find_fiscal_year(s);
  if (!first) return std::nullopt;
  std::size_t i = first->end;
  int fiscal_year = first->fiscal_year + skip_year_suffix(s, i);
  if (!skip_range_marker(s, i)) return fiscal_year;
  if (auto end = period_end_at(s, i, era_offset_at(s, first->begin))) return *end;
  return fiscal_year;
}

}  // namespace kpi::text
