// The 変更後 values of an observation, boxed only when printed (kpi/model/indicator.hpp).
#include <utility>

#include "kpi/model/indicator.hpp"

namespace kpi::model {
namespace {

bool holds_anything(const Value& v) {
  return v.number || !v.text.empty() || !v.cell.empty() || v.workbook.is_set();
}

}  // namespace

void set_revision(Observation& observation, Value target, Value rate) {
  if (!holds_anything(target) && !holds_anything(rate) && !observation.revised.is_set()) return;
  auto& revision = observation.revised.edit();
  revision.target = std::move(target);
  revision.rate = std::move(rate);
}

}  // namespace kpi::model
