#pragma once
// Finding an earlier key near a new one (kpi::is_near: one or two edits, a likely typo)
// without comparing it with every earlier key, which is quadratic over a national run's
// thousand municipalities. Two keys within two edits share a string made by deleting at most
// two code points from each (their deletion neighbourhoods meet), so the index keeps, for each
// key, the hashes of its neighbourhood and compares a new key only with the keys that share
// one.
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace kpi {

class NearKeys {
 public:
  // Keys longer than this (in code points) are not indexed and have no near key: a slug is
  // a word, and a neighbourhood grows with the square of the length.
  static constexpr std::size_t max_code_points = 32;

  // Adds `key` once (again: nothing).
  void add(std::string_view key);
  bool contains(std::string_view key) const { return present_.find(key) != present_.end(); }
  bool empty() const { return keys_.empty(); }
  // The smallest added key (byte order) near `key` (is_near), or nullptr.
  const std::string* find_near(std::string_view key) const;

 private:
  std::vector<std::string> keys_;
  // Looked up by view (every KPI of a new municipality asks): no string made per question.
  struct ViewHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::unordered_set<std::string, ViewHash, std::equal_to<>> present_;
  std::unordered_multimap<std::uint64_t, std::uint32_t> by_variant_;  // neighbourhood -> key
};

// The hashes of the strings made by deleting at most two code points of `key` (duplicates
// removed), or nothing when `key` is longer than NearKeys::max_code_points.
std::vector<std::uint64_t> deletion_neighbourhood(std::string_view key);

}  // namespace kpi
