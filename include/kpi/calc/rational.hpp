#pragma once
// Exact rational arithmetic on printed decimals, so that rounding never sees binary
// floating point: 94545 / 66000 = 143.25% exactly and rounds to 143.3%.
#include <optional>
#include <stdexcept>

#include "kpi/model/decimal.hpp"

namespace kpi::calc {

__extension__ typedef __int128 Int;  // exact products of 18-digit decimals

// Thrown when an exact result does not fit in 128 bits (or a rounded one in a Decimal):
// 18-digit values with 12 decimals can get there. Callers say "too large" instead of
// printing a wrapped-around number.
struct Overflow : std::overflow_error {
  Overflow() : std::overflow_error("number too large for exact arithmetic") {}
};

struct Rational {
  Int num = 0;
  Int den = 1;  // always > 0

  static Rational of(const model::Decimal& d);
  static Rational integer(long long n) { return {n, 1}; }
  double to_double() const;
};

// All arithmetic is exact and checked: it throws Overflow rather than wrap.
Rational operator+(const Rational& a, const Rational& b);
Rational operator-(const Rational& a, const Rational& b);
Rational operator*(const Rational& a, const Rational& b);
std::optional<Rational> divide(const Rational& a, const Rational& b);  // nullopt on b == 0
int compare(const Rational& a, const Rational& b);                     // -1, 0, 1
bool is_zero(const Rational& r);

// Excel ROUND: half away from zero, at `decimals` places.
model::Decimal round_half_away(const Rational& r, int decimals);
// Half to even (banker's), to detect sheets that round otherwise.
model::Decimal round_half_even(const Rational& r, int decimals);
// Truncation toward zero (ROUNDDOWN).
model::Decimal round_down(const Rational& r, int decimals);

// Half a unit in the last printed place of `d`: 58.0 -> 0.05, 79 -> 0.5.
Rational half_ulp(const model::Decimal& d);

}  // namespace kpi::calc
