#include "kpi/model/display.hpp"

#include <fmt/format.h>

namespace kpi::model {

std::string shown(const Value& v) {
  if (!v.text.empty()) return v.text;
  return v.number ? v.number->to_string() : "-";
}

std::string display_id(const Indicator& ind) {
  return ind.seq > 1 ? fmt::format("{} #{}", ind.id, ind.seq) : ind.id;
}

}  // namespace kpi::model
