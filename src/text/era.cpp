#include "kpi/text/era.hpp"
#include "kpi/text/strings.hpp"

#include <array>

namespace kpi::text {
namespace {

struct Era {
  std::string_view name;
  int offset;  // Gregorian year = offset + era year
};

constexpr std::array<Era, 9> eras = {{{"令和", 2018},
                                      {"平成", 1988},
                                      {"昭和", 1925},
                                      {"R", 2018},
                                      {"H", 1988},
                                      {"S", 1925},
                                      {"r", 2018},
                                      {"h", 1988},
                                      {"s", 1925}}};

constexpr std::string_view gan = "元";

bool is_ascii_alpha(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

struct Number {
  int value = 0;
  std::size_t end = 0;
};

std::optional<Number> read_int(std::string_view s, std::size_t i, int max_digits) {
  Number n;
  int digits = 0;
  while (i < s.size() && is_ascii_digit(s[i]) && digits < max_digits + 1) {
    n.value = n.value * 10 + (s[i] - '0');
    ++i;
    ++digits;
  }
  if (digits == 0 || digits > max_digits) return std::nullopt;
  n.end = i;
  return n;
}

std::optional<Number> read_era_year(std::string_view s, std::size_t i) {
  while (i < s.size() && s[i] == ' ') ++i;
  if (s.substr(i, gan.size()) == gan) return Number{1, i + gan.size()};
  auto n = read_int(s, i, 2);
  if (!n || n->value == 0) return std::nullopt;
  return n;
}

// "H31.4": a month after the year; January-March belong to the previous fiscal year.
int month_adjustment(std::string_view s, std::size_t& end) {
  if (end + 1 < s.size() && s[end] == '.' && is_ascii_digit(s[end + 1])) {
    auto month = read_int(s, end + 1, 2);
    if (month && month->value >= 1 && month->value <= 12) {
      end = month->end;
      return month->value <= 3 ? -1 : 0;
    }
  }
  return 0;
}

// True when byte `c` starts some era name: one table lookup before comparing names, since
// the scan below runs at every byte of a cell.
constexpr auto era_first_bytes = [] {
  std::array<bool, 256> starts{};
  for (const Era& era : eras) starts[static_cast<unsigned char>(era.name.front())] = true;
  return starts;
}();

bool may_start_era(char c) {
  return era_first_bytes[static_cast<unsigned char>(c)];
}

std::optional<EraYear> era_at(std::string_view s, std::size_t i) {
  if (!may_start_era(s[i])) return std::nullopt;
  for (const Era& era : eras) {
    if (s[i] != era.name.front() || s.substr(i, era.name.size()) != era.name) continue;
    bool latin = era.name.size() == 1;
    if (latin && i > 0 && is_ascii_alpha(s[i - 1])) continue;  // "SNS", "PR5"
    auto year = read_era_year(s, i + era.name.size());
    if (!year) continue;
    std::size_t end = year->end;
    int adjust = month_adjustment(s, end);
    return EraYear{era.offset + year->value + adjust, i, end};
  }
  return std::nullopt;
}

std::optional<EraYear> gregorian_at(std::string_view s, std::size_t i) {
  if (i > 0 && is_ascii_digit(s[i - 1])) return std::nullopt;
  auto year = read_int(s, i, 4);
  if (!year || year->end - i != 4 || year->value < 1900 || year->value > 2199) return std::nullopt;
  // FY2023 (an English header or note): the fiscal year without 年.
  if (i >= 2 && (s.substr(i - 2, 2) == "FY" || s.substr(i - 2, 2) == "fy"))
    return EraYear{year->value, i - 2, year->end};
  if (s.substr(year->end, 3) != "年") return std::nullopt;
  return EraYear{year->value, i, year->end + 3};
}

}  // namespace

std::optional<EraYear> find_fiscal_year(std::string_view s, std::size_t from) {
  for (std::size_t i = from; i < s.size(); ++i) {
    if (auto era = era_at(s, i)) return era;
    if (is_ascii_digit(s[i]))
      if (auto year = gregorian_at(s, i)) return year;
  }
  return std::nullopt;
}

std::optional<int> fiscal_year_in(std::string_view s) {
  auto found = find_fiscal_year(s);
  if (!found) return std::nullopt;
  return found->fiscal_year;
}

}  // namespace kpi::text
