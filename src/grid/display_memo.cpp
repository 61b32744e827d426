// Displays of values met before under one number format (display_memo.hpp).
#include "display_memo.hpp"

#include <functional>

namespace kpi::grid {

std::size_t DisplayMemo::slot_of(std::string_view value) {
  return std::hash<std::string_view>{}(value) % kSlots;
}

const DisplayMemo::Shown* DisplayMemo::find(std::string_view value) const {
  if (slots_.empty() || value.empty()) return nullptr;
  const Shown& slot = slots_[slot_of(value)];
  return slot.value == value ? &slot : nullptr;
}

void DisplayMemo::remember(Shown shown) {
  if (shown.value.empty()) return;
  if (slots_.empty()) slots_.resize(kSlots);
  slots_[slot_of(shown.value)] = shown;
}

}  // namespace kpi::grid
