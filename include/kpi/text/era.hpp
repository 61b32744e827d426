#pragma once
// Japanese era years -> Gregorian fiscal years (April-March, named by the starting year).
// 令和 N = 2018+N, 平成 N = 1988+N, 昭和 N = 1925+N; 元 = 1; R/H/S abbreviations;
// years past an era's end (平成32) are accepted. Input must be normalised.
#include <optional>
#include <string_view>

namespace kpi::text {

struct EraYear {
  int fiscal_year = 0;
  std::size_t begin = 0;  // byte range of the match in the searched text
  std::size_t end = 0;
};

// The first era or Gregorian year in `s` at or after `from`: "令和5年度", "R5", "H31.4"
// (month 1-3 belongs to the previous fiscal year), "R元", "2018年度", "平成32年".
std::optional<EraYear> find_fiscal_year(std::string_view s, std::size_t from = 0);

// Convenience: the fiscal year of the first year expression, if any.
std::optional<int> fiscal_year_in(std::string_view s);

}  // namespace kpi::text
