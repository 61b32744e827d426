#include "kpi/text/stable_text.hpp"

#include <bit>
#include <cstdint>
#include <cstring>
#include <utility>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "kpi/text/normalize.hpp"
#include "kpi/text/strings.hpp"

namespace kpi::text {
namespace {

bool is_continuation(unsigned char b) {
  return (b & 0xC0) == 0x80;
}

// A three-byte character normalize() leaves as it is (one table: text/normalize.hpp).
inline bool is_stable_char(char32_t cp) {
  return is_kept_by_normalize(cp);
}

// A three-byte character at p[i] (lead 1110xxxx, two 10xxxxxx), tested in one comparison.
bool is_three_byte_at(const unsigned char* p, std::size_t i, std::size_t n) {
  return i + 3 <= n &&
         ((std::uint32_t{p[i]} | std::uint32_t{p[i + 1]} << 8 | std::uint32_t{p[i + 2]} << 16) &
          0xC0C0F0u) == 0x8080E0u;
}

// The code point of the three-byte character known to be at p[i].
char32_t three_byte_code_point(const unsigned char* p, std::size_t i) {
  return (char32_t{p[i]} & 0x0F) << 12 | (char32_t{p[i + 1]} & 0x3F) << 6 |
         (char32_t{p[i + 2]} & 0x3F);
}

// The (up to) three bytes at p[i], the first in the lowest byte: one load where four bytes
// are left, else byte by byte (zeros past the end).
std::uint32_t three_bytes_at(const unsigned char* p, std::size_t i, std::size_t n) {
  if constexpr (std::endian::native == std::endian::little) {
    if (i + 4 <= n) {
      std::uint32_t w;
      std::memcpy(&w, p + i, sizeof w);
      return w & 0xFFFFFFu;
    }
  }
  std::uint32_t w = p[i];
  if (i + 1 < n) w |= std::uint32_t{p[i + 1]} << 8;
  if (i + 2 < n) w |= std::uint32_t{p[i + 2]} << 16;
  return w;
}

// The bytes of three_bytes_at are a three-byte character (lead 1110xxxx, two 10xxxxxx); a
// character cut by the end has a zero byte there, which is no continuation byte.
bool is_three_byte(std::uint32_t bytes) {
  return (bytes & 0xC0C0F0u) == 0x8080E0u;
}

// The code point of the three-byte character `bytes` (is_three_byte).
char32_t code_point_of(std::uint32_t bytes) {
  return (bytes & 0x0Fu) << 12 | (bytes >> 2 & 0xFC0u) | (bytes >> 16 & 0x3Fu);
}

// The code point of the three-byte character at s[i], or 0.
char32_t three_byte_at(std::string_view s, std::size_t i) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  return is_three_byte_at(p, i, s.size()) ? three_byte_code_point(p, i) : 0;
}

// Length of the stable character at s[i], or 0.
std::size_t stable_at(std::string_view s, std::size_t i) {
  auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 < 0x80) return 1;
  if (b0 >= 0xE5 && b0 <= 0xE9)  // U+5000..U+9FFF, all ideographs: the common case first
    return i + 3 <= s.size() && is_continuation(static_cast<unsigned char>(s[i + 1])) &&
                   is_continuation(static_cast<unsigned char>(s[i + 2]))
               ? 3
               : 0;
  return is_stable_char(three_byte_at(s, i)) ? 3 : 0;
}

// The ASCII character NFKC makes of the character at s[i] — full-width ！..｝ (not ～),
// the ideographic space, NBSP — and its length; {0, 0} for any other.
std::pair<char, std::size_t> ascii_form_at(std::string_view s, std::size_t i) {
  if (s[i] == '\xC2' && s.substr(i, 2) == "\xC2\xA0") return {' ', 2};
  char32_t cp = three_byte_at(s, i);
  if (cp == 0x3000) return {' ', 3};
  if (cp >= 0xFF01 && cp <= 0xFF5D) return {static_cast<char>(cp - 0xFF01 + 0x21), 3};
  return {0, 0};
}

