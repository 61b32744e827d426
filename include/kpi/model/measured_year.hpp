#pragma once
// Every value in the year it measures: a value printed with its own year tag ("35.1% (R3)",
// "8事業者 (H30)" in Joetsu's FY2023 column) is an observation of that year, not the column's.
#include "kpi/model/indicator.hpp"

namespace kpi::model {

// Files `o` under the year its actual measures (`actual_fiscal_year`) and keeps the column's
// year in `reported_in`. An observation with a target of its own stays in its column: that
// target belongs to the column's year. Returns true when it moved.
bool file_under_measured_year(Observation& o);

// The year of the column the observation was printed under.
int column_year(const Observation& o);

// The year the observation's actual measures.
int measured_year(const Observation& o);

}  // namespace kpi::model
