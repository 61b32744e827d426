#include "kpi/text/encode.hpp"

#include <memory>
#include <stdexcept>
#include <vector>

#include <fmt/format.h>
#include <unicode/normalizer2.h>
#include <unicode/ucnv.h>
#include <unicode/ustring.h>
#include <unicode/utf8.h>

namespace kpi::text {
namespace {

struct Closer {
  void operator()(UConverter* c) const { ucnv_close(c); }
};
using Converter = std::unique_ptr<UConverter, Closer>;

Converter open_strict(const char* charset) {
  UErrorCode status = U_ZERO_ERROR;
  Converter cnv(ucnv_open(charset, &status));
  if (U_FAILURE(status)) throw std::runtime_error(fmt::format("no converter for {}", charset));
  // Stop at a character without a code: no substitution, no best-fit fallback.
  ucnv_setFromUCallBack(cnv.get(), UCNV_FROM_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
  ucnv_setFallback(cnv.get(), false);
  return cnv;
}

std::u16string utf16_of(std::string_view utf8) {
  std::u16string out(utf8.size() + 1, u'\0');
  int32_t n = 0;
  UErrorCode status = U_ZERO_ERROR;
  u_strFromUTF8WithSub(reinterpret_cast<UChar*>(out.data()), static_cast<int32_t>(out.size()), &n,
                       utf8.data(), static_cast<int32_t>(utf8.size()), 0xFFFD, nullptr, &status);
  if (U_FAILURE(status)) throw std::runtime_error("cannot convert text to UTF-16");
  out.resize(static_cast<std::size_t>(n));
  return out;
}

// `text` in the converter's charset; nullopt when some character has no code.
std::optional<std::string> from_unicode(UConverter* cnv, const std::u16string& text) {
  ucnv_reset(cnv);
  std::string out(text.size() * 4 + 16, '\0');
  UErrorCode status = U_ZERO_ERROR;
  int32_t n = ucnv_fromUChars(cnv, out.data(), static_cast<int32_t>(out.size()),
                              reinterpret_cast<const UChar*>(text.data()),
                              static_cast<int32_t>(text.size()), &status);
  if (U_FAILURE(status)) return std::nullopt;
  out.resize(static_cast<std::size_t>(n));
  return out;
}

std::string nfkc(std::string_view utf8) {
  UErrorCode status = U_ZERO_ERROR;
  const auto* normalizer = icu::Normalizer2::getNFKCInstance(status);
  if (U_FAILURE(status)) return std::string(utf8);
  std::string out;
  icu::StringByteSink<std::string> sink(&out);
  normalizer->normalizeUTF8(0, icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())),
                            sink, nullptr, status);
  return U_SUCCESS(status) ? out : std::string(utf8);
}

// Character by character: each in the charset, else its NFKC form, else unmappable.
Encoded encode_each(UConverter* cnv, std::string_view utf8) {
  Encoded out;
  const auto* bytes = reinterpret_cast<const uint8_t*>(utf8.data());
  auto length = static_cast<int32_t>(utf8.size());
  for (int32_t i = 0; i < length;) {
    int32_t start = i;
    UChar32 c = 0;
    U8_NEXT(bytes, i, length, c);
    auto one = utf8.substr(static_cast<std::size_t>(start), static_cast<std::size_t>(i - start));
    if (auto code = from_unicode(cnv, utf16_of(one))) {
      out.bytes += *code;
      continue;
    }
    auto form = nfkc(one);
    auto code = form != one ? from_unicode(cnv, utf16_of(form)) : std::nullopt;
    if (!code) return Encoded{"", std::string(one), 0};
    out.bytes += *code;
    ++out.substituted;
  }
  return out;
}

}  // namespace

Encoded encode(std::string_view utf8, const char* charset) {
  auto cnv = open_strict(charset);
  if (auto bytes = from_unicode(cnv.get(), utf16_of(utf8)))
    return Encoded{std::move(*bytes), std::nullopt, 0};
  return encode_each(cnv.get(), utf8);
}

std::string code_point_name(std::string_view utf8) {
  if (utf8.empty()) return "";
  int32_t i = 0;
  UChar32 c = 0;
  U8_NEXT(reinterpret_cast<const uint8_t*>(utf8.data()), i, static_cast<int32_t>(utf8.size()), c);
  return c < 0 ? "" : fmt::format("U+{:04X}", static_cast<unsigned>(c));
}

}  // namespace kpi::text
