#pragma once
// How model values are named in messages and reports (shared by verify/ and report/).
#include <string>

#include "kpi/model/indicator.hpp"

namespace kpi::model {

// The printed text of a value, or "-" when it has none.
std::string shown(const Value& v);
// "No.3" or "No.3 #2" when the id holds several KPIs.
std::string display_id(const Indicator& ind);

}  // namespace kpi::model
