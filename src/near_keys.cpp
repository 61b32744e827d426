#include "kpi/near_keys.hpp"

#include <algorithm>
#include <functional>

#include "kpi/merge_keys.hpp"

namespace kpi {
namespace {

// Hash of the code points of `cps` without those at `skip1` and `skip2` (npos: none).
std::uint64_t hash_without(const std::vector<std::string_view>& cps, std::size_t skip1,
                           std::size_t skip2, std::string& buffer) {
  buffer.clear();
  for (std::size_t i = 0; i < cps.size(); ++i)
    if (i != skip1 && i != skip2) buffer.append(cps[i]);
  return std::hash<std::string_view>{}(buffer);
}

}  // namespace

std::vector<std::uint64_t> deletion_neighbourhood(std::string_view key) {
  auto cps = code_points(key);
  if (cps.size() > NearKeys::max_code_points) return {};
  constexpr auto none = std::string_view::npos;
  std::vector<std::uint64_t> out;
  std::string buffer;
  out.push_back(hash_without(cps, none, none, buffer));
  for (std::size_t i = 0; i < cps.size(); ++i) {
    out.push_back(hash_without(cps, i, none, buffer));
    for (std::size_t j = i + 1; j < cps.size(); ++j) out.push_back(hash_without(cps, i, j, buffer));
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

void NearKeys::add(std::string_view key) {
  if (contains(key)) return;
  present_.emplace(key);
  auto index = static_cast<std::uint32_t>(keys_.size());
  keys_.emplace_back(key);
  for (auto h : deletion_neighbourhood(key)) by_variant_.emplace(h, index);
}

const std::string* NearKeys::find_near(std::string_view key) const {
  std::vector<std::uint32_t> candidates;
  for (auto h : deletion_neighbourhood(key)) {
    auto [first, last] = by_variant_.equal_range(h);
    for (auto it = first; it != last; ++it) candidates.push_back(it->second);
  }
  std::sort(candidates.begin(), candidates.end());
  candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
  const std::string* best = nullptr;
  for (auto i : candidates) {
    const auto& candidate = keys_[i];
    if ((!best || candidate < *best) && is_near(key, candidate)) best = &candidate;
  }
  return best;
}

}  // namespace kpi
