#pragma once
// NFKC normalisation that keeps the characters whose meaning NFKC would change:
// 〜 and ～ (ranges) and circled numbers ①..⑳ (KPI parts) are left as they are.
#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace kpi::text {

std::string normalize(std::string_view utf8);
// normalize(utf8) appended to `out` (a buffer reused over many lines).
void append_normalize(std::string& out, std::string_view utf8);

namespace detail {
struct CodeRange {
  char32_t first, last;
};
// Code points NFKC leaves as they are whatever surrounds them (quick check "yes", combining
// class 0; normalize_test.cpp asks ICU), in the blocks Japanese tables are mostly printed in.
inline constexpr CodeRange nfkc_stable_ranges[] = {
    {0x4E00, 0x9FFF},  // CJK unified ideographs
    {0x3041, 0x3096},  // hiragana
    {0x30A0, 0x30FE},  // katakana, ・ ー
    {0x3001, 0x3029},  // CJK punctuation (、。「」【】〒), not U+3000
    {0x309D, 0x309E},  // ゝ ゞ
    {0x2500, 0x27BF},  // box drawing, shapes (▲ △ ■ ○), symbols (★), dingbats
    {0x2018, 0x2019},  // ‘ ’
    {0x201C, 0x201D},  // “ ”
    {0x203B, 0x203B},  // ※
    {0x2190, 0x2193},  // ← ↑ → ↓
};

// The ranges as a bitmap of the BMP (8 KiB, one load per code point): every character of a
// sheet asks.
inline constexpr auto nfkc_stable_bits = [] {
  std::array<std::uint64_t, 0x10000 / 64> bits{};
  for (const auto& r : nfkc_stable_ranges)
    for (char32_t cp = r.first; cp <= r.last; ++cp) bits[cp >> 6] |= std::uint64_t{1} << (cp & 63);
  return bits;
}();
}  // namespace detail

// True for a code point of the ranges normalize() copies without asking ICU (kana, kanji, CJK
// punctuation, shapes): NFKC leaves it as it is whatever surrounds it. False says nothing.
constexpr bool is_nfkc_stable(char32_t cp) {
  return cp < 0x10000 && (detail::nfkc_stable_bits[cp >> 6] >> (cp & 63) & 1) != 0;
}

// Code points NFKC would rewrite but whose printed form carries meaning here: normalize()
// keeps 〜 ～ (ranges) and ①..⑳ (KPI parts) as printed.
constexpr bool is_protected_from_nfkc(char32_t cp) {
  return cp == 0x301C || cp == 0xFF5E || (cp >= 0x2460 && cp <= 0x2473);
}

// normalize() leaves the code point as it is whatever surrounds it.
constexpr bool is_kept_by_normalize(char32_t cp) {
  return is_nfkc_stable(cp) || is_protected_from_nfkc(cp);
}

}  // namespace kpi::text
