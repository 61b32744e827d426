#include "kpi/model/decimal.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdlib>

namespace kpi::model {
namespace {

__extension__ typedef __int128 Wide;

std::int64_t pow10(int n) {
  std::int64_t p = 1;
  while (n-- > 0) p *= 10;
  return p;
}

}  // namespace

double Decimal::to_double() const {
  return static_cast<double>(units) / static_cast<double>(pow10(scale));
}

double nearest_double(const Decimal& d) {
  char text[48];  // "units e-scale" read back
  auto end = std::to_chars(text, text + 24, d.units).ptr;
  *end++ = 'e';
  *end++ = '-';
  end = std::to_chars(end, text + sizeof text, d.scale).ptr;
  double value = 0;
  if (std::from_chars(text, end, value).ec != std::errc()) value = d.units < 0 ? -0.0 : 0.0;
  return value;
}

std::string Decimal::to_string() const {
  auto magnitude = units < 0 ? 0ull - static_cast<unsigned long long>(units)
                             : static_cast<unsigned long long>(units);
  std::string digits = std::to_string(magnitude);
  auto decimals = static_cast<std::size_t>(std::max(scale, 0));
  if (digits.size() <= decimals) digits = std::string(decimals + 1 - digits.size(), '0') + digits;
  std::string out;
  out.reserve(digits.size() + 2);
  if (units < 0) out.push_back('-');
  out.append(digits, 0, digits.size() - decimals);
  if (decimals > 0) out.append(1, '.').append(digits, digits.size() - decimals, decimals);
  return out;
}

bool Decimal::operator==(const Decimal& other) const {
  int scale_max = std::max(scale, other.scale);
  return static_cast<Wide>(units) * pow10(scale_max - scale) ==
         static_cast<Wide>(other.units) * pow10(scale_max - other.scale);
}

std::optional<Decimal> decimal_from_double(double value, int scale) {
  if (!std::isfinite(value) || scale < 0 || scale > max_decimal_scale) return std::nullopt;
  double scaled = value * static_cast<double>(pow10(scale));
  if (std::fabs(scaled) >= 9.0e17) return std::nullopt;
  // The shortest text of a double is exact decimal for values that came from text.
  return Decimal{static_cast<std::int64_t>(std::llround(scaled)), scale};
}

}  // namespace kpi::model
