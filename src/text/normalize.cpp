#include "kpi/text/normalize.hpp"

#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include "kpi/text/strings.hpp"

namespace kpi::text {
namespace {

const icu::Normalizer2& nfkc() {
  UErrorCode status = U_ZERO_ERROR;
  static const icu::Normalizer2* instance = icu::Normalizer2::getNFKCInstance(status);
  return *instance;
}

// Code points NFKC would rewrite but whose printed form carries meaning here.
bool is_protected(char32_t cp) {
  return cp == 0x301C || cp == 0xFF5E || (cp >= 0x2460 && cp <= 0x2473);
}

// Code points NFKC leaves as they are whatever surrounds them (quick check "yes", combining
// class 0; normalize_test.cpp asks ICU), in the blocks Japanese tables are mostly printed in.
struct Range {
  char32_t first, last;
};
constexpr Range stable_ranges[] = {
    {0x2500, 0x27BF},  // box drawing, shapes (▲ △ ■ ○), symbols (★), dingbats
    {0x3001, 0x3029},  // CJK punctuation (、。「」【】〒), not U+3000
    {0x3041, 0x3096},  // hiragana
    {0x309D, 0x309E},  // ゝ ゞ
    {0x30A0, 0x30FE},  // katakana, ・ ー
    {0x4E00, 0x9FFF},  // CJK unified ideographs
};

// Well-formed three-byte UTF-8 at s[i] (the caller checked the lead byte), as a code point.
char32_t three_byte_at(std::string_view s, std::size_t i) {
  auto b1 = static_cast<unsigned char>(s[i + 1]), b2 = static_cast<unsigned char>(s[i + 2]);
  if ((b1 & 0xC0) != 0x80 || (b2 & 0xC0) != 0x80) return 0;
  return (char32_t(static_cast<unsigned char>(s[i]) & 0x0F) << 12) | (char32_t(b1 & 0x3F) << 6) |
         char32_t(b2 & 0x3F);
}

// True when every character of `s` is ASCII or stable: NFKC is `s` itself, no ICU needed.
bool is_stable(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      ++i;
    } else if ((c & 0xF0) == 0xE0 && i + 2 < s.size() && is_nfkc_stable(three_byte_at(s, i))) {
      i += 3;
    } else {
      return false;
    }
  }
  return true;
}

void append_normalized(std::string& out, std::string_view piece) {
  if (piece.empty()) return;
  if (is_stable(piece)) {
    out.append(piece);
    return;
  }
  UErrorCode status = U_ZERO_ERROR;
  icu::StringPiece utf8(piece.data(), static_cast<int32_t>(piece.size()));
  // Most lines (kanji, kana) are NFKC already: a quick check, no rewrite.
  if (nfkc().isNormalizedUTF8(utf8, status) && U_SUCCESS(status)) {
    out.append(piece);
    return;
  }
  // Straight from UTF-8 to UTF-8 into `out`, without a UTF-16 round trip.
  status = U_ZERO_ERROR;
  auto before = out.size();
  icu::StringByteSink<std::string> sink(&out);
  nfkc().normalizeUTF8(0, utf8, sink, nullptr, status);
  if (U_FAILURE(status)) out.resize(before), out.append(piece);
}

char32_t decode_at(std::string_view s, std::size_t i, int len) {
  auto c = static_cast<unsigned char>(s[i]);
  if (len == 1) return c;
  char32_t cp = c & (0x7F >> len);
  for (int k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
  return cp;
}

}  // namespace

bool is_nfkc_stable(char32_t cp) {
  for (const auto& r : stable_ranges)
    if (cp >= r.first && cp <= r.last) return true;
  return false;
}

std::string normalize(std::string_view utf8) {
  std::string out;
  out.reserve(utf8.size());
  append_normalize(out, utf8);
  return out;
}

void append_normalize(std::string& out, std::string_view utf8) {
  std::size_t start = 0, i = 0;
  while (i < utf8.size()) {
    int len = utf8_length(static_cast<unsigned char>(utf8[i]));
    if (i + len > utf8.size()) len = 1;
    if (len == 3 && is_protected(decode_at(utf8, i, len))) {
      append_normalized(out, utf8.substr(start, i - start));
      out.append(utf8.substr(i, len));
      start = i + len;
    }
    i += len;
  }
  append_normalized(out, utf8.substr(start));
}

}  // namespace kpi::text
