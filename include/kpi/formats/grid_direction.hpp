#pragma once
// Which way a grid row's KPI is good, from the words its sheet prints: a direction column
// (増加 / 減少 / 維持, 以上 / 以下, ↑ ↓), an indicator type (増加指標, 進捗割合型,
// 現状維持型（Ⅱ） ...), the final target's qualifier, or the target against the baseline.
#include <optional>
#include <string_view>

#include "kpi/model/indicator.hpp"

namespace kpi::formats::grid_direction {

struct Reading {
  model::Direction direction = model::Direction::unknown;
  model::RateFormula formula = model::RateFormula::by_direction;
};

// A direction column's or type column's text; nullopt when it names no direction.
std::optional<Reading> read_words(std::string_view printed);

// Sets direction, its source and the rate formula of `ind` from the printed direction and
// type cells, then the final target's qualifier, then target vs baseline.
void assign(model::Indicator& ind, std::string_view direction_cell, std::string_view type_cell);

}  // namespace kpi::formats::grid_direction
