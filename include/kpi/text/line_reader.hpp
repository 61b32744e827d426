#pragma once
// The lines of a text one at a time, as views: text::lines() without the vector of every
// line. Lines end at '\n' (not included); a text ending in '\n' has no empty last line.
#include <cstddef>
#include <string_view>

namespace kpi::text {

class LineReader {
 public:
  explicit LineReader(std::string_view text) : text_(text) {}

  // The next line into `line`; false after the last.
  bool next(std::string_view& line);

 private:
  std::string_view text_;
  std::size_t pos_ = 0;
};

}  // namespace kpi::text
