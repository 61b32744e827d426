#include "kpi/text/fit_width.hpp"

#include <algorithm>
#include <cstddef>

#include <unicode/utf8.h>

#include "kpi/text/display_width.hpp"

namespace kpi::text {
namespace {

constexpr std::string_view ellipsis = "…";

struct Piece {
  std::string_view bytes;
  int width;
};

// The character at `i` (an invalid byte alone), with its columns.
Piece piece_at(std::string_view s, std::size_t i, int ambiguous_width) {
  auto length = static_cast<std::ptrdiff_t>(s.size());
  auto start = static_cast<std::ptrdiff_t>(i), end = start;
  UChar32 c = 0;
  U8_NEXT(s.data(), end, length, c);
  auto bytes = s.substr(i, static_cast<std::size_t>(end - start));
  return {bytes, c < 0 ? 1 : code_point_width(static_cast<char32_t>(c), ambiguous_width)};
}

// The longest prefix of `s` of at most `width` columns, in bytes.
std::size_t prefix_fitting(std::string_view s, int width, int ambiguous_width) {
  std::size_t i = 0;
  int used = 0;
  while (i < s.size()) {
    auto p = piece_at(s, i, ambiguous_width);
    if (used + p.width > width) break;
    used += p.width;
    i += p.bytes.size();
  }
  return i;
}

// Where a line of at most `fitting` bytes of `s` ends: at its last space (dropped), or after
// its last Japanese comma, colon or closing bracket, else inside a word.
std::size_t break_before(std::string_view s, std::size_t fitting) {
  std::size_t cut = 0;
  auto space = s.substr(0, fitting + 1).rfind(' ');
  if (space != std::string_view::npos) cut = space;
  for (std::string_view mark : {"、", "，", "：", "）", "。"}) {
    auto at = s.substr(0, fitting).rfind(mark);
    if (at != std::string_view::npos) cut = std::max(cut, at + mark.size());
  }
  return cut > 0 ? cut : fitting;
}

}  // namespace

std::string cut_to_width(std::string_view s, int width, int ambiguous_width) {
  if (display_width(s, ambiguous_width) <= width) return std::string(s);
  int mark = display_width(ellipsis, ambiguous_width);  // … is ambiguous itself
  if (width < mark) return "";
  return std::string(s.substr(0, prefix_fitting(s, width - mark, ambiguous_width))) +
         std::string(ellipsis);
}

std::vector<std::string> wrap_to_width(std::string_view s, int width, int ambiguous_width,
                                       int later_width) {
  std::vector<std::string> lines;
  for (; !s.empty(); width = later_width >= 0 ? later_width : width) {
    if (display_width(s, ambiguous_width) <= width) {
      lines.emplace_back(s);
      break;
    }
    auto fitting = prefix_fitting(s, width, ambiguous_width);
    if (fitting == 0) {  // one character wider than the line
      lines.emplace_back(width >= display_width(ellipsis, ambiguous_width) ? ellipsis : "");
      s.remove_prefix(piece_at(s, 0, ambiguous_width).bytes.size());
      continue;
    }
    auto cut = break_before(s, fitting);
    lines.emplace_back(s.substr(0, cut));
    s.remove_prefix(cut);
    while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  }
  if (lines.empty()) lines.emplace_back();
  return lines;
}

}  // namespace kpi::text
