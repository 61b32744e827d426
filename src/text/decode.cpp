#include "kpi/text/decode.hpp"

#include <unicode/ucnv.h>

#include <fmt/format.h>

namespace kpi::text {
namespace {

constexpr std::string_view utf8_bom = "\xEF\xBB\xBF";

std::string unify_line_ends(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\r') {
      out.push_back('\n');
      if (i + 1 < s.size() && s[i + 1] == '\n') ++i;
    } else {
      out.push_back(s[i]);
    }
  }
  return out;
}

int line_of_offset(std::string_view bytes, std::size_t offset) {
  int line = 1;
  for (std::size_t i = 0; i < offset && i < bytes.size(); ++i) line += bytes[i] == '\n';
  return line;
}

// Offset of the first ill-formed UTF-8 sequence, or npos.
std::size_t first_invalid_utf8(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  std::size_t i = 0, n = s.size();
  while (i < n) {
    unsigned char c = p[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    int len = 0;
    unsigned min = 0;
    if (c >= 0xC2 && c <= 0xDF) len = 2, min = 0x80;
    else if (c >= 0xE0 && c <= 0xEF) len = 3, min = 0x800;
    else if (c >= 0xF0 && c <= 0xF4) len = 4, min = 0x10000;
    else return i;
    if (i + len > n) return i;
    unsigned cp = c & (0x7F >> len);
    for (int k = 1; k < len; ++k) {
      if ((p[i + k] & 0xC0) != 0x80) return i;
      cp = (cp << 6) | (p[i + k] & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return i;
    i += len;
  }
  return std::string_view::npos;
}

// Convert with ICU; stops at the first illegal or unmapped sequence.
Decoded convert(std::string_view bytes, const char* charset, const char* label) {
  Decoded out;
  out.encoding = label;
  UErrorCode status = U_ZERO_ERROR;
  UConverter* from = ucnv_open(charset, &status);
  if (U_FAILURE(status)) {
    out.error = fmt::format("cannot open converter for {}", label);
    return out;
  }
  ucnv_setToUCallBack(from, UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
  UConverter* to = ucnv_open("UTF-8", &status);
  std::string result(bytes.size() * 3 + 16, '\0');
  char* target = result.data();
  const char* source = bytes.data();
  // Pivot through UTF-16 in one call.
  ucnv_convertEx(to, from, &target, result.data() + result.size(), &source,
                 bytes.data() + bytes.size(), nullptr, nullptr, nullptr, nullptr, true, true,
                 &status);
  if (U_FAILURE(status)) {
    auto offset = static_cast<std::size_t>(source - bytes.data());
    out.error_line = line_of_offset(bytes, offset);
    out.error = fmt::format("invalid {} byte sequence near byte {}: expected {} text", label,
                            offset, label);
  } else {
    result.resize(static_cast<std::size_t>(target - result.data()));
    out.utf8 = unify_line_ends(result);
  }
  ucnv_close(from);
  ucnv_close(to);
  return out;
}

bool looks_like_utf16(std::string_view b, bool little) {
  // Without BOM: many zero bytes in the high half of ASCII code units.
  std::size_t zeros = 0, pairs = std::min<std::size_t>(b.size() / 2, 4096);
  for (std::size_t i = 0; i < pairs; ++i) zeros += b[2 * i + (little ? 1 : 0)] == '\0';
  return pairs >= 2 && zeros * 2 > pairs;
}

}  // namespace

bool is_valid_utf8(std::string_view bytes) {
  return first_invalid_utf8(bytes) == std::string_view::npos;
}

Decoded decode(std::string_view bytes) {
  if (bytes.substr(0, 3) == utf8_bom) {
    auto rest = bytes.substr(3);
    auto bad = first_invalid_utf8(rest);
    if (bad != std::string_view::npos) {
      Decoded out{{}, "UTF-8-BOM", "invalid UTF-8 after a UTF-8 byte order mark",
                  line_of_offset(rest, bad)};
      return out;
    }
    return {unify_line_ends(rest), "UTF-8-BOM", {}, 0};
  }
  if (bytes.size() >= 2 && bytes[0] == '\xFF' && bytes[1] == '\xFE')
    return convert(bytes.substr(2), "UTF-16LE", "UTF-16LE");
  if (bytes.size() >= 2 && bytes[0] == '\xFE' && bytes[1] == '\xFF')
    return convert(bytes.substr(2), "UTF-16BE", "UTF-16BE");
  if (looks_like_utf16(bytes, true)) return convert(bytes, "UTF-16LE", "UTF-16LE");
  if (looks_like_utf16(bytes, false)) return convert(bytes, "UTF-16BE", "UTF-16BE");
  auto bad = first_invalid_utf8(bytes);
  if (bad == std::string_view::npos) return {unify_line_ends(bytes), "UTF-8", {}, 0};
  Decoded sjis = convert(bytes, "windows-31j", "Shift_JIS");
  if (sjis.ok()) return sjis;
  sjis.error = fmt::format("neither UTF-8 (invalid byte at offset {}) nor Shift_JIS/CP932 text",
                           bad);
  sjis.error_line = line_of_offset(bytes, bad);
  sjis.encoding = "unknown";
  return sjis;
}

}  // namespace kpi::text
