// Numbers as Excel shows them under a number format code (number_format.hpp). Rounding is
// done on the decimal digits, never through binary floating point.
#include "kpi/grid/number_format.hpp"

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <cstdlib>
#include <limits>
#include <optional>

#include "compiled_format.hpp"
#include "format_code.hpp"
#include "kpi/grid/stored_number.hpp"
#include "kpi/text/strings.hpp"

namespace kpi::grid {

namespace {

using format_code::Token;
using format_code::TokenKind;

using Decimal = DecimalDigits;

void round_decimals(Decimal& d, int decimals) {
  round_significant(d, d.point + decimals);
}

std::string integer_digits(const Decimal& d) {
  std::string out;
  for (int i = 0; i < d.point; ++i)
    out.push_back(i < static_cast<int>(d.digits.size()) ? d.digits[static_cast<std::size_t>(i)]
                                                        : '0');
  return out;
}

std::string fraction_digits(const Decimal& d, int count) {
  std::string out;
  for (int i = 0; i < count; ++i) {
    int index = d.point + i;
    bool inside = index >= 0 && index < static_cast<int>(d.digits.size());
    out.push_back(inside ? d.digits[static_cast<std::size_t>(index)] : '0');
  }
  return out;
}

std::string group_thousands(const std::string& digits) {
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out.push_back(',');
    out.push_back(digits[i]);
  }
  return out;
}

std::string exponent_text(int exponent, char sign_code, std::size_t min_digits) {
  std::string digits = std::to_string(exponent < 0 ? -exponent : exponent);
  if (digits.size() < min_digits) digits.insert(0, min_digits - digits.size(), '0');
  if (exponent < 0) return "E-" + digits;
  return (sign_code == '+' ? "E+" : "E") + digits;
}

// General: up to 11 significant digits; scientific from 1E+11 and below 1E-9.
std::string render_general(Decimal d) {
  if (d.zero()) return "0";
  std::string sign = d.negative ? "-" : "";
  if (d.point > 11 || d.point < -8) {
    round_significant(d, 6);
    int exponent = d.point - 1;
    std::string mantissa = d.digits.substr(0, 1);
    if (d.digits.size() > 1) mantissa += "." + d.digits.substr(1);
    return sign + mantissa + exponent_text(exponent, '+', 2);
  }
  round_significant(d, 11);
  if (d.zero()) return "0";
  std::string whole = integer_digits(d);
  std::string out = sign + (whole.empty() ? "0" : whole);
  int decimals = static_cast<int>(d.digits.size()) - d.point;
  if (decimals > 0) out += "." + fraction_digits(d, decimals);
  return out;
}

bool is_placeholder(TokenKind kind) {
  return kind == TokenKind::zero || kind == TokenKind::hash || kind == TokenKind::question;
}

NumberShape shape_of(const std::vector<Token>& tokens) {
  NumberShape shape;
  bool after_point = false;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    TokenKind kind = tokens[i].kind;
    if (kind == TokenKind::percent) ++shape.percent;
    if (kind == TokenKind::exponent) {
      shape.exponent = true;
      shape.exponent_sign = tokens[i].text[0];
      for (std::size_t k = i + 1; k < tokens.size() && is_placeholder(tokens[k].kind); ++k)
        ++shape.exponent_digits;
      break;
    }
    if (kind == TokenKind::point && !after_point) {
      after_point = shape.has_point = true;
    } else if (is_placeholder(kind) && after_point) {
      shape.fraction.push_back(tokens[i].text[0]);
    } else if (is_placeholder(kind)) {
      ++shape.integer_placeholders;
      if (kind == TokenKind::zero) ++shape.integer_zeros;
    } else if (kind == TokenKind::comma && !after_point) {
      bool digit_follows = i + 1 < tokens.size() && is_placeholder(tokens[i + 1].kind);
      if (digit_follows && shape.integer_placeholders > 0)
        shape.grouping = true;
      else if (!digit_follows && shape.integer_placeholders > 0)
        ++shape.thousands_scale;
    }
  }
  return shape;
}

