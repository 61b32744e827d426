#include "kpi/text/display_width.hpp"

#include <cstddef>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

namespace kpi::text {
namespace {

bool is_zero_width(UChar32 c) {
  if (c == 0x00AD) return false;                // soft hyphen: terminals draw it
  if (c >= 0x1160 && c <= 0x11FF) return true;  // Hangul medial vowels and final consonants
  auto category = u_charType(c);
  return category == U_NON_SPACING_MARK || category == U_ENCLOSING_MARK ||
         category == U_FORMAT_CHAR || category == U_CONTROL_CHAR;
}

// The widths of the characters a Japanese table is mostly printed in, without asking ICU
// (every printed cell is measured twice, a national sheet's hundreds of thousands): -1 for
// any other. display_width_test.cpp holds them to ICU's answer for every code point.
int common_width(char32_t c) {
  if (c < 0x80) return c >= 0x20 && c < 0x7F ? 1 : 0;  // ASCII: printable, else a control
  if ((c >= 0x4E00 && c <= 0x9FFF) ||                  // CJK unified ideographs
      (c >= 0x3041 && c <= 0x3096) ||                  // hiragana
      (c >= 0x30A1 && c <= 0x30FA) ||                  // katakana
      (c >= 0xFF01 && c <= 0xFF60))                    // full-width forms
    return 2;
  return -1;
}

}  // namespace

int detail::icu_code_point_width(char32_t c, int ambiguous_width) {
  auto code = static_cast<UChar32>(c);
  if (is_zero_width(code)) return 0;
  switch (u_getIntPropertyValue(code, UCHAR_EAST_ASIAN_WIDTH)) {
    case U_EA_WIDE:
    case U_EA_FULLWIDTH:
      return 2;
    case U_EA_AMBIGUOUS:
      return ambiguous_width;
    default:
      return 1;
  }
}

int code_point_width(char32_t c, int ambiguous_width) {
  if (int width = common_width(c); width >= 0) return width;
  return detail::icu_code_point_width(c, ambiguous_width);
}

int display_width(std::string_view s, int ambiguous_width) {
  int width = 0;
  auto length = static_cast<std::ptrdiff_t>(s.size());
  for (std::ptrdiff_t i = 0; i < length;) {
    UChar32 c = 0;
    U8_NEXT(s.data(), i, length, c);
    width += c < 0 ? 1 : code_point_width(static_cast<char32_t>(c), ambiguous_width);
  }
  return width;
}

}  // namespace kpi::text
