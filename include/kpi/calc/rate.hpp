#pragma once
// Achievement rates by direction and convention. Pure functions on exact decimals.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "kpi/calc/rational.hpp"
#include "kpi/model/indicator.hpp"

namespace kpi::calc {

enum class Method : std::uint8_t {
  ratio,            // actual / target (increase, maintain)
  inverse,          // target / actual (decrease)
  progress,         // (actual - baseline) / (target - baseline)
  maintain_zero,    // maintain, target 0 and actual 0: 100%
  met_is_100,       // maintain target met on the good side: 100%
  complement,       // 1 - (actual - target) / target (decrease, other cities)
  maintain_within,  // maintain, kept at or within (below) the target: 100%
  two_minus_ratio,  // 2 - actual / target (maintain where lower is better; prefectures)
};

const char* to_string(Method method);

struct RateInputs {
  std::optional<Rational> target;
  std::optional<Rational> actual;
  std::optional<Rational> baseline;
};

// The rate in percent by `method`, or nullopt when it is undefined (missing value, division
// by zero).
std::optional<Rational> rate_percent(Method method, const RateInputs& in);

// The method a sheet's convention prescribes for this direction and these values.
Method primary_method(model::Direction direction, const RateInputs& in, bool zero_target_progress,
                      bool maintain_zero_is_100);
// The same from which of the target and the actual are printed and zero.
struct ZeroInputs {
  bool target = false, actual = false;
};
Method primary_method(model::Direction direction, ZeroInputs zero, bool zero_target_progress,
                      bool maintain_zero_is_100);
// The method an indicator's printed type prescribes (進捗割合型 ...), or nullopt when the
// type leaves it to the direction and the convention.
std::optional<Method> method_of(model::RateFormula formula);

}  // namespace kpi::calc
