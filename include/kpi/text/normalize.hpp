#pragma once
// NFKC normalisation that keeps the characters whose meaning NFKC would change:
// 〜 and ～ (ranges) and circled numbers ①..⑳ (KPI parts) are left as they are.
#include <string>
#include <string_view>

namespace kpi::text {

std::string normalize(std::string_view utf8);

}  // namespace kpi::text
