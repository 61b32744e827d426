#pragma once
// The parser kit's value grammar: ONE printed value, in normalised text (text::normalize),
//   [約] [▲ | △ | -] number [% | unit] [以上 | 以下 | 程度 | を維持 | 以上を維持 | 以下を維持]
// as in "589,989百万円", "▲ 441", "約32,000件/年", "1,000 人以上を維持". The bracketed time
// point after it ("(R3)", "（R6～R10）", "(R4 年度までの累計)") is read by time_point.hpp.
//
// Each layout splits its cells its own way and reads every value there with this:
//   Joetsu   value_parts.cpp      labelled values, breakdown brackets, a ※ remark
//   Toyama   cell_values.cpp      values side by side in a cell, split at spaces
//   Takaoka  value_tokens.cpp     the run of one-word values that ends a PDF row
//   Kanazawa kanazawa_values.cpp  "baseline (period) → target (period)"
// Grammar each of those used to carry itself, and where it is now:
//   minus sign ▲/△/-, also "▲ 441" (value_parts, cell_values, value_tokens) → number_at,
//     on text::minus_sign_before (the one find_number uses)
//   約 before the number (value_parts) → number_at
//   qualifier words (value_parts, kanazawa_values, value_tokens, text::parse_cell via
//     cell_values) → qualifier_at, first_qualifier
//   the unit: "%" alone, else up to a qualifier (value_parts, kanazawa_values,
//     text::parse_cell via cell_values) → suffix_at, read_value
//   hiragana marks prose, not a unit (value_parts, kanazawa_values) → is_prose
//   the bracketed time point (value_parts, kanazawa_values) → time_point.hpp
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "kpi/model/value.hpp"
#include "kpi/text/qualifier.hpp"

namespace kpi::formats {

// Qualifier words: text::qualifier_at / text::first_qualifier (kpi/text/qualifier.hpp).
using text::first_qualifier;
using text::qualifier_at;
using text::QualifierWord;

// Text after a number that is prose, not a unit: it holds hiragana other than か
// ("の組織において…"; "か所" is a unit).
bool is_prose(std::string_view text);

// The number whose first digit is at `digit`, with a minus sign (▲, △, "▲ 441", "-5" but not
// "1-07") and 約 written before it, looked for back to `floor`.
struct PrintedNumber {
  model::Decimal number;  // signed
  std::size_t begin = 0;  // 約, the sign or the first digit
  std::size_t end = 0;    // past the last digit
  bool about = false;     // 約
};
std::optional<PrintedNumber> number_at(std::string_view s, std::size_t digit,
                                       std::size_t floor = 0);

// What follows a number in s[from, end): "%" alone, or the unit up to the first qualifier
// word; then that word.
struct ValueSuffix {
  std::string unit;  // "%", "人", "個/年", "校下(地区)": spaces squeezed; "" when none
  std::size_t unit_end = 0;  // where the qualifier starts, else where the unit ends
  model::Qualifier qualifier = model::Qualifier::none;
  std::size_t end = 0;  // past the qualifier, else unit_end; text from here on is not read
};
ValueSuffix suffix_at(std::string_view s, std::size_t from, std::size_t end);
// suffix_at(s, from, end).qualifier, without making the unit's text.
model::Qualifier suffix_qualifier_at(std::string_view s, std::size_t from, std::size_t end);

// ONE value in s[.., end) whose first digit is at `digit`: number_at, then suffix_at.
struct PrintedValue {
  PrintedNumber number;
  ValueSuffix suffix;
  std::size_t begin() const { return number.begin; }
  std::size_t end() const { return suffix.end; }
};
std::optional<PrintedValue> read_value(std::string_view s, std::size_t digit, std::size_t floor,
                                       std::size_t end);

}  // namespace kpi::formats
