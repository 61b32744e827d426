// The tokenizer of Excel number format codes (format_code.hpp).
#include "format_code.hpp"

#include <cctype>

namespace kpi::grid::format_code {

namespace {

// Bytes of the UTF-8 character starting at s[i].
std::size_t char_length(std::string_view s, std::size_t i) {
  auto lead = static_cast<unsigned char>(s[i]);
  std::size_t n = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
  return i + n <= s.size() ? n : s.size() - i;
}

// Index just past a quoted run or bracket starting at s[i] (the closing char included).
std::size_t skip_enclosed(std::string_view s, std::size_t i, char close) {
  auto end = s.find(close, i + 1);
  return end == std::string_view::npos ? s.size() : end + 1;
}

bool is_date_letter(char c) {
  switch (std::tolower(static_cast<unsigned char>(c))) {
    case 'y':
    case 'm':
    case 'd':
    case 'h':
    case 's':
    case 'g':
    case 'e':
    case 'a':
      return true;
    default:
      return false;
  }
}

void add_literal(std::vector<Token>& tokens, std::string_view text) {
  if (!tokens.empty() && tokens.back().kind == TokenKind::literal)
    tokens.back().text += text;
  else
    tokens.push_back({TokenKind::literal, std::string(text)});
}

// "[Red]", "[$-411]", "[>=100]" show nothing; "[$¥-411]" shows ¥; "[h]" is elapsed time.
void add_bracket(std::vector<Token>& tokens, std::string_view inside) {
  if (!inside.empty() && inside[0] == '$') {
    auto symbol =
        inside.substr(1, inside.find('-') == std::string_view::npos ? std::string_view::npos
                                                                    : inside.find('-') - 1);
    if (!symbol.empty()) add_literal(tokens, symbol);
    return;
  }
  if (!inside.empty() && (std::tolower(static_cast<unsigned char>(inside[0])) == 'h' ||
                          std::tolower(static_cast<unsigned char>(inside[0])) == 'm' ||
                          std::tolower(static_cast<unsigned char>(inside[0])) == 's'))
    tokens.push_back({TokenKind::date, "[" + std::string(inside) + "]"});
}

bool starts_with_nocase(std::string_view s, std::size_t i, std::string_view word) {
  if (s.size() - i < word.size()) return false;
  for (std::size_t k = 0; k < word.size(); ++k)
    if (std::tolower(static_cast<unsigned char>(s[i + k])) !=
        std::tolower(static_cast<unsigned char>(word[k])))
      return false;
  return true;
}

// The date code starting at s[i]: a run of one letter ("yyyy", "ggg"), AM/PM or A/P.
std::size_t date_code_length(std::string_view s, std::size_t i) {
  if (starts_with_nocase(s, i, "am/pm")) return 5;
  if (starts_with_nocase(s, i, "a/p")) return 3;
  auto letter = std::tolower(static_cast<unsigned char>(s[i]));
  std::size_t n = 1;
  while (i + n < s.size() && std::tolower(static_cast<unsigned char>(s[i + n])) == letter) ++n;
  return n;
}

TokenKind placeholder_kind(char c) {
  switch (c) {
    case '0':
      return TokenKind::zero;
    case '#':
      return TokenKind::hash;
    case '?':
      return TokenKind::question;
    case '.':
      return TokenKind::point;
    case ',':
      return TokenKind::comma;
    default:
      return TokenKind::percent;
  }
}

// In a date section, number tokens are shown as typed.
void numbers_to_literals(std::vector<Token>& tokens) {
  std::vector<Token> out;
  for (auto& token : tokens) {
    bool numeric = token.kind == TokenKind::zero || token.kind == TokenKind::hash ||
                   token.kind == TokenKind::question || token.kind == TokenKind::point ||
                   token.kind == TokenKind::comma || token.kind == TokenKind::percent;
    if (numeric || token.kind == TokenKind::literal)
      add_literal(out, token.text);
    else
      out.push_back(std::move(token));
  }
  tokens = std::move(out);
}

}  // namespace

std::vector<std::string_view> split_sections(std::string_view code) {
  std::vector<std::string_view> sections;
  std::size_t start = 0, i = 0;
  while (i < code.size()) {
    char c = code[i];
    if (c == '"') {
      i = skip_enclosed(code, i, '"');
    } else if (c == '[') {
      i = skip_enclosed(code, i, ']');
    } else if (c == '\\' || c == '_' || c == '*') {
      i += 1 + (i + 1 < code.size() ? char_length(code, i + 1) : 0);
    } else if (c == ';') {
      sections.push_back(code.substr(start, i - start));
      start = ++i;
    } else {
      i += char_length(code, i);
    }
  }
  sections.push_back(code.substr(start));
  return sections;
}

std::vector<Token> tokenize(std::string_view s) {
  std::vector<Token> tokens;
  std::size_t i = 0;
  while (i < s.size()) {
    char c = s[i];
    if (c == '"') {
      std::size_t end = skip_enclosed(s, i, '"');
      add_literal(tokens,
                  s.substr(i + 1, end - i - (end <= s.size() && s[end - 1] == '"' ? 2 : 1)));
      i = end;
    } else if (c == '[') {
      std::size_t end = skip_enclosed(s, i, ']');
      add_bracket(tokens, s.substr(i + 1, end - i - 2 < s.size() ? end - i - 2 : 0));
      i = end;
    } else if (c == '\\' || c == '_' || c == '*') {
      std::size_t n = i + 1 < s.size() ? char_length(s, i + 1) : 0;
      if (c == '\\') add_literal(tokens, s.substr(i + 1, n));
      if (c == '_') add_literal(tokens, " ");
      i += 1 + n;
    } else if (starts_with_nocase(s, i, "general")) {
      tokens.push_back({TokenKind::general, "General"});
      i += 7;
    } else if ((c == 'E' || c == 'e') && i + 1 < s.size() && (s[i + 1] == '+' || s[i + 1] == '-')) {
      tokens.push_back({TokenKind::exponent, std::string(1, s[i + 1])});
      i += 2;
    } else if (c == '0' || c == '#' || c == '?' || c == '.' || c == ',' || c == '%') {
      tokens.push_back({placeholder_kind(c), std::string(1, c)});
      ++i;
    } else if (c == '@') {
      tokens.push_back({TokenKind::text_at, "@"});
      ++i;
    } else if (is_date_letter(c)) {
      std::size_t n = date_code_length(s, i);
      bool lone_a = std::tolower(static_cast<unsigned char>(c)) == 'a' && n < 3;
      if (lone_a)
        add_literal(tokens, s.substr(i, n));
      else
        tokens.push_back({TokenKind::date, std::string(s.substr(i, n))});
      i += n;
    } else {
      std::size_t n = char_length(s, i);
      add_literal(tokens, s.substr(i, n));
      i += n;
    }
  }
  if (has_date_token(tokens)) numbers_to_literals(tokens);
  return tokens;
}

bool has_date_token(const std::vector<Token>& tokens) {
  for (const auto& token : tokens)
    if (token.kind == TokenKind::date) return true;
  return false;
}

}  // namespace kpi::grid::format_code
