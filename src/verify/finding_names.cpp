// Rows that should agree because they name the same thing.
#include <algorithm>
#include <iterator>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "finding_kinds.hpp"
#include "indicator_groups.hpp"
#include "kpi/calc/rational.hpp"

namespace kpi::verify {
namespace {

using NameKey = std::pair<std::string_view, std::string_view>;
struct NameKeyHash {
  std::size_t operator()(const NameKey& key) const {
    auto hash = std::hash<std::string_view>{};
    return hash(key.first) * 31 + hash(key.second);
  }
};

bool same_values(const model::Indicator& a, const model::Indicator& b) {
  if (!same_number(a.baseline.value, b.baseline.value)) return false;
  if (!same_number(a.final_target.value, b.final_target.value)) return false;
  for (const auto& o : a.observations)
    for (const auto& p : b.observations)
      if (o.fiscal_year == p.fiscal_year &&
          (!same_number(o.actual, p.actual) || !same_number(o.target, p.target)))
        return false;
  return true;
}

}  // namespace

void find_same_name_conflicts(const IndicatorList& all, std::vector<model::Finding>& out) {
  // The first KPI of each (municipality, name): views into the indicators, which outlive the
  // search. Hashed, not sorted: names are long and alike, and their order is never needed.
  std::unordered_map<NameKey, const model::Indicator*, NameKeyHash> first_by_name;
  first_by_name.reserve(all.size());
  for (const auto* ind : all) {
    if (ind->name.empty()) continue;
    auto [it, inserted] = first_by_name.try_emplace({model::body_of(*ind), ind->name}, ind);
    if (inserted) continue;
    const auto* other = it->second;
    // Re-listed rows are compared with their original by find_relisted_differences.
    if (other->id == ind->id || ind->relisted_of || other->relisted_of) continue;
    if (same_values(*ind, *other)) continue;
    out.push_back({"same-name-differs",
                   model::Severity::warning,
                   fmt::format("\"{}\" appears as {} and {} with different numbers", ind->name,
                               other->id, ind->id),
                   {other->source, ind->source},
                   {other->id, ind->id}});
  }
}

namespace {

std::optional<calc::Rational> sum_of_parts(const IndicatorList& parts, int fiscal_year) {
  calc::Rational sum;
  for (const auto* p : parts) {
    const model::Observation* found = nullptr;
    for (const auto& o : p->observations)
      if (o.fiscal_year == fiscal_year && o.actual.number) found = &o;
    if (!found) return std::nullopt;
    sum = sum + calc::Rational::of(*found->actual.number);
  }
  return sum;
}

// Sum of one indicator-level value over the parts, when every part has it.
template <typename Field>
std::optional<calc::Rational> sum_of(const IndicatorList& parts, Field field) {
  calc::Rational sum;
  for (const auto* p : parts) {
    const model::Value* v = field(*p);
    if (!v->number) return std::nullopt;
    sum = sum + calc::Rational::of(*v->number);
  }
  return sum;
}

// The members of one id, their names sorted: a total's parts are found by a binary search,
// not by a scan of every member for every member (40,000 rows of one id took 7 s).
class MembersByName {
 public:
  explicit MembersByName(const IndicatorList& members) : members_(members) {
    order_.resize(members.size());
    for (std::size_t i = 0; i < order_.size(); ++i) order_[i] = i;
    std::stable_sort(order_.begin(), order_.end(), [&](std::size_t a, std::size_t b) {
      return members[a]->name < members[b]->name;
    });
  }

  // Parts of a total: the other members named "<total's name> (<part>)", in member order.
  IndicatorList parts_of(const model::Indicator& total) const {
    std::string prefix = total.name + " (";
    auto named = [&](std::size_t i) -> const std::string& { return members_[i]->name; };
    auto it = std::lower_bound(order_.begin(), order_.end(), prefix,
                               [&](std::size_t i, const std::string& p) { return named(i) < p; });
    std::vector<std::size_t> found;
    for (; it != order_.end() && named(*it).rfind(prefix, 0) == 0; ++it)
      if (members_[*it] != &total) found.push_back(*it);
    std::sort(found.begin(), found.end());
    IndicatorList parts;
    parts.reserve(found.size());
    for (auto i : found) parts.push_back(members_[i]);
    return parts;
  }

 private:
  const IndicatorList& members_;
  std::vector<std::size_t> order_;  // member indices by name
};

// The shortest decimal text of an exact sum of printed decimals.
std::string decimal_text(const calc::Rational& r) {
  for (int decimals = 0; decimals < model::max_decimal_scale; ++decimals) {
    auto d = calc::round_half_away(r, decimals);
    if (calc::compare(calc::Rational::of(d), r) == 0) return d.to_string();
  }
  return calc::round_half_away(r, model::max_decimal_scale).to_string();
}

bool is_average(const std::string& name) {
  for (const char* marker : {"当たり", "あたり", "平均", "率"})
    if (name.find(marker) != std::string::npos) return true;
  return false;
}

// The findings of one total whose parts (members of its id named "<total> (<part>)") are two
// or more: each of its values their sum does not give.
void check_total(const model::Indicator& total, const MembersByName& members,
                 std::vector<model::Finding>& out) {
  auto parts = members.parts_of(total);
  if (parts.size() < 2) return;
  // Averages need not add up exactly: a warning, not an error.
  auto severity = is_average(total.name) ? model::Severity::warning : model::Severity::error;
  auto report = [&](const std::string& what, const calc::Rational& sum, const model::Value& printed,
                    const model::SourceLocation& at) {
    out.push_back({"parts-total",
                   severity,
                   fmt::format("{}: {} of the parts add up to {} but the total says {}", total.id,
                               what, decimal_text(sum), printed.text),
                   {at, parts.front()->source},
                   {total.id, parts.front()->id}});
  };
  auto compare_to = [&](const model::Value& printed, const std::optional<calc::Rational>& sum) {
    return printed.number && sum && calc::compare(*sum, calc::Rational::of(*printed.number)) != 0;
  };
  auto baseline_sum = sum_of(parts, [](const model::Indicator& p) { return &p.baseline.value; });
  if (compare_to(total.baseline.value, baseline_sum))
    report("the baseline", *baseline_sum, total.baseline.value, total.source);
  auto target_sum = sum_of(parts, [](const model::Indicator& p) { return &p.final_target.value; });
  if (compare_to(total.final_target.value, target_sum))
    report("the final target", *target_sum, total.final_target.value, total.source);
  for (const auto& t : total.observations) {
    auto sum = sum_of_parts(parts, t.fiscal_year);
    if (compare_to(t.actual, sum))
      report(fmt::format("the FY{} actual", t.fiscal_year), *sum, t.actual,
             t.source.line ? t.source : total.source);
  }
}

}  // namespace

void find_parts_not_adding_up(const IndicatorList& all, std::vector<model::Finding>& out) {
  auto by_id = group_by(
      all, [](const model::Indicator& ind) -> std::optional<std::string_view> { return ind.id; });
  IndicatorList members;
  for_each_shared_group(by_id, [&](auto first, auto last) {  // one KPI alone has no parts
    members.clear();
    for (auto it = first; it != last; ++it) members.push_back(it->indicator);
    MembersByName by_name(members);
    for (const auto* total : members) check_total(*total, by_name, out);
  });
}

}  // namespace kpi::verify