// Drops the trailing optional fraction digits: # shows nothing, ? a space.
std::string trim_fraction(std::string digits, const std::string& placeholders) {
  for (std::size_t i = digits.size(); i-- > 0;) {
    if (digits[i] != '0' || placeholders[i] == '0') break;
    if (placeholders[i] == '#')
      digits.pop_back();
    else
      digits[i] = ' ';
  }
  return digits;
}

std::string render_digits(Decimal d, const NumberShape& shape) {
  if (!d.zero()) d.point += 2 * shape.percent - 3 * shape.thousands_scale;
  int decimals = static_cast<int>(shape.fraction.size());
  int exponent = 0;
  if (shape.exponent && !d.zero()) {
    int integer_digits_wanted = shape.integer_placeholders > 0 ? shape.integer_placeholders : 1;
    round_significant(d, integer_digits_wanted + decimals);
    exponent = d.point - integer_digits_wanted;
    d.point = integer_digits_wanted;
  } else {
    round_decimals(d, decimals);
  }
  std::string whole = integer_digits(d);
  if (static_cast<int>(whole.size()) < shape.integer_zeros)
    whole.insert(0, static_cast<std::size_t>(shape.integer_zeros) - whole.size(), '0');
  std::string out = shape.grouping ? group_thousands(whole) : whole;
  if (shape.has_point) out += "." + trim_fraction(fraction_digits(d, decimals), shape.fraction);
  if (shape.exponent) out += exponent_text(exponent, shape.exponent_sign, shape.exponent_digits);
  return out;
}

// The section's literals in order, the number where its first placeholder stands.
std::string render_number_section(const std::vector<Token>& tokens, const NumberShape& shape,
                                  const Decimal& d) {
  std::string out;
  bool number_written = false;
  bool in_exponent = false;
  for (const auto& token : tokens) {
    switch (token.kind) {
      case TokenKind::literal:
        out += token.text;
        break;
      case TokenKind::percent:
        out += "%";
        break;
      case TokenKind::general:
      case TokenKind::text_at:
        out += render_general(d);
        break;
      case TokenKind::exponent:
        in_exponent = true;
        break;
      case TokenKind::zero:
      case TokenKind::hash:
      case TokenKind::question:
      case TokenKind::point:
        if (!number_written && !in_exponent) out += render_digits(d, shape);
        number_written = true;
        break;
      default:
        break;
    }
  }
  return out;
}

bool only_literals(const std::vector<Token>& tokens) {
  for (const auto& token : tokens)
    if (token.kind != TokenKind::literal) return false;
  return true;
}

// A section format_plain reads: 0 and # placeholders, the point, commas and percent signs.
bool is_plain_section(const std::vector<Token>& tokens, const NumberShape& shape) {
  if (tokens.empty() || shape.fraction.find('?') != std::string::npos) return false;
  for (const auto& token : tokens)
    if (token.kind != TokenKind::zero && token.kind != TokenKind::hash &&
        token.kind != TokenKind::point && token.kind != TokenKind::comma &&
        token.kind != TokenKind::percent)
      return false;
  return true;
}

constexpr std::int64_t power_of_ten(int n) {
  std::int64_t p = 1;
  while (n-- > 0) p *= 10;
  return p;
}

// `units` × 10^-scale as `decimals` decimals, rounded half away from zero; nullopt when a
// power of ten or the result would leave 64 bits.
std::optional<std::int64_t> at_decimals(std::int64_t units, int scale, int decimals) {
  if (scale > decimals) {
    if (scale - decimals > 18) return std::nullopt;
    auto divisor = power_of_ten(scale - decimals);
    auto rest = units % divisor;
    return units / divisor + (rest >= divisor - rest ? 1 : 0);
  }
  if (decimals - scale > 18) return std::nullopt;
  auto factor = power_of_ten(decimals - scale);
  if (units > std::numeric_limits<std::int64_t>::max() / factor) return std::nullopt;
  return units * factor;
}