// ¹ ² ³ and U+2070..U+209F (superscripts and subscripts), which normalize_mapped keeps.
bool is_script_digit(std::string_view ch) {
  if (ch == "\xC2\xB9" || ch == "\xC2\xB2" || ch == "\xC2\xB3") return true;
  if (ch.size() != 3 || static_cast<unsigned char>(ch[0]) != 0xE2) return false;
  auto b1 = static_cast<unsigned char>(ch[1]), b2 = static_cast<unsigned char>(ch[2]);
  return (b1 == 0x81 && b2 >= 0xB0) || (b1 == 0x82 && b2 <= 0x9F);
}

#if defined(__SSE2__)
__m128i bytes_of(unsigned char c) {
  return _mm_set1_epi8(static_cast<char>(c));
}

__m128i equal_to(__m128i x, unsigned char c) {
  return _mm_cmpeq_epi8(x, bytes_of(c));
}

// Bytes of `x` below `c`, both taken as signed: continuation bytes (80..BF) compare in order.
__m128i below(__m128i x, unsigned char c) {
  return _mm_cmplt_epi8(x, bytes_of(c));
}

unsigned mask_of(__m128i x) {
  return static_cast<unsigned>(_mm_movemask_epi8(x));
}

// Lead bytes (at x; the next two bytes at x1 and x2, their being continuation bytes checked
// apart) of most stable kana and CJK punctuation: U+3001..U+3029 (、。「」【】), U+3041..U+3096
// (hiragana), U+30A0..U+30FE (katakana, ・ ー).
// Inlined: a call passes the three vectors through memory, a third of a block's cost.
[[gnu::always_inline]] inline __m128i stable_kana(__m128i x, __m128i x1, __m128i x2) {
  __m128i third_80 = equal_to(x2, 0x80);
  __m128i punctuation =
      _mm_and_si128(equal_to(x1, 0x80), _mm_andnot_si128(third_80, below(x2, 0xAA)));
  __m128i hiragana = _mm_andnot_si128(third_80, equal_to(x1, 0x81));
  __m128i kana = _mm_and_si128(equal_to(x1, 0x82),
                               _mm_or_si128(below(x2, 0x97), _mm_cmpgt_epi8(x2, bytes_of(0x9F))));
  __m128i katakana = _mm_andnot_si128(equal_to(x2, 0xBF), equal_to(x1, 0x83));
  __m128i any = _mm_or_si128(_mm_or_si128(punctuation, hiragana), _mm_or_si128(kana, katakana));
  return _mm_and_si128(equal_to(x, 0xE3), any);
}

// Bytes of the sixteen at p that end a word: whitespace, or a control character (rare).
unsigned space_or_control_in(__m128i x) {
  return mask_of(_mm_cmpeq_epi8(_mm_min_epu8(x, bytes_of(' ')), x));
}
#endif

// Bytes from p (a character boundary; eighteen bytes readable) to past the last character
// starting among its first sixteen, when each of those characters is stable (ASCII, or a
// kana, kanji or CJK punctuation that is_stable_text keeps) and, with `words`, no whitespace
// or control character; 0 when one is not (or without SSE2).
template <bool words>
std::size_t stable_block_length(const char* p) {
#if defined(__SSE2__)
  auto load = [&](std::size_t k) {
    return _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + k));
  };
  __m128i x = load(0);
  // Any byte up to the space is left to the character-by-character reading.
  if (words && space_or_control_in(x)) return 0;
  unsigned ascii = ~mask_of(x) & 0xFFFFu;
  if (ascii == 0xFFFFu) return 16;
  __m128i x1 = load(1), x2 = load(2);
  const __m128i top_bits = bytes_of(0xC0), continuation = bytes_of(0x80);
  auto continuations_in = [&](__m128i y) {
    return mask_of(_mm_cmpeq_epi8(_mm_and_si128(y, top_bits), continuation));
  };
  // Lead bytes of stable characters: U+5000..U+9FFF (E5..E9), U+4E00..U+4FFF (E4 B8..E4 BF),
  // and kana (stable_kana).
  __m128i e5_to_e9 = _mm_cmpeq_epi8(
      _mm_subs_epu8(_mm_sub_epi8(x, bytes_of(0xE5)), bytes_of(0xE9 - 0xE5)), _mm_setzero_si128());
  __m128i from_4e00 = _mm_and_si128(equal_to(x, 0xE4), _mm_cmpgt_epi8(x1, bytes_of(0xB7)));
  unsigned leads = mask_of(_mm_or_si128(_mm_or_si128(e5_to_e9, from_4e00), stable_kana(x, x1, x2)));
  unsigned continuations = continuations_in(x);
  // Every byte is ASCII, a stable lead or one of the two continuation bytes after a lead; the
  // continuations of a lead near the end lie past the sixteen bytes (x1, x2 tell them).
  if ((ascii | leads | continuations) != 0xFFFFu) return 0;
  if (continuations != ((leads << 1 | leads << 2) & 0xFFFFu)) return 0;
  if (leads & ~(continuations_in(x1) & continuations_in(x2))) return 0;
  return 16 + (leads >> 15 & 1u) * 2 + (leads >> 14 & 1u);
