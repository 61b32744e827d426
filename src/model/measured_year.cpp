#include "kpi/model/measured_year.hpp"

namespace kpi::model {

bool file_under_measured_year(Observation& o) {
  if (!o.actual_fiscal_year || *o.actual_fiscal_year == o.fiscal_year) return false;
  if (o.target.has_number() || !o.target.text.empty()) return false;
  o.reported_in = o.fiscal_year;
  o.fiscal_year = *o.actual_fiscal_year;
  return true;
}

int column_year(const Observation& o) {
  return o.reported_in.value_or(o.fiscal_year);
}

int measured_year(const Observation& o) {
  return o.actual_fiscal_year.value_or(o.fiscal_year);
}

}  // namespace kpi::model
