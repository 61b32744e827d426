#include "kpi/text/number_shape.hpp"
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
  bool separator_then_digit =
      rest.size() >= 2 && (rest[0] == '.' || rest[0] == ',') && is_ascii_digit(rest[1]);
  return separator_then_digit || is_exponent(rest);
}

}  // namespace kpi::text