// A plain value's digits as render_general and the other readings take them (leading and
// trailing zeros dropped).
Decimal digits_of(const PlainDigits& v) {
  if (v.units == 0) return {v.negative, "", 0};
  auto digits = std::to_string(v.units);  // no leading zero: plain_digits skips them
  int point = static_cast<int>(digits.size()) - v.decimals;
  digits.erase(digits.find_last_not_of('0') + 1);
  return {v.negative, std::move(digits), point};
}

// The digits of `shown` (the value times 10^decimals) under a plain section's shape, written
// at `out` (room for 64 bytes): the integer part padded and grouped, the point and the
// decimals with the optional ones dropped. Returns the end.
char* write_plain_digits(char* out, std::int64_t shown, int decimals, const NumberShape& shape) {
  auto unit = power_of_ten(decimals);
  char whole[24];
  auto whole_value = shown / unit;
  int length = whole_value == 0
                   ? 0
                   : static_cast<int>(std::to_chars(whole, whole + 24, whole_value).ptr - whole);
  int padded = std::max(length, std::min(shape.integer_zeros, 20));
  for (int i = 0; i < padded; ++i) {
    if (shape.grouping && i > 0 && (padded - i) % 3 == 0) *out++ = ',';
    *out++ = i < padded - length ? '0' : whole[i - (padded - length)];
  }
  if (!shape.has_point) return out;
  *out++ = '.';
  auto fraction = shown % unit;
  for (int i = decimals - 1; i >= 0; --i, fraction /= 10)
    out[i] = static_cast<char>('0' + fraction % 10);
  int kept = decimals;  // trailing zeros under # are dropped
  while (kept > 0 && out[kept - 1] == '0' &&
         shape.fraction[static_cast<std::size_t>(kept - 1)] == '#')
    --kept;
  return out + kept;
}

}  // namespace

CompiledFormat::CompiledFormat(std::string_view code) : general_(code.empty()) {
  if (general_) return;
  auto sections = format_code::split_sections(code);
  for (auto section : sections) {
    auto tokens = format_code::tokenize(section);
    date_ = date_ || format_code::has_date_token(tokens);
    if (sections_.size() < 3) sections_.push_back({std::move(tokens), {}, false, false});
  }
  for (auto& section : sections_) {
    section.date = format_code::has_date_token(section.tokens);
    section.only_literals = only_literals(section.tokens);
    section.shape = shape_of(section.tokens);
    section.plain = !section.date && is_plain_section(section.tokens, section.shape);
  }
}

CompiledFormat::~CompiledFormat() = default;
CompiledFormat::CompiledFormat(CompiledFormat&&) noexcept = default;
CompiledFormat& CompiledFormat::operator=(CompiledFormat&&) noexcept = default;

std::string CompiledFormat::format(std::string_view stored_value) const {
  if (auto plain = format_plain(stored_value)) return std::move(*plain);
  return format_by_digits(stored_value);
}

std::optional<std::string> CompiledFormat::format_plain(std::string_view stored_value) const {
  auto v = plain_digits(stored_value);
  if (!v || v->decimals > 18) return std::nullopt;
  if (general_) return render_general(digits_of(*v));
  bool zero = v->units == 0;
  if ((v->negative && !zero && sections_.size() >= 2) || (zero && sections_.size() >= 3))
    return std::nullopt;  // another section's
  const auto& section = sections_[0];
  if (section.tokens.size() == 1 && section.tokens[0].kind == TokenKind::general)
    return render_general(digits_of(*v));
  if (!section.plain) return std::nullopt;
  const auto& shape = section.shape;
  int decimals = static_cast<int>(shape.fraction.size());
  if (decimals > 18 || shape.integer_zeros > 20) return std::nullopt;
  auto shown =
      at_decimals(v->units, v->decimals - 2 * shape.percent + 3 * shape.thousands_scale, decimals);
  if (!shown) return std::nullopt;
  char digits[64];
  auto digits_end = write_plain_digits(digits, *shown, decimals, shape);
  std::string out;
  if (v->negative && !zero) out += '-';
  bool digits_written = false;
  for (const auto& token : section.tokens) {
    if (token.kind == TokenKind::percent)
      out += '%';
    else if (token.kind != TokenKind::comma && !digits_written)
      out.append(digits, digits_end), digits_written = true;
  }
  return out;
}

