#pragma once
// What a function gave for the last N texts it was asked about, replaced oldest first: for a
// column whose cells repeat down the rows (a direction, a type, a 市町村 name), where reading a
// cell costs far more than comparing it with the last few. Not shared between threads: keep
// one per thread (thread_local) when rows are read on several. Generic: knows nothing of
// kpi-report.
#include <array>
#include <cstddef>
#include <string>
#include <string_view>

namespace kpi::util {

template <typename Value, std::size_t N>
class LastComputed {
  static_assert(N > 0);

 public:
  // compute(key)'s value, from memory when `key` is one of the last N asked. When compute
  // throws, nothing is remembered.
  template <typename Compute>
  const Value& get(std::string_view key, Compute compute) {
    for (const auto& entry : entries_)
      if (entry.filled && entry.key == key) return entry.value;
    auto& entry = entries_[oldest_];
    entry.filled = false;
    entry.value = compute(key);
    entry.key.assign(key);
    entry.filled = true;
    oldest_ = (oldest_ + 1) % N;
    return entry.value;
  }

 private:
  struct Entry {
    bool filled = false;
    std::string key;
    Value value{};
  };
  std::array<Entry, N> entries_{};
  std::size_t oldest_ = 0;
};

}  // namespace kpi::util
