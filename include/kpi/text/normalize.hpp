#pragma once
// NFKC normalisation that keeps the characters whose meaning NFKC would change:
// 〜 and ～ (ranges) and circled numbers ①..⑳ (KPI parts) are left as they are.
#include <string>
#include <string_view>

namespace kpi::text {

std::string normalize(std::string_view utf8);
// normalize(utf8) appended to `out` (a buffer reused over many lines).
void append_normalize(std::string& out, std::string_view utf8);

// True for a code point of the ranges normalize() copies without asking ICU (kana, kanji, CJK
// punctuation, shapes): NFKC leaves it as it is whatever surrounds it. False says nothing.
bool is_nfkc_stable(char32_t cp);
// is_nfkc_stable, or one of the characters normalize() protects (〜 ～ ①..⑳): normalize()
// leaves it as it is whatever surrounds it.
bool is_kept_by_normalize(char32_t cp);

}  // namespace kpi::text
