#pragma once
// A cell's stored number as exact decimal digits, and Excel's view of it: 15 significant
// digits, rounded half away from zero on the digits (never through binary floating point).
// Shared by the number formats (what a cell shows) and the grid layout (what it holds).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "kpi/model/decimal.hpp"

namespace kpi::grid {

// value = 0.digits × 10^point; digits without leading or trailing zeros (empty for zero).
struct DecimalDigits {
  bool negative = false;
  std::string digits;
  int point = 0;

  bool zero() const { return digits.empty(); }
};

// Excel keeps at most 15 significant digits of a stored double.
inline constexpr int excel_significant_digits = 15;

// "-79.2", "0.91666666666666663", "1.5E-3"; nullopt for anything else (or over 1000 digits).
std::optional<DecimalDigits> parse_decimal_digits(std::string_view s);
// Keeps the first `keep` significant digits, rounding half away from zero on the next one.
void round_significant(DecimalDigits& d, int keep);
// A plain stored text ("280", "-0.758", "007.50"): digits with at most one point and a
// leading minus, at most 15 significant digits (what Excel keeps), no exponent or space. Its
// digits as one integer and how many of them follow the point; nullopt for any other text.
struct PlainDigits {
  bool negative = false;
  std::int64_t units = 0;
  int decimals = 0;
};
std::optional<PlainDigits> plain_digits(std::string_view s);

// The stored number at Excel's 15 significant digits times 10^shift (2: a percent cell read as
// percent points), as a model::Decimal of at most `max_scale` decimals (rounded beyond: the
// digits there are binary noise); nullopt when it is no number or does not fit. Spaces around
// it are ignored. A plain text ("280", "-0.758") is read straight; any other through its
// digits as a string, with the same result.
std::optional<model::Decimal> stored_decimal(std::string_view stored, int shift = 0,
                                             int max_scale = model::max_decimal_scale);

}  // namespace kpi::grid
