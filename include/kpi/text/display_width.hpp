#pragma once
// Terminal columns of text by Unicode East Asian Width (UAX #11): one rule for every writer
// that aligns text in a terminal.
#include <string_view>

namespace kpi::text {

// Columns of one code point: wide (W) and full-width (F) characters 2; ambiguous ones (A:
// ▲ ① ⇒ ○ …) `ambiguous_width` (1 or 2, as the terminal draws them); combining marks, format
// and control characters 0; everything else 1.
int code_point_width(char32_t c, int ambiguous_width = 1);
namespace detail {
// ICU's answer alone, without code_point_width's shortcuts for the common characters (ASCII,
// kana, kanji, full-width forms): the tests hold the shortcuts to it.
int icu_code_point_width(char32_t c, int ambiguous_width);
}  // namespace detail
// The sum over the UTF-8 text; an invalid byte counts as one column (a replacement mark).
int display_width(std::string_view utf8, int ambiguous_width = 1);

}  // namespace kpi::text
