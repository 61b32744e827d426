#pragma once
// Cross-row problems: rows that contradict other rows of the same sheet or municipality.
#include <vector>

#include "kpi/model/sheet.hpp"

namespace kpi::verify {

std::vector<model::Finding> find_cross_row_problems(const std::vector<model::Sheet>& sheets);

}  // namespace kpi::verify
