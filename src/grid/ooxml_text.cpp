// _xHHHH_ escapes and line ends of OOXML text (ooxml_text.hpp).
#include "ooxml_text.hpp"
#include "kpi/text/strings.hpp"

namespace kpi::grid {

namespace {

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// The code point of "_xHHHH_" at s[i], -1 when there is none.
long escape_at(std::string_view s, std::size_t i) {
  if (s.size() - i < 7 || s[i] != '_' || s[i + 1] != 'x' || s[i + 6] != '_') return -1;
  long code = 0;
  for (std::size_t k = i + 2; k < i + 6; ++k) {
    int digit = hex_value(s[k]);
    if (digit < 0) return -1;
    code = code * 16 + digit;
  }
  return code;
}

}  // namespace

std::string decode_ooxml_text(std::string_view stored) {
  if (stored.find("_x") == std::string_view::npos && stored.find('\r') == std::string_view::npos)
    return std::string(stored);
  std::string unescaped;
  unescaped.reserve(stored.size());
  for (std::size_t i = 0; i < stored.size();) {
    long code = stored[i] == '_' ? escape_at(stored, i) : -1;
    if (code >= 0) {
      text::append_utf8(unescaped,
                        code >= 0xD800 && code <= 0xDFFF ? 0xFFFD : static_cast<char32_t>(code));
      i += 7;
    } else {
      unescaped.push_back(stored[i++]);
    }
  }
  std::string out;
  out.reserve(unescaped.size());
  for (std::size_t i = 0; i < unescaped.size(); ++i) {
    if (unescaped[i] != '\r') {
      out.push_back(unescaped[i]);
    } else if (i + 1 == unescaped.size() || unescaped[i + 1] != '\n') {
      out.push_back('\n');
    }
  }
  return out;
}

}  // namespace kpi::grid
