#include "kpi/grid/stored_number.hpp"

#include <cstdint>
#include <cstdlib>

#include "kpi/text/strings.hpp"

namespace kpi::grid {
namespace {

void strip_zeros(DecimalDigits& d) {
  std::size_t lead = d.digits.find_first_not_of('0');
  if (lead == std::string::npos) {
    d = DecimalDigits{d.negative, "", 0};
    return;
  }
  d.digits.erase(0, lead);
  d.point -= static_cast<int>(lead);
  d.digits.erase(d.digits.find_last_not_of('0') + 1);
}

}  // namespace

std::optional<PlainDigits> plain_digits(std::string_view s) {
  PlainDigits out;
  std::size_t i = !s.empty() && s[0] == '-' ? 1 : 0;
  out.negative = i == 1;
  bool digit = false, point = false;
  int significant = 0;
  for (; i < s.size(); ++i) {
    char c = s[i];
    if (c == '.' && !point) {
      point = true;
      continue;
    }
    if (!text::is_ascii_digit(c)) return std::nullopt;
    digit = true;
    out.decimals += point;
    if (significant == 0 && c == '0') continue;  // a leading zero
    if (++significant > excel_significant_digits) return std::nullopt;
    out.units = out.units * 10 + (c - '0');
  }
  if (!digit) return std::nullopt;
  return out;
}

std::optional<DecimalDigits> parse_decimal_digits(std::string_view s) {
  DecimalDigits d;
  std::size_t i = 0;
  if (i < s.size() && (s[i] == '-' || s[i] == '+')) d.negative = s[i++] == '-';
  bool seen_digit = false, seen_point = false;
  for (; i < s.size(); ++i) {
    if (text::is_ascii_digit(s[i])) {
      d.digits.push_back(s[i]);
      seen_digit = true;
      if (!seen_point) ++d.point;
    } else if (s[i] == '.' && !seen_point) {
      seen_point = true;
    } else {
      break;
    }
  }
  if (!seen_digit || d.digits.size() > 1000) return std::nullopt;
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    char* end = nullptr;
    std::string exponent(s.substr(i + 1));
    long e = std::strtol(exponent.c_str(), &end, 10);
    if (end == exponent.c_str() || *end != '\0' || e > 400 || e < -400) return std::nullopt;
    d.point += static_cast<int>(e);
    i = s.size();
  }
  if (i != s.size()) return std::nullopt;
  strip_zeros(d);
  return d;
}

void round_significant(DecimalDigits& d, int keep) {
  if (keep >= static_cast<int>(d.digits.size())) return;
  if (keep < 0) {
    d = DecimalDigits{d.negative, "", 0};
    return;
  }
  bool up = d.digits[static_cast<std::size_t>(keep)] >= '5';
  d.digits.resize(static_cast<std::size_t>(keep));
  if (up) {
    int i = keep - 1;
    while (i >= 0 && d.digits[static_cast<std::size_t>(i)] == '9')
      d.digits[static_cast<std::size_t>(i--)] = '0';
    if (i < 0) {
      d.digits.insert(d.digits.begin(), '1');
      ++d.point;
    } else {
      ++d.digits[static_cast<std::size_t>(i)];
    }
  }
  strip_zeros(d);
}

namespace {

// Any stored text read through its digits as a string.
std::optional<model::Decimal> stored_decimal_digits(std::string_view stored, int shift,
                                                    int max_scale) {
  auto d = parse_decimal_digits(text::trim(stored));
  if (!d) return std::nullopt;
  round_significant(*d, excel_significant_digits);
  d->point += shift;
  round_significant(*d, d->point + max_scale);
  if (d->zero()) return model::Decimal{0, 0};
  int scale = static_cast<int>(d->digits.size()) - d->point;
  if (d->point > 18) return std::nullopt;
  std::int64_t units = 0;
  for (char c : d->digits) units = units * 10 + (c - '0');
  for (; scale < 0; ++scale) units *= 10;
  return model::Decimal{d->negative ? -units : units, scale};
}

// plain_digits as a model::Decimal shifted (2: a percent cell read as percent points), when
// it has at most `max_scale` decimals once shifted (nothing to round); nullopt for anything
// else (stored_decimal_digits reads it).
std::optional<model::Decimal> plain_stored_decimal(std::string_view s, int shift, int max_scale) {
  if (shift < 0 || shift > 3) return std::nullopt;
  auto plain = plain_digits(s);
  if (!plain) return std::nullopt;
  auto [negative, units, decimals] = *plain;
  if (units == 0) return model::Decimal{0, 0};
  for (; decimals > 0 && units % 10 == 0; --decimals) units /= 10;  // trailing zeros
  int scale = decimals - shift;
  if (scale > max_scale) return std::nullopt;
  for (; scale < 0; ++scale) units *= 10;
  return model::Decimal{negative ? -units : units, scale};
}

}  // namespace

std::optional<model::Decimal> stored_decimal(std::string_view stored, int shift, int max_scale) {
  if (auto plain = plain_stored_decimal(stored, shift, max_scale)) return plain;
  return stored_decimal_digits(stored, shift, max_scale);
}

}  // namespace kpi::grid
