#include "kpi/formats/cell_values.hpp"
#include "kpi/formats/parse_kit.hpp"

#include <array>

#include "kpi/formats/printed_value.hpp"
#include "kpi/text/normalize.hpp"
#include "kpi/text/number_shape.hpp"
#include "kpi/text/strings.hpp"

namespace kpi::formats {
namespace {

using text::starts_with;
using text::trim;

// Brackets in original (full-width) and normalised forms.
constexpr std::array<std::string_view, 7> opening = {"(", "（", "「", "【", "[", "［", "〔"};
constexpr std::array<std::string_view, 7> closing = {")", "）", "」", "】", "]", "］", "〕"};

std::size_t bracket_at(std::string_view s, std::size_t i,
                       const std::array<std::string_view, 7>& brackets) {
  // Every bracket starts with one of these: ( ) [ ] or E3 80 (「【〔) or EF BC / EF BD (（［）］).
  char c = s[i], next = i + 1 < s.size() ? s[i + 1] : '\0';
  bool may_be = c == '(' || c == ')' || c == '[' || c == ']' || (c == '\xE3' && next == '\x80') ||
                (c == '\xEF' && (next == '\xBC' || next == '\xBD'));
  if (!may_be) return 0;
  for (auto b : brackets)
    if (s.substr(i, b.size()) == b) return b.size();
  return 0;
}

std::size_t space_at(std::string_view s, std::size_t i) {
  if (s[i] == ' ' || s[i] == '\t') return 1;
  if (s.substr(i, 3) == "\xE3\x80\x80") return 3;  // U+3000
  return 0;
}

// Words of `s` split at spaces outside brackets (views into `s`).
std::vector<std::string_view> bracket_aware_words(std::string_view s) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  int depth = 0;
  for (std::size_t i = 0; i < s.size();) {
    if (auto n = space_at(s, i); n && depth == 0) {
      if (i > start) out.push_back(s.substr(start, i - start));
      i += n;
      start = i;
      continue;
    }
    std::size_t n = bracket_at(s, i, opening);
    if (n)
      ++depth;
    else if ((n = bracket_at(s, i, closing)) && depth > 0)
      --depth;
    if (!n) n = static_cast<std::size_t>(text::utf8_length(static_cast<unsigned char>(s[i])));
    i += n;
  }
  if (s.size() > start) out.push_back(s.substr(start));
  return out;
}

// Byte offset of the first digit outside brackets in normalised `s`, or npos.
std::size_t first_free_digit(std::string_view s) {
  int depth = 0;
  for (std::size_t i = 0; i < s.size();) {
    if (depth == 0 && s[i] >= '0' && s[i] <= '9') return i;
    std::size_t n = bracket_at(s, i, opening);
    if (n)
      ++depth;
    else if ((n = bracket_at(s, i, closing)) && depth > 0)
      --depth;
    i += n ? n : static_cast<std::size_t>(text::utf8_length(static_cast<unsigned char>(s[i])));
  }
  return std::string_view::npos;
}

// Where the value whose first digit is `digit` begins: its sign or 約 (formats::number_at).
std::size_t value_begin(std::string_view s, std::size_t digit) {
  auto number = number_at(s, digit);
  return number ? number->begin : digit;
}

CellPiece make_piece(std::string original) {
  CellPiece p;
  p.normalized = text::normalize(original);
  p.original = std::move(original);
  auto digit = first_free_digit(p.normalized);
  p.has_number = digit != std::string_view::npos;
  if (p.has_number)
    p.label = std::string(
        trim(std::string_view(p.normalized).substr(0, value_begin(p.normalized, digit))));
  return p;
}

// A number and nothing else ("320", "2.5"): its unit may follow after a space.
bool is_bare_number(const CellPiece& p) {
  if (!p.has_number || !p.label.empty()) return false;
  return text::parse_exact_number(p.normalized).has_value() && p.normalized.back() != '%';
}

bool belongs_to_previous(const CellPiece& previous, const CellPiece& next) {
  if (starts_with(next.normalized, "(") || starts_with(next.normalized, "「")) return true;
  if (text::ends_with(previous.normalized, ":")) return true;
  bool lone_marker =
      previous.normalized.size() == 3 && starts_with_circled_number(previous.normalized);
  if (lone_marker && next.has_number) return true;  // "① 5件"
  return !next.has_number && is_bare_number(previous);
}

}  // namespace

std::vector<CellPiece> split_cell_values(std::string_view original_cell) {
  std::vector<CellPiece> out;
  for (auto word : bracket_aware_words(trim(original_cell))) {
    auto piece = make_piece(std::string(word));
    if (!out.empty() && belongs_to_previous(out.back(), piece))
      out.back() = make_piece(out.back().original + " " + std::string(word));
    else
      out.push_back(std::move(piece));
  }
  return out;
}

text::CellValue parse_piece(const CellPiece& piece) {
  text::CellValue out;
  out.value.text = std::string(trim(piece.original));
  std::string_view s = piece.normalized;
  auto number = piece.has_number ? number_at(s, first_free_digit(s)) : std::nullopt;
  if (!number) return out;
  std::string_view rest = s.substr(number->end);
  if (text::continues_number(rest)) return out;  // "1e309", "1.2.3": no number
  out.value.number = number->number;
  // The value is what comes before a bracket; a bracket holds its note ("累計", "平成30年度").
  auto open = rest.find('(');
  auto value_end = open == std::string_view::npos ? s.size() : number->end + open;
  auto suffix = suffix_at(s, number->end, value_end);
  out.unit = suffix.unit;
  out.qualifier =
      suffix.qualifier != model::Qualifier::none ? suffix.qualifier : first_qualifier(rest);
  if (open != std::string_view::npos) {
    auto close = rest.find(')', open);
    out.note = std::string(trim(rest.substr(
        open + 1, close == std::string_view::npos ? std::string_view::npos : close - open - 1)));
  }
  if (auto colon = out.unit.rfind(':'); colon != std::string::npos)
    out.unit = std::string(trim(std::string_view(out.unit).substr(colon + 1)));
  return out;
}

}  // namespace kpi::formats
