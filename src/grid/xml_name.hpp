#pragma once
// The ASCII characters of XML names (private to src/grid/): the one definition the plain
// reader (plain_xml.cpp) and the worksheet splitter (xlsx_sheet_split.cpp) share. Names with
// other characters are left to expat by both.
#include <array>
#include <cstddef>
#include <string_view>

#include "kpi/text/strings.hpp"

namespace kpi::grid::xml_name {

namespace detail {
enum : unsigned char { follows = 1, starts = 2, in_prefix = 4 };
// By byte: whether it may start a name, follow in one, and be part of a namespace prefix
// (a name without ':').
inline constexpr std::array<unsigned char, 256> kinds = [] {
  std::array<unsigned char, 256> kind{};
  for (int c = 0; c < 256; ++c) {
    bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    bool other = (c >= '0' && c <= '9') || c == '.' || c == '-';
    unsigned char k = letter ? (follows | starts | in_prefix) : other ? (follows | in_prefix) : 0;
    if (c == ':') k = follows | starts;
    kind[static_cast<std::size_t>(c)] = k;
  }
  return kind;
}();
}  // namespace detail

inline bool starts(char c) {
  return (detail::kinds[static_cast<unsigned char>(c)] & detail::starts) != 0;
}
inline bool follows(char c) {
  return (detail::kinds[static_cast<unsigned char>(c)] & detail::follows) != 0;
}
// A character of a namespace prefix ("x" of "x:row"): a name character other than ':'.
inline bool in_prefix(char c) {
  return (detail::kinds[static_cast<unsigned char>(c)] & detail::in_prefix) != 0;
}

// Two names read from a document (an end tag and its start tag): mostly a few bytes.
inline bool same(std::string_view a, std::string_view b) {
  return text::same_short(a, b);
}

}  // namespace kpi::grid::xml_name
