#pragma once
// The fiscal year a dated note refers to, when the note may name a period: "平成30年度" →
// 2018, "平成28～30年の平均" → 2018 (a period counts by its last year), "令和2～6年度" → 2024,
// "平成30年10月から令和元年9月実績" → 2019. Input must be normalised.
#include <optional>
#include <string_view>

namespace kpi::text {

// The fiscal year of the first year expression in `s`, or of the end of the period it starts
// ("～", "〜", "~", "から" followed by a year, or by a bare number in the same era). A month
// written as "N年M月" with M in 1-3 belongs to the previous fiscal year.
std::optional<int> period_end_fiscal_year(std::string_view s);

}  // namespace kpi::text
