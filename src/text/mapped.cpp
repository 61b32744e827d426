#include "kpi/text/mapped.hpp"

#include "kpi/text/normalize.hpp"
#include "kpi/text/strings.hpp"

namespace kpi::text {
namespace {

char32_t code_point_at(std::string_view s, std::size_t i, int len) {
  auto c = static_cast<unsigned char>(s[i]);
  if (len == 1) return c;
  char32_t cp = c & (0x7F >> len);
  for (int k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
  return cp;
}

// Marks that NFKC may compose with the character before them (dakuten, accents).
bool is_combining(char32_t cp) {
  return (cp >= 0x0300 && cp <= 0x036F) || (cp >= 0x3099 && cp <= 0x309A) ||
         (cp >= 0xFF9E && cp <= 0xFF9F) || (cp >= 0x20D0 && cp <= 0x20FF);
}

int length_at(std::string_view s, std::size_t i) {
  int len = utf8_length(static_cast<unsigned char>(s[i]));
  return i + static_cast<std::size_t>(len) > s.size() ? 1 : len;
}

// End of the character starting at `i` together with its combining marks.
std::size_t cluster_end(std::string_view s, std::size_t i) {
  std::size_t end = i + static_cast<std::size_t>(length_at(s, i));
  while (end < s.size()) {
    int len = length_at(s, end);
    if (!is_combining(code_point_at(s, end, len))) break;
    end += static_cast<std::size_t>(len);
  }
  return end;
}

}  // namespace

MappedText::MappedText(std::string_view original) : original_(original) {
  normalized_.reserve(original.size());
  for (std::size_t i = 0; i < original.size();) {
    std::size_t end = cluster_end(original, i);
    auto piece = original.substr(i, end - i);
    std::string out = piece.size() == 1 ? std::string(piece) : normalize(piece);
    normalized_ += out;
    from_.insert(from_.end(), out.size(), i);
    to_.insert(to_.end(), out.size(), end);
    i = end;
  }
}

std::string MappedText::original_slice(std::size_t begin, std::size_t end) const {
  if (end > normalized_.size()) end = normalized_.size();
  if (begin >= end) return {};
  return original_.substr(from_[begin], to_[end - 1] - from_[begin]);
}

}  // namespace kpi::text
