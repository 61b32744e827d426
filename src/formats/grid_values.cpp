#include "kpi/formats/grid_values.hpp"

#include <cstdlib>

#include "kpi/text/normalize.hpp"
#include "kpi/text/strings.hpp"

namespace kpi::formats {
namespace {

constexpr int excel_digits = 15;

struct DigitString {
  bool negative = false;
  std::string digits;  // significant digits, no leading zeros
  int exponent = 0;    // value = 0.digits × 10^exponent
};

std::optional<DigitString> read_digits(std::string_view s) {
  DigitString out;
  std::size_t i = 0;
  if (i < s.size() && (s[i] == '-' || s[i] == '+')) out.negative = s[i++] == '-';
  int point = -1, count = 0;
  for (; i < s.size() && (std::isdigit(static_cast<unsigned char>(s[i])) || s[i] == '.'); ++i) {
    if (s[i] == '.') {
      if (point >= 0) return std::nullopt;
      point = count;
      continue;
    }
    if (out.digits.empty() && s[i] == '0') {
      if (point >= 0) --out.exponent;
      continue;
    }
    out.digits.push_back(s[i]);
    if (point < 0) ++out.exponent;
    ++count;
  }
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    char* end = nullptr;
    std::string rest(s.substr(i + 1));
    long e = std::strtol(rest.c_str(), &end, 10);
    if (end == rest.c_str() || *end != '\0' || e > 400 || e < -400) return std::nullopt;
    out.exponent += static_cast<int>(e);
  } else if (i != s.size()) {
    return std::nullopt;
  }
  return out;
}

// Rounds to `keep` significant digits, half away from zero, on the digit string.
void round_digits(DigitString& d, int keep) {
  if (static_cast<int>(d.digits.size()) <= keep) return;
  if (keep <= 0) {
    bool up = keep == 0 && d.digits[0] >= '5';
    d.digits.assign(up ? 1 : 0, '1');
    d.exponent += up;
    return;
  }
  bool up = d.digits[static_cast<std::size_t>(keep)] >= '5';
  d.digits.resize(static_cast<std::size_t>(keep));
  for (int i = keep - 1; up && i >= 0; --i) {
    auto& c = d.digits[static_cast<std::size_t>(i)];
    if (c == '9') {
      c = '0';
    } else {
      ++c;
      up = false;
    }
  }
  if (up) {
    d.digits.insert(d.digits.begin(), '1');
    d.digits.pop_back();
    ++d.exponent;
  }
  while (!d.digits.empty() && d.digits.back() == '0') d.digits.pop_back();
}

std::optional<model::Decimal> to_decimal(const DigitString& d) {
  if (d.digits.empty()) return model::Decimal{0, 0};
  int scale = static_cast<int>(d.digits.size()) - d.exponent;
  if (scale > model::max_decimal_scale || d.exponent > 18) return std::nullopt;
  std::int64_t units = 0;
  for (char c : d.digits) units = units * 10 + (c - '0');
  for (; scale < 0; ++scale) units *= 10;
  return model::Decimal{d.negative ? -units : units, scale};
}

bool is_cap_above(std::string_view rest) {
  return text::starts_with(rest, "超");
}
bool is_cap_below(std::string_view rest) {
  return text::starts_with(rest, "未満");
}

void read_cap(text::CellValue& v, std::string_view normalized) {
  auto percent = normalized.find('%');
  if (percent == std::string_view::npos) return;
  auto rest = text::trim(normalized.substr(percent + 1));
  if (is_cap_above(rest)) v.value.cap = model::Cap::above;
  if (is_cap_below(rest)) v.value.cap = model::Cap::below;
}

void read_stored(text::CellValue& v, const grid::Cell& cell) {
  if (cell.kind != grid::CellKind::number || !v.value.number) return;
  auto stored = stored_decimal(cell.value, v.unit == "%");
  if (stored && !(*stored == *v.value.number)) v.value.stored = stored;
}

}  // namespace

std::optional<model::Decimal> stored_decimal(std::string_view stored, bool percent) {
  auto digits = read_digits(text::trim(stored));
  if (!digits) return std::nullopt;
  round_digits(*digits, excel_digits);
  if (percent) digits->exponent += 2;
  // More decimals than a Decimal holds: the digits beyond are binary noise of the display.
  int scale = static_cast<int>(digits->digits.size()) - digits->exponent;
  if (scale > model::max_decimal_scale)
    round_digits(*digits,
                 static_cast<int>(digits->digits.size()) - (scale - model::max_decimal_scale));
  return to_decimal(*digits);
}

std::string cell_text(const grid::Cell* cell) {
  if (!cell) return {};
  return std::string(text::trim(text::squeeze_spaces(cell->display)));
}

text::CellValue read_grid_value(const grid::Cell* cell, int row, int col) {
  auto printed = cell_text(cell);
  auto normalized = text::normalize(printed);
  auto v = text::parse_cell(normalized, printed);
  v.value.cell = grid::cell_name(row, col);
  if (!cell) return v;
  read_cap(v, normalized);
  read_stored(v, *cell);
  v.value.formula = cell->formula;
  v.value.formula_uncached = !cell->formula.empty() && !cell->formula_cached;
  return v;
}

}  // namespace kpi::formats
