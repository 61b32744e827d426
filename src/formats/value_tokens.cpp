#include "kpi/formats/value_tokens.hpp"

#include <algorithm>

#include "kpi/formats/printed_value.hpp"
#include "kpi/text/number.hpp"
#include "kpi/text/strings.hpp"

namespace kpi::formats {
namespace {

bool is_minus_mark(std::string_view normalized) {
  return normalized == "▲" || normalized == "△";
}

// A table cell of the PDF holds a bare value: nothing after the number, or only "%", 以上, 以下.
bool is_value_suffix(std::string_view rest) {
  return rest.empty() || rest == "%" || rest == "以上" || rest == "以下";
}

// The last character of a number cell: a digit, or that of a suffix is_value_suffix takes.
bool may_end_number_cell(std::string_view s) {
  if (s.empty()) return false;
  char last = s.back();  // 上 ends in 8A, 下 in 8B: most words are told by their last byte
  if (text::is_ascii_digit(last) || last == '%') return true;
  return (last == '\x8A' || last == '\x8B') && (s.ends_with("以上") || s.ends_with("以下"));
}

// The text from the first view's start to the second's end, both viewing into one line.
std::string_view spanning(std::string_view first, std::string_view last) {
  return {first.data(), static_cast<std::size_t>(last.data() + last.size() - first.data())};
}

}  // namespace

std::optional<ValueToken> value_token(const Word& word) {
  ValueToken t{word.original, word.normalized, std::nullopt, model::Qualifier::none, 0};
  std::string_view s = word.normalized;
  // A number ends at a digit, so a number cell ends with a digit or a value suffix. Any other
  // word (a line of prose) is a dash or nothing, told without a search for its first digit.
  if (!may_end_number_cell(s)) return text::is_no_value(s) ? std::optional(t) : std::nullopt;
  auto digit =
      static_cast<std::size_t>(std::find_if(s.begin(), s.end(), text::is_ascii_digit) - s.begin());
  // "-", "―": no value; such a word has no digit, and a word without one is no number either.
  if (digit == s.size()) return text::is_no_value(s) ? std::optional(t) : std::nullopt;
  // The number must open the word and end it but for its suffix: checked before the suffix
  // is read, so that a line of prose costs no more than the search for its first digit.
  auto number = number_at(s, digit, 0);
  if (!number || number->begin != 0) return std::nullopt;
  auto suffix = s.substr(number->end);
  if (!is_value_suffix(suffix)) return std::nullopt;
  t.number = number->number;
  // read_value's suffix: nothing and "%" carry no qualifier, so only 以上 and 以下 are read.
  if (suffix.size() > 1) t.qualifier = suffix_qualifier_at(s, number->end, s.size());
  return t;
}

ValueRun trailing_value_run(std::span<const Word> words, std::string_view original_line) {
  ValueRun run;
  run.begin = original_line.size();
  auto offset = [&](std::string_view w) {
    return static_cast<std::size_t>(w.data() - original_line.data());
  };
  std::size_t i = words.size();
  while (i > 0) {
    auto token = value_token(words[i - 1]);
    if (!token) break;
    token->begin = offset(words[i - 1].original);
    --i;
    // "▲ 441": a minus mark written apart from its number, read with it.
    if (token->number && i > 0 && is_minus_mark(words[i - 1].normalized)) {
      Word signed_word{spanning(words[i - 1].original, words[i].original),
                       spanning(words[i - 1].normalized, words[i].normalized)};
      if (auto signed_token = value_token(signed_word)) {
        token = signed_token;
        token->begin = offset(words[i - 1].original);
        --i;
      }
    }
    run.begin = token->begin;
    if (run.tokens.empty()) run.tokens.reserve(i + 1);  // room for every word left: one allocation
    run.tokens.push_back(*token);  // right to left; inserting in front is quadratic
  }
  std::reverse(run.tokens.begin(), run.tokens.end());
  return run;
}

}  // namespace kpi::formats