#else
  (void)p;
  return 0;
#endif
}

// Bytes read sixteen at a time need eighteen left: the continuations of a lead at the end.
constexpr std::size_t block_reach = 18;

// End of the run of stable characters that starts at s[from]: sixteen bytes at a time where
// they are all stable, else a character at a time (and the next block tried sixteen bytes on).
std::size_t stable_run_end(std::string_view s, std::size_t from) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  std::size_t i = from, n = s.size(), next_block = from;
  while (i < n) {
    if (i >= next_block) {
      if (i + block_reach <= n)
        if (auto length = stable_block_length<false>(s.data() + i)) {
          i += length;
          continue;
        }
      next_block = i + 16;
    }
    unsigned char b = p[i];
    if (b < 0x80) {
      ++i;
      continue;
    }
    if (!is_three_byte_at(p, i, n)) break;
    // U+5000..U+9FFF (lead bytes E5..E9) are all ideographs: no table for the common case.
    if (b - 0xE5u > 0xE9u - 0xE5u && !is_stable_char(three_byte_code_point(p, i))) break;
    i += 3;
  }
  return i;
}

// Bytes of the stable characters `s` starts with.
std::size_t stable_prefix(std::string_view s) {
  return stable_run_end(s, 0);
}

}  // namespace

bool append_simple_normalize(std::string_view s, std::size_t from, std::string& out) {
  for (std::size_t i = from; i < s.size();) {
    auto end = stable_run_end(s, i);
    out.append(s.substr(i, end - i));
    i = end;
    if (i == s.size()) break;
    auto [c, len] = ascii_form_at(s, i);
    if (!len) return false;
    out.push_back(c);
    i += len;
  }
  return true;
}

std::size_t stable_word_block_end(std::string_view s, std::size_t i) {
  if (i + block_reach > s.size()) return 0;
  auto length = stable_block_length<true>(s.data() + i);
  return length ? i + length : 0;
}

bool append_words_checking_stable(std::string_view s, std::vector<std::string_view>& out) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const std::size_t n = s.size();
  bool stable = true;
  std::size_t next_block = 0;  // where a block of sixteen bytes is tried next
  for (std::size_t i = 0; i < n;) {
    if (auto space = space_length_at(s, i)) {
      stable = stable && space == 1;  // U+3000 and NBSP become ASCII spaces in normalize()
      i += space;
      continue;
    }
    std::size_t start = i;
    while (i < n) {           // the word: up to the next space
      if (i >= next_block) {  // prose: sixteen bytes at a time; after a miss, a char at a time
        if (auto end = stable_word_block_end(s, i)) {
          i = end;
          continue;
        }
        next_block = i + 16;
      }
      unsigned char b = p[i];
      if (b < 0x80) {
        if (is_ascii_space(static_cast<char>(b))) break;
        ++i;
        continue;
      }
      auto bytes = three_bytes_at(p, i, n);  // one load for the test and the code point
      if (!is_three_byte(bytes)) {
        if (b == 0xC2 && i + 1 < n && p[i + 1] == 0xA0) break;  // NBSP
        stable = false;  // two or four bytes, or a cut character: a word's, byte by byte
        ++i;
        continue;
      }
      // U+5000..U+9FFF (lead bytes E5..E9): ideographs, all stable, the common case first.
      if (b - 0xE5u > 0xE9u - 0xE5u) {
        char32_t cp = code_point_of(bytes);
        if (cp == 0x3000) break;
        stable = stable && is_stable_char(cp);
      }
      i += 3;  // its continuation bytes start no space
    }
    out.push_back(s.substr(start, i - start));
  }
  return stable;
}

