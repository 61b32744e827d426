#include "kpi/formats/merged_cells.hpp"

#include <algorithm>
#include <numeric>
#include <set>

#include <fmt/format.h>

#include "kpi/calc/rational.hpp"
#include "kpi/text/strings.hpp"

namespace kpi::formats {
namespace {

using calc::Rational;

bool is_percent(const model::Value& v) {
  return text::contains(v.text, "%");
}

struct Pools {
  std::vector<model::Value> rates, numbers;
};

Pools split(const std::vector<model::Value>& loose) {
  Pools p;
  for (const auto& v : loose)
    if (v.number) (is_percent(v) ? p.rates : p.numbers).push_back(v);
  return p;
}

bool reproduces(const model::Value& actual, const model::Value& target, const model::Value& rate) {
  if (!actual.number || !target.number || !rate.number) return false;
  auto q = calc::divide(Rational::of(*actual.number), Rational::of(*target.number));
  if (!q) return false;
  return calc::round_half_away(*q * Rational::integer(100), rate.number->scale) == *rate.number;
}

bool final_beyond(const std::vector<model::Value>& targets, const model::Value& final_target,
                  model::Direction direction) {
  if (direction != model::Direction::increase && direction != model::Direction::decrease)
    return true;
  double f = final_target.number->to_double();
  return std::all_of(targets.begin(), targets.end(), [&](const model::Value& t) {
    double x = t.number->to_double();
    return direction == model::Direction::increase ? f >= x : f <= x;
  });
}

// A found assignment, by printed texts (equal numbers in two cells are one assignment).
using Signature = std::vector<std::string>;

Signature signature_of(const RebuiltRow& r) {
  Signature s;
  for (const auto& v : r.targets) s.push_back(v.text);
  for (const auto& v : r.rates) s.push_back(v.text);
  s.push_back(r.baseline.text);
  s.push_back(r.final_target.text);
  return s;
}

std::string equations(const DisplacedRow& row, const RebuiltRow& r) {
  std::string out;
  for (std::size_t y = 0; y < r.targets.size(); ++y)
    out += fmt::format("{}{} / {} = {}", out.empty() ? "" : ", ", row.actuals[y].text,
                       r.targets[y].text, r.rates[y].text);
  return fmt::format(
      "rebuilt from numbers displaced by the PDF extraction: the only assignment where every "
      "published rate is actual / target: {}; baseline {}, final target {}",
      out, r.baseline.text, r.final_target.text);
}

class Search {
 public:
  Search(const DisplacedRow& row, Pools pools) : row_(row), pools_(std::move(pools)) {}

  void run() {
    std::vector<std::size_t> n(pools_.numbers.size()), r(pools_.rates.size());
    std::iota(n.begin(), n.end(), 0);
    std::iota(r.begin(), r.end(), 0);
    do {
      do try_assignment(n, r);
      while (std::next_permutation(r.begin(), r.end()));
    } while (std::next_permutation(n.begin(), n.end()));
  }

  std::set<Signature> found;
  std::optional<RebuiltRow> first;

 private:
  void try_assignment(const std::vector<std::size_t>& n, const std::vector<std::size_t>& r) {
    std::size_t years = row_.actuals.size();
    RebuiltRow out;
    for (std::size_t y = 0; y < years; ++y) {
      const auto& target = pools_.numbers[n[y]];
      const auto& rate = pools_.rates[r[y]];
      if (!reproduces(row_.actuals[y], target, rate)) return;
      out.targets.push_back(target);
      out.rates.push_back(rate);
    }
    out.baseline = pools_.numbers[n[years]];
    out.final_target = pools_.numbers[n[years + 1]];
    if (!final_beyond(out.targets, out.final_target, row_.direction)) return;
    if (found.insert(signature_of(out)).second && !first) first = out;
  }

  const DisplacedRow& row_;
  Pools pools_;
};

}  // namespace

RebuildResult rebuild_displaced_row(const DisplacedRow& row) {
  RebuildResult result;
  std::size_t years = row.actuals.size();
  auto pools = split(row.loose);
  if (years == 0 || pools.rates.size() != years || pools.numbers.size() != years + 2) {
    result.why_not = fmt::format(
        "{} loose rates and {} loose numbers for {} years (need {} rates, {} targets, a baseline "
        "and a final target)",
        pools.rates.size(), pools.numbers.size(), years, years, years);
    return result;
  }
  if (pools.numbers.size() > 8) {  // 9! × rates!: beyond what arithmetic should decide
    result.why_not = "too many loose numbers to search";
    return result;
  }
  Search search(row, std::move(pools));
  search.run();
  result.assignments = static_cast<int>(search.found.size());
  if (result.assignments == 1) {
    result.row = search.first;
    result.row->note = equations(row, *result.row);
  } else {
    result.why_not = result.assignments == 0
                         ? "no assignment of the loose numbers reproduces every published rate"
                         : fmt::format("{} assignments reproduce every published rate: ambiguous",
                                       result.assignments);
  }
  return result;
}

}  // namespace kpi::formats
