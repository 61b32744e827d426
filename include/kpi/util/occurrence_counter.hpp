#pragma once
// Counts the texts met so far: next(text) is 1 the first time a text is met, 2 the second ...
// An open-addressing table of views (the caller keeps the texts alive and in place), so a
// count costs a hash and a probe, never an allocation but when the table doubles. Generic.
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string_view>
#include <vector>

namespace kpi::util {

class OccurrenceCounter {
 public:
  explicit OccurrenceCounter(std::size_t expected = 0) { grow_to(capacity_for(expected)); }

  int next(std::string_view text) {
    if (2 * (used_ + 1) > slots_.size()) grow_to(2 * slots_.size());
    auto hash = std::hash<std::string_view>{}(text);
    for (auto i = hash & mask_;; i = (i + 1) & mask_) {
      auto& slot = slots_[i];
      if (slot.count == 0) {
        slot = {hash, text, 1};
        ++used_;
        return 1;
      }
      if (slot.hash == hash && slot.text == text) return ++slot.count;
    }
  }

 private:
  struct Slot {
    std::size_t hash = 0;
    std::string_view text;
    int count = 0;  // 0: empty
  };

  static std::size_t capacity_for(std::size_t expected) {
    std::size_t capacity = 16;
    while (capacity < 2 * expected) capacity *= 2;
    return capacity;
  }

  void grow_to(std::size_t capacity) {
    std::vector<Slot> old(capacity);
    old.swap(slots_);
    mask_ = capacity - 1;
    for (const auto& slot : old) {
      if (slot.count == 0) continue;
      auto i = slot.hash & mask_;
      while (slots_[i].count != 0) i = (i + 1) & mask_;
      slots_[i] = slot;
    }
  }

  std::vector<Slot> slots_;
  std::size_t mask_ = 0;
  std::size_t used_ = 0;
};

}  // namespace kpi::util
