#include "kpi/text/mapped.hpp"

#include "kpi/text/normalize.hpp"
#include "kpi/text/strings.hpp"

namespace kpi::text {
namespace {

// ¹ ² ³ and U+2070..U+209F (superscripts and subscripts) as UTF-8.
bool is_script_digit(std::string_view ch) {
  if (ch == "\xC2\xB9" || ch == "\xC2\xB2" || ch == "\xC2\xB3") return true;
  if (ch.size() != 3 || static_cast<unsigned char>(ch[0]) != 0xE2) return false;
  auto b1 = static_cast<unsigned char>(ch[1]), b2 = static_cast<unsigned char>(ch[2]);
  return (b1 == 0x81 && b2 >= 0xB0) || (b1 == 0x82 && b2 <= 0x9F);
}

// True when NFKC leaves the character as it is: ASCII, kana, kanji (normalize.hpp).
bool is_kept(std::string_view ch) {
  if (ch.size() == 1) return true;
  if (ch.size() != 3) return false;
  auto b0 = static_cast<unsigned char>(ch[0]), b1 = static_cast<unsigned char>(ch[1]),
       b2 = static_cast<unsigned char>(ch[2]);
  if ((b1 & 0xC0) != 0x80 || (b2 & 0xC0) != 0x80) return false;
  return is_nfkc_stable(char32_t(b0 & 0x0F) << 12 | char32_t(b1 & 0x3F) << 6 | (b2 & 0x3F));
}

// The character NFKC-normalised onto `out` (kept as printed when NFKC leaves it, or when
// it is a script digit).
void append_normalized_char(std::string& out, std::string_view ch) {
  if (is_kept(ch) || is_script_digit(ch))
    out.append(ch);
  else
    append_normalize(out, ch);
}

}  // namespace

std::string_view MappedText::original_slice(std::size_t begin, std::size_t end) const {
  if (end > normalized.size()) end = normalized.size();
  if (begin > end) begin = end;
  std::size_t from = source[begin], to = source[end];
  // A range ending inside the expansion of one character ends after that character.
  if (end > begin && end < normalized.size() && source[end] == source[end - 1])
    to = source[end - 1] + static_cast<std::size_t>(
                               utf8_length(static_cast<unsigned char>(original[source[end - 1]])));
  return std::string_view(original).substr(from, to - from);
}

MappedText normalize_mapped(std::string_view original) {
  MappedText out;
  out.original = std::string(original);
  out.normalized.reserve(original.size());
  out.source.reserve(original.size() + 1);
  for (std::size_t i = 0; i < original.size();) {
    auto len = static_cast<std::size_t>(utf8_length(static_cast<unsigned char>(original[i])));
    if (i + len > original.size()) len = 1;
    auto before = out.normalized.size();
    append_normalized_char(out.normalized, original.substr(i, len));
    out.source.insert(out.source.end(), out.normalized.size() - before, i);
    i += len;
  }
  out.source.push_back(original.size());
  return out;
}

}  // namespace kpi::text
