#include "shown_number.hpp"

#include <cstdint>

#include "kpi/text/normalize.hpp"
#include "kpi/text/number.hpp"
#include "kpi/text/strings.hpp"

namespace kpi::grid {

namespace {

__extension__ typedef __int128 Wide;

Wide power_of_ten(int n) {
  Wide p = 1;
  while (n-- > 0) p *= 10;
  return p;
}

// `units` / 10^scale rounded half away from zero at `decimals` decimals, in units of
// 10^-decimals.
Wide rounded(Wide units, int scale, int decimals) {
  if (scale <= decimals) return units * power_of_ten(decimals - scale);
  Wide divisor = power_of_ten(scale - decimals);
  Wide quotient = units / divisor, remainder = units % divisor;
  if (2 * (remainder < 0 ? -remainder : remainder) >= divisor) quotient += units < 0 ? -1 : 1;
  return quotient;
}

// "1234567.5" as "1,234,567.5".
std::string grouped(const std::string& plain) {
  auto dot = plain.find('.');
  std::size_t digits_end = dot == std::string::npos ? plain.size() : dot;
  std::size_t first = plain[0] == '-' ? 1 : 0;
  std::string out = plain.substr(0, first);
  for (std::size_t i = first; i < digits_end; ++i) {
    if (i > first && (digits_end - i) % 3 == 0) out += ',';
    out += plain[i];
  }
  return out + plain.substr(digits_end);
}

}  // namespace

std::optional<std::string> shown_with_value(std::string_view shown, std::string_view value) {
  auto normalized = text::normalize(shown);
  auto token = text::find_number(normalized);
  auto stored = text::parse_exact_number(value);
  if (!token || !stored) return std::nullopt;
  auto after = text::trim(std::string_view(normalized).substr(token->end));
  bool percent = !after.empty() && after.front() == '%';
  if (!percent && !after.empty()) return std::nullopt;  // 円, a note: not compared
  if (!text::trim(std::string_view(normalized).substr(0, token->begin)).empty())
    return std::nullopt;                          // ¥, a mark: not compared
  int scale = stored->scale - (percent ? 2 : 0);  // 0.95 → 95 at scale 0
  Wide units = stored->units;
  if (scale < 0) {
    units *= power_of_ten(-scale);
    scale = 0;
  }
  const auto& d = token->number;
  if (scale > 30 || d.scale > 30) return std::nullopt;
  Wide shown_units = rounded(units, scale, d.scale);
  if (shown_units == d.units) return std::nullopt;
  if (shown_units > INT64_MAX || shown_units < INT64_MIN) return std::nullopt;
  model::Decimal corrected{static_cast<std::int64_t>(shown_units), d.scale};
  auto number = corrected.to_string();
  auto printed = normalized.substr(token->begin, token->end - token->begin);
  if (printed.find(',') != std::string::npos) number = grouped(number);
  return normalized.substr(0, token->begin) + number + normalized.substr(token->end);
}

}  // namespace kpi::grid
