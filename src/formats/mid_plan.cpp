#include "kpi/formats/mid_plan.hpp"

#include "kpi/text/era.hpp"
#include "kpi/text/normalize.hpp"
#include "kpi/text/number.hpp"
#include "kpi/text/strings.hpp"

namespace kpi::formats {
namespace {

bool is_start_text(std::string_view normalized) {
  return text::contains(normalized, "開始") || text::contains(normalized, "新規");
}

bool positive(const model::Value& v) {
  return v.number && v.number->units > 0;
}

void set_reach_direction(model::Indicator& ind) {
  if (ind.direction != model::Direction::unknown || !positive(ind.final_target.value)) return;
  auto q = ind.final_target.qualifier;
  if (q != model::Qualifier::none && q != model::Qualifier::about) return;
  ind.direction = model::Direction::increase;
  ind.direction_source = model::DirectionSource::target;
  ind.direction_text =
      text::squeeze_spaces(ind.baseline.value.text.empty()
                               ? "→ " + ind.final_target.value.text
                               : ind.baseline.value.text + " → " + ind.final_target.value.text);
}

}  // namespace

std::optional<int> start_year_of(std::string_view baseline_text) {
  auto s = text::normalize(baseline_text);
  if (!text::contains(s, "開始")) return std::nullopt;
  return text::fiscal_year_in(s);
}

bool starts_in_plan(std::string_view baseline_text) {
  auto s = text::squeeze_spaces(text::normalize(baseline_text));
  if (s.empty()) return false;
  return is_start_text(s) || text::is_no_value(s);
}

bool apply_mid_plan_start(model::Indicator& ind) {
  auto& base = ind.baseline;
  if (base.value.has_number() || !starts_in_plan(base.value.text)) return false;
  if (!base.fiscal_year) base.fiscal_year = start_year_of(base.value.text);
  if (ind.cumulative) base.value.number = model::Decimal{0, 0};
  set_reach_direction(ind);
  return true;
}

}  // namespace kpi::formats
