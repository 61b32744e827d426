#pragma once
// A parsed number as people read it in a report cell.
#include <string>

#include "kpi/model/decimal.hpp"

namespace kpi::report {

// "23,000", "-1,234.5", "0.25": the exact decimal with thousands separators.
std::string grouped_number(const model::Decimal& number);

}  // namespace kpi::report
