#pragma once
// Cross-row problems: rows that contradict other rows of the same sheet or municipality.
#include <map>
#include <string>
#include <vector>

#include "kpi/model/sheet.hpp"

namespace kpi::verify {

std::vector<model::Finding> find_cross_row_problems(const std::vector<model::Sheet>& sheets);

// How many explained published rates of `sheet` each formula reproduces
// ("ratio against the year target" → 200).
std::map<std::string, int> formula_usage(const model::Sheet& sheet);

}  // namespace kpi::verify
