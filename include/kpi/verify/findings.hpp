#pragma once
// Cross-row problems: rows that contradict other rows of the same sheet or municipality.
#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include "kpi/model/sheet.hpp"

namespace kpi::verify {

std::vector<model::Finding> find_cross_row_problems(const std::vector<model::Sheet>& sheets);

// From this many indicators on, find_cross_row_problems runs its finders (one per kind of
// finding, and one per sheet for formula mixes) concurrently, each into a list of its own, and
// joins the lists in the serial order: the same findings in the same order.
inline constexpr std::size_t parallel_findings_from = 2048;

// find_cross_row_problems on at most `threads` threads (0: every core).
std::vector<model::Finding> find_cross_row_problems(const std::vector<model::Sheet>& sheets,
                                                    unsigned threads);

// How many explained published rates of `sheet` each formula reproduces
// ("ratio against the year target" → 200).
std::map<std::string, int> formula_usage(const model::Sheet& sheet);
// The same for each sheet of a run, counting each rate under the sheet it was read from (a
// merge files later sheets' rates under earlier sheets' KPIs: kpi/model/read_from.hpp).
std::vector<std::map<std::string, int>> formula_usage_by_sheet(
    const std::vector<model::Sheet>& sheets);

}  // namespace kpi::verify
