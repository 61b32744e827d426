#include "kpi/text/markup.hpp"
#include "kpi/text/strings.hpp"

#include <array>
#include <optional>

namespace kpi::text {
namespace {

bool is_ascii_alpha(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
char lower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

// Tags after which the next text starts a new item or line.
constexpr std::array<std::string_view, 22> block_tags = {
    "br",    "p",  "div", "li", "ul", "ol", "tr", "td", "th", "table", "tbody",
    "thead", "dl", "dt",  "dd", "hr", "h1", "h2", "h3", "h4", "h5",    "h6"};

bool is_block_tag(std::string_view name) {
  for (auto b : block_tags)
    if (b == name) return true;
  return false;
}

// A tag or comment starting at `i` (s[i] == '<'): where it ends (past '>') and whether it
// separates blocks; nullopt when the '<' is plain text.
struct Tag {
  std::size_t end = 0;
  bool block = false;
};

std::optional<Tag> comment_at(std::string_view s, std::size_t i) {
  if (s.substr(i, 4) != "<!--") return std::nullopt;
  auto close = s.find("-->", i + 4);
  if (close == std::string_view::npos) return std::nullopt;
  return Tag{close + 3, false};
}

// Past the '>' closing a tag opened at `i`, skipping quoted attribute values.
std::optional<std::size_t> tag_end(std::string_view s, std::size_t i) {
  char quote = 0;
  for (std::size_t k = i + 1; k < s.size(); ++k) {
    char c = s[k];
    if (quote) {
      if (c == quote) quote = 0;
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '>') {
      return k + 1;
    } else if (c == '<') {
      return std::nullopt;
    }
  }
  return std::nullopt;
}

std::optional<Tag> tag_at(std::string_view s, std::size_t i) {
  if (auto comment = comment_at(s, i)) return comment;
  std::size_t k = i + 1;
  if (k < s.size() && (s[k] == '/' || s[k] == '!' || s[k] == '?')) ++k;
  if (k >= s.size() || !is_ascii_alpha(s[k])) return std::nullopt;
  std::string name;
  while (k < s.size() && (is_ascii_alpha(s[k]) || is_ascii_digit(s[k]))) name += lower(s[k++]);
  if (k < s.size() && s[k] != '>' && s[k] != '/' && s[k] != ' ' && s[k] != '\t')
    return std::nullopt;
  auto end = tag_end(s, i);
  if (!end) return std::nullopt;
  return Tag{*end, is_block_tag(name)};
}

std::optional<char32_t> numeric_reference(std::string_view body) {
  if (body.size() < 2 || body[0] != '#') return std::nullopt;
  bool hex = body[1] == 'x' || body[1] == 'X';
  auto digits = body.substr(hex ? 2 : 1);
  if (digits.empty() || digits.size() > 7) return std::nullopt;
  char32_t cp = 0;
  for (char c : digits) {
    int d = is_ascii_digit(c)                           ? c - '0'
            : hex && lower(c) >= 'a' && lower(c) <= 'f' ? lower(c) - 'a' + 10
                                                        : -1;
    if (d < 0) return std::nullopt;
    cp = cp * (hex ? 16 : 10) + static_cast<char32_t>(d);
  }
  if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return std::nullopt;
  return cp;
}

std::optional<char32_t> named_reference(std::string_view body) {
  struct Named {
    std::string_view name;
    char32_t cp;
  };
  static constexpr Named names[] = {{"amp", '&'},  {"lt", '<'},    {"gt", '>'},
                                    {"quot", '"'}, {"apos", '\''}, {"nbsp", ' '}};
  for (const auto& n : names)
    if (n.name == body) return n.cp;
  return std::nullopt;
}

// A character reference starting at `i` (s[i] == '&'): its code point and length.
std::optional<std::pair<char32_t, std::size_t>> reference_at(std::string_view s, std::size_t i) {
  auto semicolon = s.find(';', i + 1);
  if (semicolon == std::string_view::npos || semicolon - i > 10) return std::nullopt;
  auto body = s.substr(i + 1, semicolon - i - 1);
  auto cp = body.starts_with('#') ? numeric_reference(body) : named_reference(body);
  if (!cp) return std::nullopt;
  return std::pair{*cp, semicolon + 1 - i};
}

}  // namespace

std::string strip_markup(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    if (s[i] == '<') {
      if (auto tag = tag_at(s, i)) {
        if (tag->block && !out.empty() && out.back() != ' ') out += ' ';
        i = tag->end;
        continue;
      }
    } else if (s[i] == '&') {
      if (auto ref = reference_at(s, i)) {
        append_utf8(out, ref->first);
        i += ref->second;
        continue;
      }
    }
    out += s[i++];
  }
  return out;
}

}  // namespace kpi::text
