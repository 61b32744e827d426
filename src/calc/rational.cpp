#include "kpi/calc/rational.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <utility>

namespace kpi::calc {
namespace {

// Largest Int; -max is the smallest value the checked operations let through, so negating
// is always defined.
constexpr Int max_int = (((Int{1} << 126) - 1) << 1) + 1;

Int checked(Int value) {
  if (value < -max_int) throw Overflow();
  return value;
}
bool fits64(Int v);

Int mul(Int a, Int b) {
  // Two 64-bit factors: the product has at most 126 bits and cannot overflow.
  if (fits64(a) && fits64(b))
    return static_cast<Int>(static_cast<std::int64_t>(a)) * static_cast<std::int64_t>(b);
  Int r;
  if (__builtin_mul_overflow(a, b, &r)) throw Overflow();
  return checked(r);
}
Int add(Int a, Int b) {
  Int r;
  if (__builtin_add_overflow(a, b, &r)) throw Overflow();
  return checked(r);
}
Int sub(Int a, Int b) {
  Int r;
  if (__builtin_sub_overflow(a, b, &r)) throw Overflow();
  return checked(r);
}

Int pow10_checked(int n) {
  Int p = 1;
  while (n-- > 0) p = mul(p, 10);
  return p;
}

// 10^n; 10^38 is the largest that fits (beyond it the checked loop throws Overflow).
Int pow10(int n) {
  static const auto table = [] {
    std::array<Int, 39> t{};
    for (int i = 0; i < 39; ++i) t[static_cast<std::size_t>(i)] = pow10_checked(i);
    return t;
  }();
  if (n >= 0 && n < 39) return table[static_cast<std::size_t>(n)];
  return pow10_checked(n);
}

Int abs(Int v) {
  return v < 0 ? -v : v;
}

// Binary GCD of two 64-bit magnitudes: what nearly every printed decimal needs, without
// 128-bit division.
std::uint64_t gcd64(std::uint64_t a, std::uint64_t b) {
  if (a == 0) return b;
  if (b == 0) return a;
  int shift = __builtin_ctzll(a | b);
  a >>= __builtin_ctzll(a);
  do {
    b >>= __builtin_ctzll(b);
    if (a > b) std::swap(a, b);
    b -= a;
  } while (b != 0);
  return a << shift;
}

bool fits64(Int v) {
  return v >= -Int{INT64_MAX} && v <= Int{INT64_MAX};
}

Int gcd(Int a, Int b) {
  a = abs(a);
  b = abs(b);
  while (b != 0) {
    if (fits64(a) && fits64(b)) {
      a = static_cast<Int>(gcd64(static_cast<std::uint64_t>(a), static_cast<std::uint64_t>(b)));
      break;
    }
    Int t = a % b;
    a = b;
    b = t;
  }
  return a == 0 ? 1 : a;
}

// a / b, in 64 bits when both fit (b > 0).
Int quotient(Int a, Int b) {
  if (fits64(a) && fits64(b)) return static_cast<std::int64_t>(a) / static_cast<std::int64_t>(b);
  return a / b;
}

Rational reduced(Int num, Int den) {
  if (den < 0) num = -num, den = -den;
  Int g = gcd(num, den);
  if (g == 1) return {num, den};
  return {quotient(num, g), quotient(den, g)};
}

// Quotient and remainder of |r| * 10^decimals.
struct Scaled {
  Int quotient;
  Int remainder;
  Int den;
  bool negative;
};

Scaled scale(const Rational& r, int decimals) {
  Int n = mul(abs(r.num), pow10(decimals));
  if (fits64(n) && fits64(r.den)) {
    auto n64 = static_cast<std::int64_t>(n), d64 = static_cast<std::int64_t>(r.den);
    return {n64 / d64, n64 % d64, r.den, r.num < 0};
  }
  return {n / r.den, n % r.den, r.den, r.num < 0};
}

model::Decimal finish(Int magnitude, bool negative, int decimals) {
  if (magnitude > INT64_MAX) throw Overflow();  // a Decimal holds 64 bits
  Int v = negative ? -magnitude : magnitude;
  return {static_cast<std::int64_t>(v), decimals};
}

// units / 10^scale in lowest terms without a GCD: the divisor common to a 64-bit number and
// a power of ten is 2^min(twos, scale) * 5^min(fives, scale). Scales a 64-bit power of ten
// cannot hold take the general path.
std::optional<Rational> of_by_twos_and_fives(const model::Decimal& d) {
  if (d.scale < 0 || d.scale > 18) return std::nullopt;
  if (d.units == 0) return Rational{0, 1};
  std::uint64_t magnitude =
      d.units < 0 ? 0 - static_cast<std::uint64_t>(d.units) : static_cast<std::uint64_t>(d.units);
  auto den = static_cast<std::uint64_t>(pow10(d.scale));
  int twos = std::min(__builtin_ctzll(magnitude), d.scale);
  magnitude >>= twos;
  den >>= twos;
  for (int fives = 0; fives < d.scale && magnitude % 5 == 0; ++fives) {
    magnitude /= 5;
    den /= 5;
  }
  Int num = static_cast<Int>(magnitude);
  return Rational{d.units < 0 ? -num : num, static_cast<Int>(den)};
}

}  // namespace

Rational Rational::of(const model::Decimal& d) {
  if (auto fast = of_by_twos_and_fives(d)) return *fast;
  return reduced(d.units, pow10(d.scale));
}

double Rational::to_double() const {
  return static_cast<double>(num) / static_cast<double>(den);
}

Rational operator+(const Rational& a, const Rational& b) {
  return reduced(add(mul(a.num, b.den), mul(b.num, a.den)), mul(a.den, b.den));
}
Rational operator-(const Rational& a, const Rational& b) {
  return reduced(sub(mul(a.num, b.den), mul(b.num, a.den)), mul(a.den, b.den));
}
Rational operator*(const Rational& a, const Rational& b) {
  return reduced(mul(a.num, b.num), mul(a.den, b.den));
}
std::optional<Rational> divide(const Rational& a, const Rational& b) {
  if (b.num == 0) return std::nullopt;
  return reduced(mul(a.num, b.den), mul(a.den, b.num));
}
int compare(const Rational& a, const Rational& b) {
  Int l = mul(a.num, b.den), r = mul(b.num, a.den);
  return l < r ? -1 : (l > r ? 1 : 0);
}
bool is_zero(const Rational& r) {
  return r.num == 0;
}

model::Decimal round_half_away(const Rational& r, int decimals) {
  Scaled s = scale(r, decimals);
  bool up = mul(2, s.remainder) >= s.den;
  return finish(add(s.quotient, up ? 1 : 0), s.negative, decimals);
}

model::Decimal round_half_even(const Rational& r, int decimals) {
  Scaled s = scale(r, decimals);
  Int twice = mul(2, s.remainder);
  bool up = twice > s.den || (twice == s.den && s.quotient % 2 == 1);
  return finish(add(s.quotient, up ? 1 : 0), s.negative, decimals);
}

model::Decimal round_down(const Rational& r, int decimals) {
  Scaled s = scale(r, decimals);
  return finish(s.quotient, s.negative, decimals);
}

Rational half_ulp(const model::Decimal& d) {
  return reduced(5, pow10(d.scale + 1));
}

}  // namespace kpi::calc
