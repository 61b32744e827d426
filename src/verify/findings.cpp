#include "kpi/verify/findings.hpp"

#include <algorithm>
#include <exception>
#include <functional>
#include <iterator>

#include "finding_kinds.hpp"
#include "kpi/calc/rational.hpp"
#include "kpi/text/strings.hpp"
#include "kpi/util/in_order.hpp"
#include "kpi/util/thread_count.hpp"

namespace kpi::verify {

// Thousands separators as the sheet prints them: "11,499" when the cell had them.
std::string grouped(const std::string& digits) {
  auto start = digits.find_first_of("0123456789");
  auto end = std::min(digits.find('.'), digits.size());
  std::string out = digits.substr(0, start);
  for (auto i = start; i < end; ++i) {
    out += digits[i];
    auto left = end - i - 1;
    if (left > 0 && left % 3 == 0) out += ',';
  }
  return out + digits.substr(end);
}

// A value's number as the sheet prints it: "11,499", "95.8%"; "-" for none.
std::string number_text(const model::Value& v) {
  if (!v.number) return "-";
  auto text = v.number->to_string();
  if (text::contains(v.text, ",") || text::contains(v.text, "，")) text = grouped(text);
  if (text::has_percent_sign(v.text)) text += "%";
  return text;
}

bool same_number(const model::Value& a, const model::Value& b) {
  if (a.number.has_value() != b.number.has_value()) return false;
  return !a.number || *a.number == *b.number;
}

namespace {

void find_parts_not_adding_up_exactly(const IndicatorList& all, std::vector<model::Finding>& out) {
  try {
    find_parts_not_adding_up(all, out);
  } catch (const calc::Overflow&) {
    // Sums of 18-digit values with many decimals exceed exact arithmetic: no claim either way
    // rather than a sum that wrapped around (the findings made before it stay).
  }
}

using Finder = std::function<void(std::vector<model::Finding>&)>;

// The finders, in the order of their findings in the list. Each only reads the indicators.
std::vector<Finder> finders(const IndicatorList& all, const std::vector<model::Sheet>& sheets) {
  std::vector<Finder> out = {
      [&](std::vector<model::Finding>& found) { find_relisted_differences(all, found); },
      [&](std::vector<model::Finding>& found) { find_cumulative_decreases(all, found); },
      [&](std::vector<model::Finding>& found) { find_stale_actuals(all, found); },
      [&](std::vector<model::Finding>& found) { find_same_name_conflicts(all, found); },
      [&](std::vector<model::Finding>& found) { find_parts_not_adding_up_exactly(all, found); },
  };
  for (const auto& s : sheets)
    out.push_back([&s](std::vector<model::Finding>& found) { find_formula_mixes(s, found); });
  return out;
}

// What one finder found, or the exception that ended it.
struct Found {
  std::vector<model::Finding> findings;
  std::exception_ptr error;
};

// The finders on `threads` threads, each into a list of its own; the lists are joined in the
// finders' order, so the findings are those of the serial loop. The first finder (in that
// order) that throws ends the search with its exception, as in the serial loop.
std::vector<model::Finding> run_concurrently(const std::vector<Finder>& all, unsigned threads) {
  std::vector<model::Finding> out;
  util::for_each_in_order(
      all.size(), threads, 4 * std::size_t{threads},
      [&](std::size_t i) {
        Found found;
        try {
          all[i](found.findings);
        } catch (...) {
          found.error = std::current_exception();
        }
        return found;
      },
      [&](std::size_t, Found found) {
        if (found.error) std::rethrow_exception(found.error);
        out.insert(out.end(), std::make_move_iterator(found.findings.begin()),
                   std::make_move_iterator(found.findings.end()));
      });
  return out;
}

}  // namespace

std::vector<model::Finding> find_cross_row_problems(const std::vector<model::Sheet>& sheets,
                                                    unsigned threads) {
  IndicatorList all;
  for (const auto& s : sheets)
    for (const auto& ind : s.parsed.indicators) all.push_back(&ind);
  auto run = finders(all, sheets);
  threads = util::threads_for(all.size(), parallel_findings_from, threads);
  if (threads > 1) return run_concurrently(run, threads);
  std::vector<model::Finding> out;
  for (const auto& finder : run) finder(out);
  return out;
}

std::vector<model::Finding> find_cross_row_problems(const std::vector<model::Sheet>& sheets) {
  return find_cross_row_problems(sheets, 0);
}

}  // namespace kpi::verify
