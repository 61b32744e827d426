// Rate columns printing fractions of one (grid_fractions.hpp).
#include "kpi/formats/grid_fractions.hpp"

#include "kpi/text/strings.hpp"

namespace kpi::formats::grid_fractions {

namespace {

bool prints_a_fraction(const model::Value& rate) {
  auto value = rate.number->to_double();
  return value >= -10 && value <= 10 && !text::has_percent_sign(rate.text);
}

}  // namespace

model::Decimal as_percent(model::Decimal fraction) {
  if (fraction.scale >= 2) return {fraction.units, fraction.scale - 2};
  for (int s = fraction.scale; s < 2; ++s) fraction.units *= 10;
  return {fraction.units, 0};
}

std::vector<model::Value*> fraction_rates(std::vector<model::Indicator>& indicators,
                                          std::uint32_t column) {
  std::vector<model::Value*> rates;
  bool decimals = false;
  for (auto& ind : indicators)
    for (auto& o : ind.observations) {
      auto& rate = o.published_rate;
      if (rate.cell.column != column || !rate.number) continue;
      if (!prints_a_fraction(rate)) return {};
      decimals = decimals || rate.number->scale > 0;
      rates.push_back(&rate);
    }
  if (!decimals || rates.size() < 2) return {};
  return rates;
}

}  // namespace kpi::formats::grid_fractions
