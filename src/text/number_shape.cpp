#include "kpi/text/number_shape.hpp"

#include <algorithm>
#include <cstdint>
#include <limits>

#include "kpi/text/strings.hpp"

namespace kpi::text {
namespace {

// "e309", "E+5", "e-3".
bool is_exponent(std::string_view rest) {
  if (rest.empty() || (rest[0] != 'e' && rest[0] != 'E')) return false;
  auto digits = rest.substr(1);
  if (!digits.empty() && (digits[0] == '+' || digits[0] == '-')) digits.remove_prefix(1);
  return !digits.empty() && is_ascii_digit(digits[0]);
}

}  // namespace

bool continues_number(std::string_view rest) {
  bool separator_then_digit = rest.size() >= 2 &&
                              (rest[0] == '.' || rest[0] == ',' || rest[0] == '/') &&
                              is_ascii_digit(rest[1]);
  return separator_then_digit || is_exponent(rest);
}

std::optional<Scaled> apply_exponent(const model::Decimal& number, std::string_view rest) {
  if (!is_exponent(rest)) return std::nullopt;
  std::size_t at = 1;
  bool negative = rest[at] == '-';
  if (rest[at] == '+' || rest[at] == '-') ++at;
  int power = 0;
  for (; at < rest.size() && is_ascii_digit(rest[at]); ++at) {
    power = power * 10 + (rest[at] - '0');
    if (power > 18) return std::nullopt;
  }
  Scaled out{number, at};
  if (negative) {
    out.number.scale += power;
    return out.number.scale <= model::max_decimal_scale ? std::optional(out) : std::nullopt;
  }
  int shift = power - out.number.scale;  // 1.5E+11: 15 with scale 1, times 10^10
  out.number.scale = std::max(0, out.number.scale - power);
  constexpr std::int64_t limit = std::numeric_limits<std::int64_t>::max() / 10;
  for (; shift > 0; --shift) {
    if (out.number.units > limit || out.number.units < -limit) return std::nullopt;
    out.number.units *= 10;
  }
  return out;
}

}  // namespace kpi::text
