#include "kpi/report/format.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "kpi/calc/rational.hpp"
#include "kpi/model/display.hpp"
#include "kpi/text/fit_width.hpp"
#include "kpi/text/strings.hpp"

namespace kpi::report {

std::string shown(const model::Value& v) {
  return model::shown(v);
}

std::string shown_target(const model::Indicator& ind, const model::Observation& o) {
  if (!o.target.text.empty() || o.target.number) return report::shown(o.target);
  return report::shown(ind.final_target.value);
}

std::string recomputed_text(const model::Observation& o) {
  if (!o.check.rate_rounded) return "-";
  return o.check.rate_rounded->to_string() + "%";
}

std::string display_id(const model::Indicator& ind) {
  return model::display_id(ind);
}

std::string direction_label(const model::Indicator& ind, const char* unknown) {
  const char* dir = model::to_string(ind.direction);
  if (!dir) return unknown;
  if (ind.direction_source == model::DirectionSource::assumed)
    return fmt::format("{} (assumed)", dir);
  return dir;
}

std::string fit(const std::string& s, int width, bool right_align, int ambiguous_width) {
  auto out = text::cut_to_width(s, width, ambiguous_width);
  auto used = text::display_width(out, ambiguous_width);
  std::string pad(static_cast<std::size_t>(std::max(0, width - used)), ' ');
  return right_align ? pad + out : out + pad;
}

}  // namespace kpi::report
