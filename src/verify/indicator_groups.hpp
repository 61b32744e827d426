#pragma once
// Private to verify/: KPIs grouped by body (model::body_of) and a text of theirs (an id, a name),
// for the cross-row findings. One sorted vector of views instead of a tree of nodes: built with one
// allocation and one sort, searched by halves. The views point into the indicators, which
// outlive the search.
#include <algorithm>
#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

#include "finding_kinds.hpp"

namespace kpi::verify {

struct KeyedIndicator {
  std::string_view municipality, text;
  const model::Indicator* indicator;

  friend bool key_before(const KeyedIndicator& a, const KeyedIndicator& b) {
    return a.municipality != b.municipality ? a.municipality < b.municipality : a.text < b.text;
  }
  friend bool same_key(const KeyedIndicator& a, const KeyedIndicator& b) {
    return a.municipality == b.municipality && a.text == b.text;
  }
};
using IndicatorGroups = std::vector<KeyedIndicator>;

// The KPIs of `all` that text_of gives a text (std::optional<std::string_view>), sorted by
// (municipality, text); within a key in the order of `all`.
template <class TextOf>
IndicatorGroups group_by(const IndicatorList& all, TextOf text_of) {
  IndicatorGroups groups;
  groups.reserve(all.size());
  for (const auto* ind : all)
    if (std::optional<std::string_view> text = text_of(*ind))
      groups.push_back({model::body_of(*ind), *text, ind});
  std::stable_sort(groups.begin(), groups.end(),
                   [](const auto& a, const auto& b) { return key_before(a, b); });
  return groups;
}

// The group of (municipality, text): [first, last), empty when there is none.
inline std::pair<IndicatorGroups::const_iterator, IndicatorGroups::const_iterator> find_group(
    const IndicatorGroups& groups, std::string_view municipality, std::string_view text) {
  KeyedIndicator wanted{municipality, text, nullptr};
  return std::equal_range(groups.begin(), groups.end(), wanted,
                          [](const auto& a, const auto& b) { return key_before(a, b); });
}

// fn(first, last) for each group, in key order.
template <class Fn>
void for_each_group(const IndicatorGroups& groups, Fn fn) {
  for (auto first = groups.begin(); first != groups.end();) {
    auto last = std::find_if(first, groups.end(),
                             [&](const KeyedIndicator& k) { return !same_key(k, *first); });
    fn(first, last);
    first = last;
  }
}

}  // namespace kpi::verify
