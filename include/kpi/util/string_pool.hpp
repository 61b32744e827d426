#pragma once
// Strings handed back after use and given out again, so that a stream cut into large pieces
// (a worksheet's rows, a few MB each) reuses a few buffers instead of touching fresh memory for
// every piece: on a machine where a new page costs microseconds, those pages were a tenth of
// the time of reading a large workbook. Thread-safe; keeps at most `keep` strings. Generic:
// knows nothing of kpi-report.
#include <cstddef>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace kpi::util {

class StringPool {
 public:
  explicit StringPool(std::size_t keep) : keep_(keep) {}

  // A copy of `text`, in a string given back earlier when there is one.
  std::string copy_of(std::string_view text) {
    std::string out;
    {
      std::lock_guard lock(mutex_);
      if (!spare_.empty()) {
        out = std::move(spare_.back());
        spare_.pop_back();
      }
    }
    out.assign(text);
    return out;
  }

  // A string done with, kept for a later copy_of (dropped when `keep` are kept already).
  void give_back(std::string used) {
    std::lock_guard lock(mutex_);
    if (spare_.size() < keep_) spare_.push_back(std::move(used));
  }

 private:
  std::size_t keep_;
  std::mutex mutex_;
  std::vector<std::string> spare_;
};

}  // namespace kpi::util
