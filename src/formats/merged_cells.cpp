#include "kpi/formats/merged_cells.hpp"

#include <algorithm>
#include <cstdint>
#include <map>
#include <set>
#include <tuple>

#include <fmt/format.h>

#include "kpi/calc/rate_estimate.hpp"
#include "kpi/calc/rational.hpp"
#include "kpi/text/number.hpp"
#include "kpi/text/strings.hpp"

namespace kpi::formats {
namespace {

using calc::Rational;

bool is_percent(const model::Value& v) {
  return v.text.find('%') != std::string::npos;
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

// reproduces() of the year's actual, a target and a rate as printed (units and decimals: 58.0
// is not 58), remembered over the readings of one row, which share most of their numbers.
class ReproducesMemo {
 public:
  bool operator()(std::size_t year, const model::Value& actual, const model::Value& target,
                  const model::Value& rate) {
    if (!actual.number || !target.number || !rate.number) return false;
    // Most triples the search tries are far off: no exact arithmetic, no memo entry for them.
    if (calc::certainly_not_rate(*actual.number, *target.number, *rate.number)) return false;
    Key key{year, target.number->units, target.number->scale, rate.number->units,
            rate.number->scale};
    auto [it, added] = known_.try_emplace(key, false);
    if (added) it->second = reproduces(actual, target, rate);
    return it->second;
  }

 private:
  using Key = std::tuple<std::size_t, std::int64_t, int, std::int64_t, int>;
  std::map<Key, bool> known_;
};

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
  Search(const DisplacedRow& row, Pools pools, ReproducesMemo& memo)
      : row_(row), pools_(std::move(pools)) {
    index_reproducing(memo);
  }

  // Every order of the numbers (targets, then baseline and final target) and of the rates,
  // lexicographically as std::next_permutation gives them, but a branch whose target of some
  // year no rate fits is cut where that target is placed: 8! orders are not all tried.
  void run() {
    std::vector<std::size_t> n;
    std::vector<bool> used(pools_.numbers.size(), false);
    place_numbers(n, used);
  }

  std::set<Signature> found;
  std::optional<RebuiltRow> first;

 private:
  void place_numbers(std::vector<std::size_t>& n, std::vector<bool>& used) {
    std::size_t at = n.size();
    if (at == used.size()) {
      std::vector<std::size_t> r;
      std::vector<bool> used_rates(pools_.rates.size(), false);
      place_rates(n, r, used_rates);
      return;
    }
    for (std::size_t i = 0; i < used.size(); ++i) {
      if (used[i] || (at < row_.actuals.size() && !any_rate_fits(at, i))) continue;
      used[i] = true;
      n.push_back(i);
      place_numbers(n, used);
      n.pop_back();
      used[i] = false;
    }
  }
  void place_rates(const std::vector<std::size_t>& n, std::vector<std::size_t>& r,
                   std::vector<bool>& used) {
    std::size_t at = r.size();
    if (at == used.size()) {
      try_assignment(n, r);
      return;
    }
    for (std::size_t j = 0; j < used.size(); ++j) {
      if (used[j] || (at < row_.actuals.size() && !fits(at, n[at], j))) continue;
      used[j] = true;
      r.push_back(j);
      place_rates(n, r, used);
      r.pop_back();
      used[j] = false;
    }
  }

  // reproduces(actual of year y, number i, rate j), computed once per triple: the search
  // above may try up to 8! × 4! orders of the same few numbers.
  void index_reproducing(ReproducesMemo& reproduces) {
    std::size_t years = row_.actuals.size(), numbers = pools_.numbers.size();
    std::size_t rates = pools_.rates.size();
    reproducing_.assign(years * numbers * rates, false);
    for (std::size_t y = 0; y < years; ++y)
      for (std::size_t i = 0; i < numbers; ++i)
        for (std::size_t j = 0; j < rates; ++j)
          reproducing_[(y * numbers + i) * rates + j] =
              reproduces(y, row_.actuals[y], pools_.numbers[i], pools_.rates[j]);
  }
  bool fits(std::size_t year, std::size_t number, std::size_t rate) const {
    return reproducing_[(year * pools_.numbers.size() + number) * pools_.rates.size() + rate];
  }
  bool any_rate_fits(std::size_t year, std::size_t number) const {
    for (std::size_t j = 0; j < pools_.rates.size(); ++j)
      if (fits(year, number, j)) return true;
    return false;
  }

  void try_assignment(const std::vector<std::size_t>& n, const std::vector<std::size_t>& r) {
    std::size_t years = row_.actuals.size();
    for (std::size_t y = 0; y < years; ++y)
      if (!fits(y, n[y], r[y])) return;
    RebuiltRow out;
    for (std::size_t y = 0; y < years; ++y) {
      out.targets.push_back(pools_.numbers[n[y]]);
      out.rates.push_back(pools_.rates[r[y]]);
    }
    out.baseline = pools_.numbers[n[years]];
    out.final_target = pools_.numbers[n[years + 1]];
    if (!final_beyond(out.targets, out.final_target, row_.direction)) return;
    if (found.insert(signature_of(out)).second && !first) first = out;
  }

  const DisplacedRow& row_;
  Pools pools_;
  std::vector<bool> reproducing_;
};

// "72091.0%": a number and a rate the extraction glued together ("720" "91.0%"). The ways
// to split a rate's integer digits (the rest must not start with 0), the whole first.
std::vector<std::vector<model::Value>> readings_of(const model::Value& v) {
  std::vector<std::vector<model::Value>> out{{v}};
  if (!is_percent(v) || !v.number || v.number->units < 0) return out;
  auto digits = v.text.substr(0, v.text.find_first_not_of("0123456789"));
  for (std::size_t k = 1; k < digits.size(); ++k) {
    if (digits[k] == '0') continue;
    auto head = text::find_number(v.text.substr(0, k));
    auto tail = text::find_number(v.text.substr(k));
    if (!head || !tail) continue;
    out.push_back({{head->number, v.text.substr(0, k)}, {tail->number, v.text.substr(k)}});
  }
  return out;
}

// Every reading of the loose numbers (cartesian over glued tokens), at most `limit`.
std::vector<std::vector<model::Value>> pools_of(const std::vector<model::Value>& loose,
                                                std::size_t limit = 64) {
  std::vector<std::vector<model::Value>> pools{{}};
  for (const auto& v : loose) {
    std::vector<std::vector<model::Value>> next;
    auto readings = readings_of(v);  // the same for every pool
    for (const auto& pool : pools)
      for (const auto& reading : readings) {
        if (next.size() >= limit) break;
        auto p = pool;
        p.insert(p.end(), reading.begin(), reading.end());
        next.push_back(std::move(p));
      }
    pools = std::move(next);
  }
  return pools;
}

bool counts_fit(std::size_t rates, std::size_t numbers, std::size_t years) {
  return years > 0 && rates == years && numbers == years + 2;
}

bool counts_fit(const Pools& p, std::size_t years) {
  return counts_fit(p.rates.size(), p.numbers.size(), years);
}

// counts_fit(split(loose), years), without copying the values.
bool counts_fit(const std::vector<model::Value>& loose, std::size_t years) {
  std::size_t rates = 0, numbers = 0;
  for (const auto& v : loose)
    if (v.number) ++(is_percent(v) ? rates : numbers);
  return counts_fit(rates, numbers, years);
}

std::string count_problem(const Pools& p, std::size_t years) {
  if (counts_fit(p, years)) return "";
  return fmt::format(
      "{} loose rates and {} loose numbers for {} years (need {} rates, {} targets, a baseline "
      "and a final target)",
      p.rates.size(), p.numbers.size(), years, years, years);
}

}  // namespace

RebuildResult rebuild_displaced_row(const DisplacedRow& row) {
  RebuildResult result;
  std::size_t years = row.actuals.size();
  std::set<Signature> found;
  std::optional<RebuiltRow> first;
  bool searched = false;
  ReproducesMemo memo;
  result.why_not = count_problem(split(row.loose), years);  // as printed
  // Splitting glued tokens only adds numbers: more than 2 per year + 2 never fits.
  if (row.loose.size() > 2 * years + 2) return result;
  for (const auto& loose : pools_of(row.loose)) {
    // 9! × rates! is beyond what arithmetic should decide.
    if (!counts_fit(loose, years) || years + 2 > 8) continue;
    auto pools = split(loose);
    searched = true;
    Search search(row, std::move(pools), memo);
    search.run();
    if (!first && search.first) first = search.first;
    found.insert(search.found.begin(), search.found.end());
  }
  if (!searched) return result;
  result.assignments = static_cast<int>(found.size());
  if (result.assignments == 1) {
    result.row = first;
    result.row->note = equations(row, *result.row);
    result.why_not.clear();
  } else {
    result.why_not = result.assignments == 0
                         ? "no assignment of the loose numbers reproduces every published rate"
                         : fmt::format("{} assignments reproduce every published rate: ambiguous",
                                       result.assignments);
  }
  return result;
}

}  // namespace kpi::formats
