#include "kpi/text/qualifier.hpp"

#include <algorithm>
#include <array>

namespace kpi::text {
namespace {

struct Word {
  std::string_view word;
  model::Qualifier qualifier;
};
constexpr Word qualifier_words[] = {
    {"以上を維持", model::Qualifier::keep}, {"以下を維持", model::Qualifier::keep},
    {"を維持", model::Qualifier::keep},     {"以上", model::Qualifier::at_least},
    {"以下", model::Qualifier::at_most},    {"程度", model::Qualifier::about}};

// The bytes a qualifier word opens with (以 を 程: E4 E3 E7).
constexpr auto opens_a_word = [] {
  std::array<bool, 256> table{};
  for (const auto& w : qualifier_words) table[static_cast<unsigned char>(w.word[0])] = true;
  return table;
}();

}  // namespace

std::optional<QualifierWord> qualifier_at(std::string_view s, std::size_t i) {
  i = std::min(i, s.size());
  for (const auto& w : qualifier_words)
    if (s.substr(i, w.word.size()) == w.word)
      return QualifierWord{w.qualifier, i, i + w.word.size()};
  return std::nullopt;
}

std::optional<QualifierWord> first_qualifier_word(std::string_view s) {
  // The earliest word: the table is asked only where a byte may open one, so the text after
  // a value ("人", "%", "") costs one pass over its bytes.
  for (std::size_t i = 0; i < s.size(); ++i)
    if (opens_a_word[static_cast<unsigned char>(s[i])])
      if (auto word = qualifier_at(s, i)) return word;
  return std::nullopt;
}

model::Qualifier first_qualifier(std::string_view s) {
  auto word = first_qualifier_word(s);
  return word ? word->qualifier : model::Qualifier::none;
}

}  // namespace kpi::text
