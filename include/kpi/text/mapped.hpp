#pragma once
// Normalised text that remembers where each byte came from, so that a range found in the
// normalised text (where parsing is easy) can be quoted as printed (what reports must show).
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace kpi::text {

struct MappedText {
  std::string original;
  std::string normalized;
  // source[i]: byte offset in `original` of the character that produced normalized[i];
  // source[normalized.size()] == original.size().
  std::vector<std::size_t> source;

  // The printed text behind normalized[begin, end).
  std::string_view original_slice(std::size_t begin, std::size_t end) const;
};

// Character-by-character NFKC with the rules of normalize() (keeps 〜 ～ ①…⑳), and also keeps
// superscript and subscript digits (m³, CO₂): NFKC would turn them into ordinary digits that
// read as a number glued to the unit.
MappedText normalize_mapped(std::string_view original);

}  // namespace kpi::text
