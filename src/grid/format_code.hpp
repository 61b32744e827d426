#pragma once
// Excel number format codes as tokens (private to src/grid/): the shared tokenizer of the
// number and date renderers.
#include <string>
#include <string_view>
#include <vector>

namespace kpi::grid::format_code {

enum class TokenKind {
  literal,   // text shown as is (quoted, escaped, ¥, spaces, -, /, 年)
  zero,      // 0 placeholder
  hash,      // # placeholder
  question,  // ? placeholder
  point,     // .
  comma,     // ,
  percent,   // %
  exponent,  // E+ or E- (text holds the sign)
  general,   // General
  text_at,   // @
  date,      // y m d h s g e aaa AM/PM [h] (text holds the code, "yyyy", "ggg")
};

struct Token {
  TokenKind kind;
  std::string text;
};

// The ;-separated sections of a format code (quotes, escapes and brackets respected).
std::vector<std::string_view> split_sections(std::string_view code);

// The tokens of one section; in a section holding any date code, . and 0 are literals.
std::vector<Token> tokenize(std::string_view section);

bool has_date_token(const std::vector<Token>& tokens);

// A date/time section rendered for a serial number of the 1900 date system; false when the
// serial is out of Excel's range (then the caller shows it as a number).
bool render_date(const std::vector<Token>& tokens, double serial, std::string& out);

}  // namespace kpi::grid::format_code
