#include "kpi/text/strings.hpp"

#include <string.h>  // memmem (GNU)

#include <array>

namespace kpi::text {
namespace {

constexpr std::string_view ideographic_space = "\xE3\x80\x80";

}  // namespace

std::string_view detail::trim_spaces(std::string_view s) {
  std::size_t b = 0;
  while (b < s.size()) {
    auto n = space_length_at(s, b);
    if (!n) break;
    b += n;
  }
  std::size_t e = s.size();
  while (e > b) {
    if (is_ascii_space(s[e - 1]))
      --e;
    else if (e - b >= 3 && s.substr(e - 3, 3) == ideographic_space)
      e -= 3;
    else if (e - b >= 2 && s.substr(e - 2, 2) == "\xC2\xA0")
      e -= 2;
    else
      break;
  }
  return s.substr(b, e - b);
}

std::vector<std::string_view> split(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  for (auto i = s.find(sep); i != std::string_view::npos; i = s.find(sep, start)) {  // memchr
    out.push_back(s.substr(start, i - start));
    start = i + 1;
  }
  out.push_back(s.substr(start));
  return out;
}

std::vector<std::string_view> lines(std::string_view s) {
  auto out = split(s, '\n');
  if (!out.empty() && out.back().empty()) out.pop_back();
  return out;
}

std::vector<std::string_view> words(std::string_view s) {
  std::vector<std::string_view> out;
  append_words(s, out);
  return out;
}

void append_words(std::string_view s, std::vector<std::string_view>& out) {
  // Bytes that may start a space: ASCII whitespace, E3 (U+3000 is E3 80 80; kana are E3 81..83)
  // and C2 (NBSP is C2 A0). Every other byte belongs to a word: skipped by one table lookup.
  static constexpr auto may_start_space = [] {
    std::array<bool, 256> table{};
    for (unsigned char c : {' ', '\t', '\n', '\r', '\v', '\f'}) table[c] = true;
    table[0xE3] = table[0xC2] = true;
    return table;
  }();
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const std::size_t n = s.size();
  constexpr auto none = std::string_view::npos;
  std::size_t i = 0, start = none;
  while (i < n) {
    if (!may_start_space[p[i]]) {
      if (start == none) start = i;
      while (++i < n && !may_start_space[p[i]]) {
      }
      continue;
    }
    std::size_t space = 0;
    if (p[i] == 0xE3)
      space = i + 2 < n && p[i + 1] == 0x80 && p[i + 2] == 0x80 ? 3 : 0;
    else if (p[i] == 0xC2)
      space = i + 1 < n && p[i + 1] == 0xA0 ? 2 : 0;
    else
      space = 1;
    if (space) {
      if (start != none) out.push_back(s.substr(start, i - start));
      start = none;
      i += space;
    } else {  // a kana, or another character led by E3 or C2
      if (start == none) start = i;
      ++i;
    }
  }
  if (start != none) out.push_back(s.substr(start));
}

bool equals_without_spaces(std::string_view s, std::string_view compacted) {
  std::size_t j = 0;
  for (std::size_t i = 0; i < s.size();) {
    if (auto n = space_length_at(s, i)) {
      i += n;
      continue;
    }
    if (j == compacted.size() || s[i] != compacted[j]) return false;
    ++i, ++j;
  }
  return j == compacted.size();
}

bool contains(std::string_view s, std::string_view part) {
  // A cell's few words: string_view::find, without memmem's set-up for each needle. Longer
  // text: memmem, since Japanese text repeats the lead bytes of a needle's first character on
  // nearly every character, which string_view::find checks one memcmp at a time.
  if (s.size() <= 64) return s.find(part) != std::string_view::npos;
  return part.empty() || ::memmem(s.data(), s.size(), part.data(), part.size()) != nullptr;
}

bool has_percent_sign(std::string_view s) {
  return contains(s, "%") || contains(s, "\xEF\xBC\x85");  // ％ U+FF05
}
void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

std::size_t find_from(std::string_view s, std::string_view part, std::size_t pos) {
  if (pos > s.size()) return std::string_view::npos;
  const void* at = ::memmem(s.data() + pos, s.size() - pos, part.data(), part.size());
  return at ? static_cast<std::size_t>(static_cast<const char*>(at) - s.data())
            : std::string_view::npos;
}

std::string replace_all(std::string_view s, std::string_view from, std::string_view to) {
  std::string out;
  out.reserve(s.size());
  std::size_t i = 0;
  while (true) {
    auto pos = from.empty() ? std::string_view::npos : s.find(from, i);
    if (pos == std::string_view::npos) break;
    out.append(s.substr(i, pos - i)).append(to);
    i = pos + from.size();
  }
  out.append(s.substr(i));
  return out;
}

std::string squeeze_spaces(std::string_view s) {
  std::string out;
  for (auto w : words(s)) {
    if (!out.empty()) out.push_back(' ');
    out.append(w);
  }
  return out;
}

int utf8_length(unsigned char lead) {
  if (lead < 0x80) return 1;
  if ((lead & 0xE0) == 0xC0) return 2;
  if ((lead & 0xF0) == 0xE0) return 3;
  if ((lead & 0xF8) == 0xF0) return 4;
  return 1;
}

char32_t code_point_at(std::string_view s, std::size_t i, int length) {
  auto lead = static_cast<unsigned char>(s[i]);
  if (length == 1) return lead;
  char32_t cp = lead & (0x7F >> length);
  for (int k = 1; k < length; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
  return cp;
}

std::u32string to_utf32(std::string_view s) {
  std::u32string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    int n = utf8_length(static_cast<unsigned char>(s[i]));
    if (i + static_cast<std::size_t>(n) > s.size()) n = 1;
    out.push_back(code_point_at(s, i, n));
    i += static_cast<std::size_t>(n);
  }
  return out;
}

std::string to_utf8(std::u32string_view s) {
  std::string out;
  out.reserve(s.size() * 3);
  for (char32_t c : s) append_utf8(out, c);
  return out;
}

}  // namespace kpi::text
