#pragma once
// Private to verify/: KPIs grouped by body (model::body_of) and a text of theirs (an id, a
// name), for the cross-row findings. One sorted vector of views instead of a tree of nodes:
// built with one allocation and one sort, searched by halves. The sort is by a hash of the key
// first, so that it compares numbers, not the long alike texts of every KPI; the views point
// into the indicators, which outlive the search.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

#include "finding_kinds.hpp"

namespace kpi::verify {

struct KeyedIndicator {
  std::string_view municipality, text;
  const model::Indicator* indicator;
  std::uint64_t hash = hash_of(municipality, text);

  static std::uint64_t hash_of(std::string_view municipality, std::string_view text) {
    std::hash<std::string_view> h;
    return h(municipality) * 0x9e3779b97f4a7c15ull ^ h(text);
  }
  // The order of the groups in the vector: by hash, then by key.
  friend bool stored_before(const KeyedIndicator& a, const KeyedIndicator& b) {
    if (a.hash != b.hash) return a.hash < b.hash;
    return key_before(a, b);
  }
  friend bool key_before(const KeyedIndicator& a, const KeyedIndicator& b) {
    return a.municipality != b.municipality ? a.municipality < b.municipality : a.text < b.text;
  }
  friend bool same_key(const KeyedIndicator& a, const KeyedIndicator& b) {
    return a.hash == b.hash && a.municipality == b.municipality && a.text == b.text;
  }
};
using IndicatorGroups = std::vector<KeyedIndicator>;

// The KPIs of `all` that text_of gives a text (std::optional<std::string_view>), grouped by
// (municipality, text); within a group in the order of `all`.
template <class TextOf>
IndicatorGroups group_by(const IndicatorList& all, TextOf text_of) {
  IndicatorGroups groups;
  groups.reserve(all.size());
  for (const auto* ind : all)
    if (std::optional<std::string_view> text = text_of(*ind))
      groups.push_back({model::body_of(*ind), *text, ind});
  std::stable_sort(groups.begin(), groups.end(),
                   [](const auto& a, const auto& b) { return stored_before(a, b); });
  return groups;
}

// The group of (municipality, text): [first, last), empty when there is none.
inline std::pair<IndicatorGroups::const_iterator, IndicatorGroups::const_iterator> find_group(
    const IndicatorGroups& groups, std::string_view municipality, std::string_view text) {
  KeyedIndicator wanted{municipality, text, nullptr};
  return std::equal_range(groups.begin(), groups.end(), wanted,
                          [](const auto& a, const auto& b) { return stored_before(a, b); });
}

// fn(first, last) for each group of two KPIs or more, in key order (findings come out in
// the order of their ids, whatever the hashes).
template <class Fn>
void for_each_shared_group(const IndicatorGroups& groups, Fn fn) {
  using Range = std::pair<IndicatorGroups::const_iterator, IndicatorGroups::const_iterator>;
  std::vector<Range> shared;
  for (auto first = groups.begin(); first != groups.end();) {
    auto last = std::find_if(std::next(first), groups.end(),
                             [&](const KeyedIndicator& k) { return !same_key(k, *first); });
    if (std::next(first) != last) shared.emplace_back(first, last);
    first = last;
  }
  std::sort(shared.begin(), shared.end(),
            [](const Range& a, const Range& b) { return key_before(*a.first, *b.first); });
  for (const auto& [first, last] : shared) fn(first, last);
}

}  // namespace kpi::verify