bool is_stable_text(std::string_view utf8) {
  return stable_prefix(utf8) == utf8.size();
}

namespace {

// The first byte from `i` that may start whitespace (text::space_length_at), or s.size().
// Sixteen bytes at a time where seventeen are left: any byte up to the space, E3 before 80
// and C2 before A0 stop it (a control character that is no space is passed over by the
// caller); the last bytes one by one.
std::size_t next_space_candidate(std::string_view s, std::size_t i) {
#if defined(__SSE2__)
  for (; i + 17 <= s.size(); i += 16) {
    auto load = [&](std::size_t k) {
      return _mm_loadu_si128(reinterpret_cast<const __m128i*>(s.data() + i + k));
    };
    __m128i x = load(0), next = load(1);
    __m128i low = _mm_cmpeq_epi8(_mm_min_epu8(x, bytes_of(' ')), x);
    __m128i ideographic = _mm_and_si128(equal_to(x, 0xE3), equal_to(next, 0x80));
    __m128i nbsp = _mm_and_si128(equal_to(x, 0xC2), equal_to(next, 0xA0));
    if (unsigned m = mask_of(_mm_or_si128(low, _mm_or_si128(ideographic, nbsp))))
      return i + static_cast<unsigned>(__builtin_ctz(m));
  }
#endif
  while (i < s.size() && !space_length_at(s, i)) ++i;
  return i;
}

}  // namespace

bool is_squeezed(std::string_view s) {
  for (auto i = next_space_candidate(s, 0); i < s.size(); i = next_space_candidate(s, i + 1)) {
    if (s[i] == ' ') {  // one ASCII space between two words is squeezed
      if (i == 0 || i + 1 == s.size() || s[i + 1] == ' ') return false;
    } else if (space_length_at(s, i)) {  // any other whitespace: a tab, U+3000, NBSP ...
      return false;
    }
  }
  return true;
}

std::string_view normalized_view(std::string_view utf8, std::string& buffer) {
  auto stable = stable_prefix(utf8);
  if (stable == utf8.size()) return utf8;
  buffer.assign(utf8.substr(0, stable));
  if (!append_simple_normalize(utf8, stable, buffer)) buffer = normalize(utf8);
  return buffer;
}

void normalize_mapped_into(std::string_view original, MappedText& out) {
  out.original.assign(original);
  out.normalized.clear();
  out.source.clear();
  out.normalized.reserve(original.size());
  out.source.reserve(original.size() + 1);
  for (std::size_t i = 0; i < original.size();) {
    auto run = stable_run_end(original, i);  // characters that map to themselves
    out.normalized.append(original.substr(i, run - i));
    // Each byte of the run maps to the start of its character (one byte, or three).
    auto base = out.source.size();
    out.source.resize(base + (run - i));
    auto* source = out.source.data() + base;
    while (i < run) {
      std::size_t len = static_cast<unsigned char>(original[i]) < 0x80 ? 1 : 3;
      for (std::size_t b = 0; b < len; ++b) *source++ = i;
      i += len;
    }
    if (i == original.size()) break;
    auto len = static_cast<std::size_t>(utf8_length(static_cast<unsigned char>(original[i])));
    if (i + len > original.size()) len = 1;
    auto ch = original.substr(i, len);
    if (len == 1 || stable_at(original, i) == len || is_script_digit(ch)) {
      out.normalized.append(ch);
      out.source.insert(out.source.end(), len, i);
    } else if (auto [c, n] = ascii_form_at(original, i); n == len) {
      out.normalized.push_back(c);
      out.source.push_back(i);
    } else {
      auto piece = normalize(ch);
      out.normalized += piece;
      out.source.insert(out.source.end(), piece.size(), i);
    }
    i += len;
  }
  out.source.push_back(original.size());
}

}  // namespace kpi::text
