#pragma once
// Normalised text that remembers where each byte came from, so a piece found by parsing the
// normalised text can be quoted in the original characters ("５０％" found as "50%").
#include <string>
#include <string_view>
#include <vector>

namespace kpi::text {

class MappedText {
 public:
  // Normalises `original` (see normalize.hpp) one character at a time (a base character
  // with its combining marks), recording each output byte's source character.
  explicit MappedText(std::string_view original);

  const std::string& normalized() const { return normalized_; }
  const std::string& original() const { return original_; }
  // The original text of the characters that produced normalized()[begin, end).
  std::string original_slice(std::size_t begin, std::size_t end) const;

 private:
  std::string original_;
  std::string normalized_;
  std::vector<std::size_t> from_;  // per normalised byte: start of its source character
  std::vector<std::size_t> to_;    // per normalised byte: end of its source character
};

}  // namespace kpi::text
