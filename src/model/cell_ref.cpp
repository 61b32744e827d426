// A1 names of cells: reading and writing them (cell_ref.hpp).
#include "kpi/model/cell_ref.hpp"

#include <charconv>
#include <limits>

namespace kpi::model {
namespace {

constexpr std::uint32_t most = std::numeric_limits<std::uint32_t>::max();

bool is_letter(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}
bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

// A 1-based column's letters, last letter first; returns how many (at most 7 for a uint32).
std::size_t letters_backwards(std::uint32_t column, char* out) {
  std::size_t n = 0;
  for (std::uint64_t c = column; c > 0; c = (c - 1) / 26)
    out[n++] = static_cast<char>('A' + (c - 1) % 26);
  return n;
}

constexpr std::size_t letter_count(std::uint32_t column) {
  std::size_t n = 0;
  for (std::uint64_t c = column; c > 0; c = (c - 1) / 26) ++n;
  return n;
}

constexpr std::size_t digit_count(std::uint32_t n) {
  std::size_t digits = 1;
  for (; n >= 10; n /= 10) ++digits;
  return digits;
}

// How many letters and digits a reference within `last` is read to: one more than `last`
// has, so that a longer name is refused, not cut short. Excel's grid's, the formulas', known
// when compiled.
struct ReadLimits {
  std::size_t letters, digits;
};
ReadLimits read_limits(CellRef last) {
  constexpr ReadLimits excel{letter_count(excel_last_cell.column) + 1,
                             digit_count(excel_last_cell.row) + 1};
  if (last == excel_last_cell) return excel;
  return {letter_count(last.column) + 1, digit_count(last.row) + 1};
}

}  // namespace

CellName CellRef::name() const {
  CellName out;
  if (empty()) return out;
  if (column <= 26) {  // A..Z: most tables' columns
    out.chars[out.size++] = static_cast<char>('A' + column - 1);
  } else {
    char backwards[8];
    std::size_t n = letters_backwards(column, backwards);
    while (n > 0) out.chars[out.size++] = backwards[--n];
  }
  char* end =
      std::to_chars(out.chars.data() + out.size, out.chars.data() + out.chars.size(), row).ptr;
  out.size = static_cast<std::uint8_t>(end - out.chars.data());
  return out;
}

std::string CellRef::text() const {
  return std::string(name().view());
}

void CellRef::append_to(std::string& out) const {
  out.append(name().view());
}

void append_column_name(std::string& out, std::uint32_t column) {
  char backwards[8];
  std::size_t n = letters_backwards(column, backwards);
  while (n > 0) out.push_back(backwards[--n]);
}

A1Match match_a1(std::string_view text, CellRef last) {
  A1Match match;
  std::size_t k = 0;
  if (k < text.size() && text[k] == '$') match.column_absolute = true, ++k;
  if (k >= text.size() || !is_letter(text[k])) return {};  // most tokens of a formula
  const auto limits = read_limits(last);
  const std::size_t most_letters = limits.letters;
  std::size_t letters = 0;
  std::uint64_t column = 0;
  for (; k < text.size() && is_letter(text[k]) && letters < most_letters; ++k, ++letters)
    column = column * 26 + static_cast<std::uint64_t>(text[k] & 0x1F);
  if (letters == 0 || column > last.column) return {};
  if (k < text.size() && text[k] == '$') match.row_absolute = true, ++k;
  const std::size_t most_digits = limits.digits;
  std::size_t digits = 0;
  std::uint64_t row = 0;
  for (; k < text.size() && is_digit(text[k]) && digits < most_digits; ++k, ++digits)
    row = row * 10 + static_cast<std::uint64_t>(text[k] - '0');
  if (digits == 0 || row < 1 || row > last.row) return {};
  match.cell = {static_cast<std::uint32_t>(row), static_cast<std::uint32_t>(column)};
  match.length = k;
  return match;
}

std::optional<CellRef> parse_cell_ref(std::string_view text) {
  auto match = match_a1(text, {most, most});
  bool plain = match.length > 0 && match.length == text.size() && !match.column_absolute &&
               !match.row_absolute;
  // Lower-case letters and leading zeros read as a cell but print otherwise: refused.
  if (!plain || match.cell.name().view() != text) return std::nullopt;
  return match.cell;
}

}  // namespace kpi::model
