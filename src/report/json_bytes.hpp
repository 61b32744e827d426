#pragma once
// Where a JSON string's text stops being copied as it is: the scans of JsonWriter, sixteen
// bytes at a time with SSE2 (every x86-64), eight at a time (SWAR) elsewhere.
#include <cstdint>
#include <cstring>
#include <string_view>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace kpi::report::json_bytes {

// A quote, backslash or control character: escaped in JSON.
inline bool needs_escape(unsigned char c) {
  return c < 0x20 || c == '"' || c == '\\';
}

inline constexpr std::uint64_t ones = 0x0101010101010101ull;
inline constexpr std::uint64_t high_bits = 0x8080808080808080ull;

inline std::uint64_t word_at(std::string_view s, std::size_t i) {
  std::uint64_t x;
  std::memcpy(&x, s.data() + i, sizeof x);
  return x;
}

// Nonzero when one of the eight bytes of `x` is a control character, quote or backslash
// (exact zero-byte tests).
inline std::uint64_t escapes_in(std::uint64_t x) {
  auto zero_in = [](std::uint64_t y) { return (y - ones) & ~y & high_bits; };
  auto below_space = (x - ones * 0x20) & ~x & high_bits;
  return below_space | zero_in(x ^ (ones * '"')) | zero_in(x ^ (ones * '\\'));
}

#if defined(__SSE2__)
// Bit k set when byte k of the sixteen at s[i] needs an escape (or, `with_high`, is >= 0x80).
inline unsigned stop_mask16(std::string_view s, std::size_t i, bool with_high) {
  __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s.data() + i));
  // Signed: bytes >= 0x80 are below 0x20 too; unsigned (min) for control characters only.
  __m128i low = with_high ? _mm_cmplt_epi8(x, _mm_set1_epi8(0x20))
                          : _mm_cmpeq_epi8(_mm_min_epu8(x, _mm_set1_epi8(0x1F)), x);
  __m128i marks =
      _mm_or_si128(_mm_cmpeq_epi8(x, _mm_set1_epi8('"')), _mm_cmpeq_epi8(x, _mm_set1_epi8('\\')));
  return static_cast<unsigned>(_mm_movemask_epi8(_mm_or_si128(low, marks)));
}
#endif

// The first byte from `i` that needs an escape or, `with_high`, is not ASCII; or s.size().
inline std::size_t stop_from(std::string_view s, std::size_t i, bool with_high) {
#if defined(__SSE2__)
  for (; i + 16 <= s.size(); i += 16)
    if (auto mask = stop_mask16(s, i, with_high))
      return i + static_cast<unsigned>(__builtin_ctz(mask));
#endif
  for (; i + 8 <= s.size(); i += 8)
    if (auto x = word_at(s, i); (with_high ? x & high_bits : 0) | escapes_in(x)) break;
  for (; i < s.size(); ++i) {
    auto c = static_cast<unsigned char>(s[i]);
    if ((with_high && c >= 0x80) || needs_escape(c)) break;
  }
  return i;
}

// The first byte from `i` that needs an escape, or s.size().
inline std::size_t next_escape(std::string_view s, std::size_t i) {
  return stop_from(s, i, false);
}

// The first byte from `i` that is not printable ASCII other than quote and backslash (what a
// string is copied as), or s.size().
inline std::size_t plain_end(std::string_view s, std::size_t i) {
  return stop_from(s, i, true);
}

// The first byte from `i` that is not ASCII, or s.size().
inline std::size_t ascii_end(std::string_view s, std::size_t i) {
  for (; i + 8 <= s.size(); i += 8)
    if (word_at(s, i) & high_bits) break;
  while (i < s.size() && static_cast<unsigned char>(s[i]) < 0x80) ++i;
  return i;
}

}  // namespace kpi::report::json_bytes
