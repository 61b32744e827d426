#pragma once
// An exact decimal number as printed: units / 10^scale. "58.0" is {580, 1}.
#include <cstdint>
#include <optional>
#include <string>

namespace kpi::model {

struct Decimal {
  std::int64_t units = 0;
  int scale = 0;  // number of printed decimals

  double to_double() const;
  std::string to_string() const;  // canonical text with `scale` decimals, no separators
  bool operator==(const Decimal& other) const;  // numeric equality (58.0 == 58)
};

// Largest scale a Decimal may carry; more decimals are rejected by the parser.
inline constexpr int max_decimal_scale = 12;

// The double nearest to the decimal, as strtod(d.to_string()) reads it (without the string);
// zero of the sign when too small. (to_double() divides, which may miss it by one unit.)
double nearest_double(const Decimal& d);

// Decimal from a double, rounded half away from zero at `scale` decimals (for tests, JSON input).
std::optional<Decimal> decimal_from_double(double value, int scale);

}  // namespace kpi::model