std::string CompiledFormat::format_by_digits(std::string_view stored_value) const {
  auto parsed = parse_decimal_digits(stored_value);
  if (!parsed) return std::string(stored_value);
  Decimal value = std::move(*parsed);
  round_significant(value, excel_significant_digits);
  if (general_) return render_general(std::move(value));
  std::size_t index = 0;
  if (value.negative && !value.zero() && sections_.size() >= 2)
    index = 1;
  else if (value.zero() && sections_.size() >= 3)
    index = 2;
  const auto& section = sections_[index];
  if (section.date) {
    std::string out;
    double serial = std::strtod(std::string(stored_value).c_str(), nullptr);
    if (format_code::render_date(section.tokens, serial, out)) return out;
    return render_general(std::move(value));
  }
  if (section.tokens.empty()) return "";  // an empty section hides the value
  Decimal magnitude = std::move(value);
  bool negative = magnitude.negative && !magnitude.zero();
  magnitude.negative = false;
  std::string body = render_number_section(section.tokens, section.shape, magnitude);
  if (section.only_literals) return body;
  bool sign_in_section = index != 0;
  bool show_minus = negative && !sign_in_section;
  return show_minus ? "-" + body : body;
}

std::string format_number(std::string_view stored_value, std::string_view number_format) {
  return CompiledFormat(number_format).format(stored_value);
}

std::string_view builtin_number_format(int id) {
  switch (id) {
    case 0:
      return "General";
    case 1:
      return "0";
    case 2:
      return "0.00";
    case 3:
      return "#,##0";
    case 4:
      return "#,##0.00";
    case 5:
      return "\"¥\"#,##0;\"¥\"\\-#,##0";
    case 6:
      return "\"¥\"#,##0;[Red]\"¥\"\\-#,##0";
    case 7:
      return "\"¥\"#,##0.00;\"¥\"\\-#,##0.00";
    case 8:
      return "\"¥\"#,##0.00;[Red]\"¥\"\\-#,##0.00";
    case 9:
      return "0%";
    case 10:
      return "0.00%";
    case 11:
      return "0.00E+00";
    case 12:
      return "# ?/?";
    case 13:
      return "# ?\?/?\?";
    case 14:
      return "yyyy/m/d";
    case 15:
      return "d-mmm-yy";
    case 16:
      return "d-mmm";
    case 17:
      return "mmm-yy";
    case 18:
      return "h:mm AM/PM";
    case 19:
      return "h:mm:ss AM/PM";
    case 20:
      return "h:mm";
    case 21:
      return "h:mm:ss";
    case 22:
      return "yyyy/m/d h:mm";
    case 27:
    case 36:
    case 50:
    case 57:
      return "[$-411]ge.m.d";
    case 28:
    case 29:
    case 51:
    case 54:
    case 58:
      return "[$-411]ggge\"年\"m\"月\"d\"日\"";
    case 30:
      return "m/d/yy";
    case 31:
      return "yyyy\"年\"m\"月\"d\"日\"";
    case 32:
      return "h\"時\"mm\"分\"";
    case 33:
      return "h\"時\"mm\"分\"ss\"秒\"";
    case 34:
    case 52:
    case 55:
      return "yyyy\"年\"m\"月\"";
    case 35:
    case 53:
    case 56:
      return "m\"月\"d\"日\"";
    case 37:
      return "#,##0 ;(#,##0)";
    case 38:
      return "#,##0 ;[Red](#,##0)";
    case 39:
      return "#,##0.00;(#,##0.00)";
    case 40:
      return "#,##0.00;[Red](#,##0.00)";
    case 45:
      return "mm:ss";
    case 46:
      return "[h]:mm:ss";
    case 47:
      return "mm:ss.0";
    case 48:
      return "##0.0E+0";
    case 49:
      return "@";
    default:
      return "";
  }
}

}  // namespace kpi::grid
