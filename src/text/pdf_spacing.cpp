#include "kpi/text/pdf_spacing.hpp"

#include <vector>

#include "kpi/text/strings.hpp"

namespace kpi::text {
namespace {

bool is_letter(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool is_non_ascii(char c) {
  return static_cast<unsigned char>(c) >= 0x80;
}

// "X" or "金沢M": ends with a letter that is not part of a longer Latin word.
bool ends_with_lone_letter(std::string_view w) {
  return is_letter(w.back()) && (w.size() == 1 || !is_letter(w[w.size() - 2]));
}
// "a" or "S※10の推進": starts with a letter that is not part of a longer Latin word.
bool starts_with_lone_letter(std::string_view w) {
  return is_letter(w.front()) && (w.size() == 1 || !is_letter(w[1]));
}

bool letters_set_apart(std::string_view a, std::string_view b) {
  return ends_with_lone_letter(a) && starts_with_lone_letter(b);
}

// "件数 (累計)": Japanese sets no space before a bracket (full-width in print, "(" once
// normalised).
bool before_bracket(std::string_view a, std::string_view b) {
  return is_non_ascii(a.back()) && b.front() == '(';
}

bool number_and_counter(std::string_view a, std::string_view b) {
  return (is_ascii_digit(a.back()) && is_non_ascii(b.front())) ||
         (is_non_ascii(a.back()) && is_ascii_digit(b.front()));
}

// Whether the space between words[i] and words[i + 1] is an extraction artefact.
bool is_gap(const std::vector<std::string_view>& words, std::size_t i) {
  auto a = words[i], b = words[i + 1];
  if (letters_set_apart(a, b) || number_and_counter(a, b) || before_bracket(a, b)) return true;
  // The edges of a run of spaced letters: "の D X 支援" -> "のDX支援".
  bool run_before = i > 0 && letters_set_apart(words[i - 1], a);
  bool run_after = i + 2 < words.size() && letters_set_apart(b, words[i + 2]);
  return (run_before && is_non_ascii(b.front())) || (run_after && is_non_ascii(a.back()));
}

}  // namespace

std::vector<bool> pdf_gaps(const std::vector<std::string_view>& words) {
  std::vector<bool> out;
  for (std::size_t i = 0; i + 1 < words.size(); ++i) out.push_back(is_gap(words, i));
  return out;
}

std::string close_pdf_gaps(std::string_view normalized) {
  auto w = words(normalized);
  auto gaps = pdf_gaps(w);
  std::string out;
  for (std::size_t i = 0; i < w.size(); ++i) {
    out += w[i];
    if (i < gaps.size() && !gaps[i]) out += ' ';
  }
  return out;
}

}  // namespace kpi::text
