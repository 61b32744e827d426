#include "kpi/text/normalize.hpp"

#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include "kpi/text/stable_text.hpp"
#include "kpi/text/strings.hpp"

namespace kpi::text {
namespace {

const icu::Normalizer2& nfkc() {
  UErrorCode status = U_ZERO_ERROR;
  static const icu::Normalizer2* instance = icu::Normalizer2::getNFKCInstance(status);
  return *instance;
}

// True when s[i] (a three-byte lead) is followed by two continuation bytes.
bool has_continuations(std::string_view s, std::size_t i) {
  return (static_cast<unsigned char>(s[i + 1]) & 0xC0) == 0x80 &&
         (static_cast<unsigned char>(s[i + 2]) & 0xC0) == 0x80;
}

// `piece` NFKC-normalised onto `out`; `stable`: the caller found it all ASCII or stable.
void append_normalized(std::string& out, std::string_view piece, bool stable) {
  if (piece.empty()) return;
  if (stable) {
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

}  // namespace

std::string normalize(std::string_view utf8) {
  std::string out;
  out.reserve(utf8.size());
  append_normalize(out, utf8);
  return out;
}

void append_normalize(std::string& out, std::string_view utf8) {
  // Most text is stable characters and full-width ASCII: mapped without ICU.
  auto before = out.size();
  if (append_simple_normalize(utf8, 0, out)) return;
  out.resize(before);
  std::size_t start = 0, i = 0;
  bool stable = true;  // utf8[start, i) is ASCII or stable: NFKC is itself, no ICU needed
  while (i < utf8.size()) {
    auto lead = static_cast<unsigned char>(utf8[i]);
    if (lead < 0x80) {
      ++i;
      continue;
    }
    int len = (lead & 0xF0) == 0xE0 ? 3 : utf8_length(lead);  // kana, kanji: three bytes
    if (i + len > utf8.size()) len = 1;
    if (len != 3) {
      stable = false;
      i += len;
      continue;
    }
    auto cp = code_point_at(utf8, i, len);
    if (is_protected_from_nfkc(cp)) {
      append_normalized(out, utf8.substr(start, i - start), stable);
      out.append(utf8.substr(i, len));
      start = i + len;
      stable = true;
    } else if (stable) {
      stable = has_continuations(utf8, i) && is_nfkc_stable(cp);
    }
    i += len;
  }
  append_normalized(out, utf8.substr(start), stable);
}

}  // namespace kpi::text
