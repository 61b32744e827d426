#include "kpi/text/mapped.hpp"

#include "kpi/text/stable_text.hpp"
#include "kpi/text/strings.hpp"

namespace kpi::text {

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
  normalize_mapped_into(original, out);  // one implementation (text/stable_text.hpp)
  return out;
}

}  // namespace kpi::text
