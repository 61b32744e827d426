#include "kpi/text/number.hpp"

#include <algorithm>
#include <iterator>

#include "kpi/text/qualifier.hpp"

#include "kpi/text/minus_sign.hpp"
#include "kpi/text/number_shape.hpp"
#include "kpi/text/strings.hpp"

namespace kpi::text {
namespace {

constexpr std::string_view black_triangle = "\xE2\x96\xB2";  // ▲
constexpr std::string_view white_triangle = "\xE2\x96\xB3";  // △
constexpr int max_significant_digits = 18;

bool is_ascii_alnum(char c) {
  return is_ascii_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// A ',' followed by exactly three digits.
bool is_thousands_separator(std::string_view s, std::size_t i) {
  return s[i] == ',' && i + 3 < s.size() && is_ascii_digit(s[i + 1]) && is_ascii_digit(s[i + 2]) &&
         is_ascii_digit(s[i + 3]) && (i + 4 >= s.size() || !is_ascii_digit(s[i + 4]));
}

struct Digits {
  std::int64_t units = 0;
  int scale = 0;
  int significant = 0;
  std::size_t end = 0;
  bool overflow = false;
};

void push_digit(Digits& d, char c) {
  if (d.significant > 0 || c != '0') ++d.significant;
  if (d.significant > max_significant_digits) {
    d.overflow = true;
    return;
  }
  d.units = d.units * 10 + (c - '0');
}

// Reads 1,234.56 starting at a digit.
Digits read_digits(std::string_view s, std::size_t i) {
  Digits d;
  while (i < s.size()) {
    if (is_ascii_digit(s[i])) {
      push_digit(d, s[i++]);
    } else if (is_thousands_separator(s, i)) {
      ++i;  // thousands separator: exactly three digits follow
    } else {
      break;
    }
  }
  if (i + 1 < s.size() && s[i] == '.' && is_ascii_digit(s[i + 1])) {
    ++i;
    while (i < s.size() && is_ascii_digit(s[i])) {
      push_digit(d, s[i++]);
      ++d.scale;
    }
  }
  d.end = i;
  if (d.scale > model::max_decimal_scale) d.overflow = true;
  return d;
}

// Minus signs written right before the digits: "-", − (U+2212), ‐ (U+2010), – (U+2013) and
// － (U+FF0D; NFKC makes it "-").
constexpr std::string_view minus_signs[] = {"-", "\xE2\x88\x92", "\xE2\x80\x90", "\xE2\x80\x93",
                                            "\xEF\xBC\x8D"};
// Plus signs: "+" and ＋ (U+FF0B; NFKC makes it "+").
constexpr std::string_view plus_signs[] = {"+", "\xEF\xBC\x8B"};

// Where one of `signs` written right before the digit at `digit` starts, when no letter or
// digit stands before it ("-5", not "1-07" or "R5.1-6"); npos if none.
template <std::size_t N>
std::size_t sign_before(std::string_view s, std::size_t digit, const std::string_view (&signs)[N]) {
  for (auto sign : signs) {
    if (digit < sign.size() || s.substr(digit - sign.size(), sign.size()) != sign) continue;
    auto start = digit - sign.size();
    if (start == 0 || !is_ascii_alnum(s[start - 1])) return start;
  }
  return std::string_view::npos;
}

}  // namespace

std::size_t minus_sign_before(std::string_view s, std::size_t digit) {
  std::size_t i = digit;
  while (i > 0 && s[i - 1] == ' ') --i;  // "▲ 441"
  for (auto tri : {black_triangle, white_triangle})
    if (i >= tri.size() && s.substr(i - tri.size(), tri.size()) == tri) return i - tri.size();
  return sign_before(s, digit, minus_signs);
}

namespace {

// The length of the dash `s` opens with (- ― — – － … ー −), or 0.
std::size_t dash_at(std::string_view s) {
  if (s.empty()) return 0;
  if (s[0] == '-') return 1;
  if (s.size() < 3) return 0;
  auto b0 = static_cast<unsigned char>(s[0]), b1 = static_cast<unsigned char>(s[1]),
       b2 = static_cast<unsigned char>(s[2]);
  bool dash =
      (b0 == 0xE2 && b1 == 0x80 && (b2 == 0x95 || b2 == 0x94 || b2 == 0x93 || b2 == 0xA6)) ||
      (b0 == 0xE2 && b1 == 0x88 && b2 == 0x92) || (b0 == 0xEF && b1 == 0xBC && b2 == 0x8D) ||
      (b0 == 0xE3 && b1 == 0x83 && b2 == 0xBC);
  return dash ? 3 : 0;
}

}  // namespace

bool is_no_value(std::string_view cell) {
  auto t = trim(cell);
  if (t.empty()) return true;
  while (!t.empty()) {
    auto n = dash_at(t);
    if (n == 0) return false;
    t = trim(t.substr(n));
  }
  return true;
}

bool is_excel_error(std::string_view cell) {
  static constexpr std::string_view errors[] = {"#DIV/0!", "#VALUE!", "#REF!",   "#NAME?", "#N/A",
                                                "#NUM!",   "#NULL!",  "#SPILL!", "#CALC!"};
  auto t = trim(cell);
  return std::find(std::begin(errors), std::end(errors), t) != std::end(errors);
}

std::optional<NumberToken> find_number(std::string_view s, std::size_t from) {
  for (std::size_t i = from; i < s.size(); ++i) {
    if (!is_ascii_digit(s[i])) continue;
    Digits d = read_digits(s, i);
    if (d.overflow) return std::nullopt;
    NumberToken t;
    // A sign stands before the digits: none from `from` when they start there.
    auto sign = i > from ? minus_sign_before(s, i) : std::string_view::npos;
    bool negative = sign != std::string_view::npos && sign >= from;
    if (!negative && i > from) sign = sign_before(s, i, plus_signs);  // "+100"
    bool has_sign = sign != std::string_view::npos && sign >= from;
    t.begin = has_sign ? sign : i;
    t.end = d.end;
    t.number = {negative ? -d.units : d.units, d.scale};
    t.percent = t.end < s.size() && s[t.end] == '%';
    return t;
  }
  return std::nullopt;
}

bool exceeds_exact_digits(std::string_view s) {
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (!is_ascii_digit(s[i])) continue;
    Digits d = read_digits(s, i);
    if (d.overflow) return true;
    i = d.end;
  }
  return false;
}

std::optional<model::Decimal> parse_exact_number(std::string_view s) {
  auto t = trim(s);
  if (!t.empty() && t.back() == '%') t = trim(t.substr(0, t.size() - 1));
  auto token = find_number(t);
  if (!token || token->begin != 0 || token->end != t.size()) return std::nullopt;
  return token->number;
}

namespace {

// Marks printed before a number, read past: a footnote (※ * ＊), a trend arrow (↑ ↓ →), the
// Excel text prefix ' and a pasted formula's =.
constexpr std::string_view leading_marks[] = {
    "\xE2\x80\xBB", "*", "\xEF\xBC\x8A", "\xE2\x86\x91", "\xE2\x86\x93", "\xE2\x86\x92", "'", "="};

// The cell read as a number followed by unit/qualifier/note text into `out`; false (and `out`
// untouched) when it does not start with a number.
bool read_number_cell(std::string_view cell, CellValue& out) {
  auto token = find_number(cell);
  if (!token || token->begin != 0) return false;  // qualitative or text first
  std::string_view rest = cell.substr(token->end);
  auto number = token->number;
  if (auto scaled = apply_exponent(number, rest)) {  // 1.5E+11: General's 12 digits or more
    number = scaled->number;
    rest.remove_prefix(scaled->exponent_length);
  }
  if (continues_number(rest)) return false;
  out.value.number = number;
  if (!rest.empty() && rest.front() == '%') {
    out.unit.assign(1, '%');
    rest.remove_prefix(1);
  }
  if (rest.empty()) return true;  // the cell is the number (most cells): no qualifier or note
  out.qualifier = first_qualifier(rest);
  auto open = rest.find('(');
  if (open != std::string_view::npos) {
    auto close = rest.find(')', open);
    out.note = std::string(trim(rest.substr(
        open + 1, close == std::string_view::npos ? std::string_view::npos : close - open - 1)));
  }
  if (out.unit.empty()) {
    auto unit = trim(rest.substr(0, open));
    if (auto word = first_qualifier_word(unit)) unit = trim(unit.substr(0, word->begin));
    out.unit = std::string(unit);
  }
  return true;
}

// ※1, *2: a footnote's number (one or two digits alone after a footnote mark), not a value.
bool is_footnote_number(std::string_view mark, std::string_view rest) {
  bool footnote_mark = mark == "\xE2\x80\xBB" || mark == "*" || mark == "\xEF\xBC\x8A";
  return footnote_mark && !rest.empty() && rest.size() <= 2 &&
         std::all_of(rest.begin(), rest.end(), is_ascii_digit);
}

// "(75.0%)": a number, with % or not, wholly in brackets (not an accounting negative).
bool read_bracketed_number(std::string_view cell, CellValue& out) {
  if (cell.size() < 3 || cell.front() != '(' || cell.back() != ')') return false;
  auto inner = trim(cell.substr(1, cell.size() - 2));
  auto token = find_number(inner);
  if (!token || token->begin != 0) return false;
  auto rest = inner.substr(token->end);
  bool percent = rest == "%";
  if (!rest.empty() && !percent) return false;
  out.value.number = token->number;
  if (percent) out.unit.assign(1, '%');
  out.mark = "()";
  return true;
}

}  // namespace

CellValue parse_cell(std::string_view normalized_cell, std::string_view original_text) {
  CellValue out;
  out.value.text = std::string(trim(original_text));
  auto cell = trim(normalized_cell);
  if (is_no_value(cell)) return out;
  if (read_number_cell(cell, out)) return out;
  for (auto mark : leading_marks) {
    if (!starts_with(cell, mark)) continue;
    auto rest = trim(cell.substr(mark.size()));
    if (is_footnote_number(mark, rest)) return out;  // ※1: see note 1, no value
    if (read_number_cell(rest, out)) out.mark = std::string(mark);
    return out;
  }
  read_bracketed_number(cell, out);
  return out;
}

}  // namespace kpi::text
