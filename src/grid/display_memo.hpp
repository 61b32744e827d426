#pragma once
// The stored values last shown under one number format, with their displays (private to
// src/grid/). A sheet's table repeats its values (a target kept over the years, zeros, the
// same count in many rows) and showing one under a format takes hundreds of steps; a value
// met again takes its display, and its kept text, from here. A fixed table of slots by the
// value's hash: memory does not grow with the sheet, a collision only forgets.
#include <cstddef>
#include <string_view>
#include <vector>

namespace kpi::grid {

class DisplayMemo {
 public:
  struct Shown {
    std::string_view value;    // the value's text, kept in the sheet's store
    std::string_view display;  // its display, kept there too (or `value` itself)
  };

  // What was remembered for this value text, or nullptr.
  const Shown* find(std::string_view value) const;
  // Remembers a value's kept text and display (views that live as long as the sheet).
  void remember(Shown shown);

 private:
  static constexpr std::size_t kSlots = 512;
  static std::size_t slot_of(std::string_view value);
  std::vector<Shown> slots_;  // empty until the first value
};

}  // namespace kpi::grid
