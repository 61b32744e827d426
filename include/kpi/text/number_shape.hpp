#pragma once
// Whether the text after a number continues it in a way no number printed in a KPI sheet
// does: "1e309" (exponent), "1.2.3", "12,34", "1,2345", a date "2023/4/1" or a fraction
// "3/5". Taking the leading digits of such a cell would be a wrong number. And the exponent
// Excel's General format prints for a number of 12 digits or more ("1.5E+11"), which is read.
#include <cstddef>
#include <optional>
#include <string_view>

#include "kpi/model/decimal.hpp"

namespace kpi::text {

// `rest` is the text right after the digits of a number (NumberToken::end onwards).
bool continues_number(std::string_view rest);

// The number times the exponent printed right after it ("E+11", "e-3"), and the exponent's
// length; none when `rest` starts with no exponent, or the value is not a Decimal (more than
// 18 digits, more than max_decimal_scale decimals: "1e309").
struct Scaled {
  model::Decimal number;
  std::size_t exponent_length = 0;
};
std::optional<Scaled> apply_exponent(const model::Decimal& number, std::string_view rest);

}  // namespace kpi::text
