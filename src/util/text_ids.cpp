#include "kpi/util/text_ids.hpp"

#include <limits>
#include <stdexcept>

namespace kpi::util {

std::uint32_t TextIds::id_of(std::string_view text, std::uint32_t& hint) {
  if (hint < texts_.size() && texts_[hint] == text) return hint;
  return hint = id_of(text);
}

std::uint32_t TextIds::id_of(std::string_view text) {
  if (auto it = ids_.find(text); it != ids_.end()) return it->second;
  if (texts_.size() >= std::numeric_limits<std::uint32_t>::max())
    throw std::length_error("more distinct texts than a 32-bit number names");
  auto id = static_cast<std::uint32_t>(texts_.size());
  ids_.emplace(texts_.emplace_back(text), id);
  return id;
}

}  // namespace kpi::util
