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

bool is_ascii(std::string_view s) {
  for (unsigned char c : s)
    if (c >= 0x80) return false;
  return true;
}

void append_normalized(std::string& out, std::string_view piece) {
  if (piece.empty()) return;
  if (is_ascii(piece)) {
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

std::string normalize(std::string_view utf8) {
  std::string out;
  out.reserve(utf8.size());
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
  return out;
}

}  // namespace kpi::text
