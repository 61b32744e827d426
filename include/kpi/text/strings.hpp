#pragma once
// Generic UTF-8 string helpers; know nothing of KPIs.
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "kpi/text/display_width.hpp"  // display_width (kept here for its users)

namespace kpi::text {

// '0'..'9' only (not the locale's digits, not full-width ones).
constexpr bool is_ascii_digit(char c) {
  return c >= '0' && c <= '9';
}

// Every byte below 0x80.
inline bool is_ascii(std::string_view s) {
  for (char c : s)
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  return true;
}

// `s` with 'A'..'Z' lowered (other bytes, UTF-8 included, unchanged; not the locale's rules).
inline std::string ascii_lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

namespace detail {
// trim() of a text that starts or ends with a byte a space may start or end with.
std::string_view trim_spaces(std::string_view s);
}  // namespace detail

// ASCII whitespace: space, \t \n \v \f \r (the spaces trim() and words() know besides U+3000
// and NBSP).
inline bool is_ascii_space(char c) {
  return c == ' ' || (c >= '\t' && c <= '\r');
}
// Bytes of the whitespace at s[i]: ASCII whitespace 1, NBSP 2, U+3000 3; 0 for none.
inline std::size_t space_length_at(std::string_view s, std::size_t i) {
  auto b = static_cast<unsigned char>(s[i]);
  if (b > 0x20 && b != 0xE3 && b != 0xC2) return 0;  // most bytes: no space
  if (is_ascii_space(static_cast<char>(b))) return 1;
  if (b == 0xE3) return s.substr(i, 3) == "\xE3\x80\x80" ? 3 : 0;  // U+3000
  if (b == 0xC2) return s.substr(i, 2) == "\xC2\xA0" ? 2 : 0;      // NBSP
  return 0;
}
// A space or a tab: the gaps a PDF's text line keeps between its columns.
inline bool is_space_or_tab(char c) {
  return c == ' ' || c == '\t';
}

// Trim ASCII whitespace, U+3000 (ideographic space) and NBSP. Inline: most text neither starts
// with a space's first byte nor ends with a space's last byte (U+3000 ends in 80, NBSP in A0),
// and is returned after one test of its two ends.
inline std::string_view trim(std::string_view s) {
  if (s.empty()) return s;
  auto first = static_cast<unsigned char>(s.front()), last = static_cast<unsigned char>(s.back());
  if (first > 0x20 && first != 0xE3 && first != 0xC2 && last > 0x20 && last != 0x80 && last != 0xA0)
    return s;
  return detail::trim_spaces(s);
}
// Split on `sep`, keeping empty fields.
std::vector<std::string_view> split(std::string_view s, char sep);
// Split into lines on '\n' (input already has LF ends).
std::vector<std::string_view> lines(std::string_view s);
// Split on runs of whitespace (ASCII and U+3000).
std::vector<std::string_view> words(std::string_view s);
// The words of `s` appended to `out` (a vector reused over many lines).
void append_words(std::string_view s, std::vector<std::string_view>& out);
// True when `s` without its whitespace (ASCII, ideographic, NBSP) is `compacted`: the words
// of "施 策 番 号" joined equal "施策番号". Allocates nothing.
bool equals_without_spaces(std::string_view s, std::string_view compacted);
bool contains(std::string_view s, std::string_view part);
// Whether `s` holds a percent sign, ASCII % or full-width ％ (printed text, not normalised).
bool has_percent_sign(std::string_view s);
// Appends the UTF-8 bytes of a code point (up to U+10FFFF; a surrogate is written as it is).
void append_utf8(std::string& out, char32_t code_point);
// Where `part` is in `s` from `pos` on, or npos: memmem, fast where string_view::find compares
// at every repeated first byte (the lead bytes of Japanese text, the '<' of XML).
std::size_t find_from(std::string_view s, std::string_view part, std::size_t pos);
// Inline: mostly called with a literal, whose length is then known when compiled.
inline bool starts_with(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() &&
         (prefix.empty() || std::memcmp(s.data(), prefix.data(), prefix.size()) == 0);
}
// Whether `s` is `literal`: the length, then bytes of a length known when compiled, inline (for
// the element names and codes compared on every cell, where a library call costs more).
template <std::size_t N>
inline bool is(std::string_view s, const char (&literal)[N]) {
  return s.size() == N - 1 && std::memcmp(s.data(), literal, N - 1) == 0;
}
// Whether two texts of a few bytes (names, numbers read from a cell) are the same: compared here,
// byte by byte, where a call to memcmp costs more than the comparison.
inline bool same_short(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (a[i] != b[i]) return false;
  return true;
}
inline bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() &&
         (suffix.empty() ||
          std::memcmp(s.data() + s.size() - suffix.size(), suffix.data(), suffix.size()) == 0);
}
// Replace every occurrence of `from` by `to`.
std::string replace_all(std::string_view s, std::string_view from, std::string_view to);
// Collapse whitespace runs into one space and trim.
std::string squeeze_spaces(std::string_view s);
// Length in bytes of the UTF-8 sequence starting with `lead` (1 for invalid leads).
int utf8_length(unsigned char lead);
// The code point of the `length`-byte UTF-8 sequence at s[i] (the caller has the bytes).
char32_t code_point_at(std::string_view s, std::size_t i, int length);
// `s` as code points; a byte that starts no complete sequence is a code point of its own.
std::u32string to_utf32(std::string_view s);
std::string to_utf8(std::u32string_view s);

}  // namespace kpi::text
