#include "kpi/formats/printed_value.hpp"

#include <algorithm>

#include "kpi/text/minus_sign.hpp"
#include "kpi/text/number.hpp"
#include "kpi/text/qualifier.hpp"
#include "kpi/text/strings.hpp"

namespace kpi::formats {
namespace {

constexpr std::string_view about_mark = "約";

bool is_hiragana_at(std::string_view s, std::size_t i) {
  // U+3041..U+309F: E3 81 81 .. E3 82 9F.
  if (i + 2 >= s.size() || static_cast<unsigned char>(s[i]) != 0xE3) return false;
  auto b1 = static_cast<unsigned char>(s[i + 1]), b2 = static_cast<unsigned char>(s[i + 2]);
  return (b1 == 0x81 && b2 >= 0x81) || (b1 == 0x82 && b2 <= 0x9F);
}

}  // namespace

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

namespace {

// Where the unit after a number at s[from] ends: after a "%", else where the first qualifier
// word starts, else at the end.
std::size_t unit_end_at(std::string_view s, std::size_t from) {
  if (from < s.size() && s[from] == '%') return from + 1;
  auto word = text::first_qualifier_word(s.substr(from));
  return word ? from + word->begin : s.size();
}

}  // namespace

ValueSuffix suffix_at(std::string_view s, std::size_t from, std::size_t end) {
  s = s.substr(0, end);
  from = std::min(from, s.size());
  ValueSuffix out;
  out.unit_end = unit_end_at(s, from);
  if (from < s.size() && s[from] == '%')
    out.unit.assign(1, '%');  // not = "%": GCC 12 warns (-Wrestrict) on it
  else
    out.unit = text::squeeze_spaces(s.substr(from, out.unit_end - from));
  out.end = out.unit_end;
  if (auto word = qualifier_at(s, out.unit_end)) {
    out.qualifier = word->qualifier;
    out.end = word->end;
  }
  return out;
}

model::Qualifier suffix_qualifier_at(std::string_view s, std::size_t from, std::size_t end) {
  s = s.substr(0, end);
  auto word = qualifier_at(s, unit_end_at(s, std::min(from, s.size())));
  return word ? word->qualifier : model::Qualifier::none;
}

std::optional<PrintedValue> read_value(std::string_view s, std::size_t digit, std::size_t floor,
                                       std::size_t end) {
  s = s.substr(0, end);
  auto number = number_at(s, digit, floor);
  if (!number) return std::nullopt;
  return PrintedValue{*number, suffix_at(s, number->end, end)};
}

}  // namespace kpi::formats
