#include "kpi/formats/printed_value.hpp"

#include <algorithm>

#include "kpi/text/minus_sign.hpp"
#include "kpi/text/number.hpp"
#include "kpi/text/strings.hpp"

namespace kpi::formats {
namespace {

struct Word {
  std::string_view word;
  model::Qualifier qualifier;
};
// Longest first: "以上を維持" keeps a level reached, it is not "以上" with text after it.
constexpr Word qualifier_words[] = {
    {"以上を維持", model::Qualifier::keep}, {"以下を維持", model::Qualifier::keep},
    {"を維持", model::Qualifier::keep},     {"以上", model::Qualifier::at_least},
    {"以下", model::Qualifier::at_most},    {"程度", model::Qualifier::about}};

constexpr std::string_view about_mark = "約";

// Offset of the first qualifier word in s, or s.size().
std::size_t first_qualifier_word(std::string_view s) {
  std::size_t first = s.size();
  for (const auto& w : qualifier_words) first = std::min(first, s.find(w.word));
  return first;
}

bool is_hiragana_at(std::string_view s, std::size_t i) {
  // U+3041..U+309F: E3 81 81 .. E3 82 9F.
  if (i + 2 >= s.size() || static_cast<unsigned char>(s[i]) != 0xE3) return false;
  auto b1 = static_cast<unsigned char>(s[i + 1]), b2 = static_cast<unsigned char>(s[i + 2]);
  return (b1 == 0x81 && b2 >= 0x81) || (b1 == 0x82 && b2 <= 0x9F);
}

}  // namespace

std::optional<QualifierWord> qualifier_at(std::string_view s, std::size_t i) {
  for (const auto& w : qualifier_words)
    if (s.substr(std::min(i, s.size()), w.word.size()) == w.word)
      return QualifierWord{w.qualifier, i + w.word.size()};
  return std::nullopt;
}

model::Qualifier first_qualifier(std::string_view s) {
  auto word = qualifier_at(s, first_qualifier_word(s));
  return word ? word->qualifier : model::Qualifier::none;
}

bool is_prose(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    if (is_hiragana_at(text, i) && text.substr(i, 3) != "か") return true;
    i += static_cast<std::size_t>(text::utf8_length(static_cast<unsigned char>(text[i])));
  }
  return false;
}

std::optional<PrintedNumber> number_at(std::string_view s, std::size_t digit, std::size_t floor) {
  auto token = text::find_number(s, digit);  // from `digit`: the digits alone, no sign
  if (!token || token->begin != digit) return std::nullopt;
  PrintedNumber out{token->number, digit, token->end, false};
  if (auto sign = text::minus_sign_before(s, digit);
      sign != std::string_view::npos && sign >= floor) {
    out.begin = sign;
    out.number.units = -out.number.units;
  }
  if (out.begin >= floor + about_mark.size() &&
      s.substr(out.begin - about_mark.size(), about_mark.size()) == about_mark) {
    out.begin -= about_mark.size();
    out.about = true;
  }
  return out;
}

ValueSuffix suffix_at(std::string_view s, std::size_t from, std::size_t end) {
  s = s.substr(0, end);
  from = std::min(from, s.size());
  ValueSuffix out;
  if (from < s.size() && s[from] == '%') {
    out.unit.assign(1, '%');  // not = "%": GCC 12 warns (-Wrestrict) on it
    out.unit_end = from + 1;
  } else {
    out.unit_end = from + first_qualifier_word(s.substr(from));
    out.unit = text::squeeze_spaces(s.substr(from, out.unit_end - from));
  }
  out.end = out.unit_end;
  if (auto word = qualifier_at(s, out.unit_end)) {
    out.qualifier = word->qualifier;
    out.end = word->end;
  }
  return out;
}

std::optional<PrintedValue> read_value(std::string_view s, std::size_t digit, std::size_t floor,
                                       std::size_t end) {
  s = s.substr(0, end);
  auto number = number_at(s, digit, floor);
  if (!number) return std::nullopt;
  return PrintedValue{*number, suffix_at(s, number->end, end)};
}

}  // namespace kpi::formats
