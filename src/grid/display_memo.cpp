// Displays of values met before under one number format (display_memo.hpp).
#include "display_memo.hpp"

#include <cstdint>

#include "kpi/text/strings.hpp"

namespace kpi::grid {

// A value's text is a number of a few bytes ("1.087", "-103"): hashed and compared here, byte
// by byte, rather than by calls out.
std::size_t DisplayMemo::slot_of(std::string_view value) {
  std::uint32_t hash = 2166136261u;  // FNV-1a
  for (char c : value) hash = (hash ^ static_cast<unsigned char>(c)) * 16777619u;
  return hash % kSlots;
}

const DisplayMemo::Shown* DisplayMemo::find(std::string_view value) const {
  if (slots_.empty() || value.empty()) return nullptr;
  const Shown& slot = slots_[slot_of(value)];
  return text::same_short(slot.value, value) ? &slot : nullptr;
}

void DisplayMemo::remember(Shown shown) {
  if (shown.value.empty()) return;
  if (slots_.empty()) slots_.resize(kSlots);
  slots_[slot_of(shown.value)] = shown;
}

}  // namespace kpi::grid
