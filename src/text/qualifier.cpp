#include "kpi/text/qualifier.hpp"

#include <algorithm>

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

}  // namespace

std::optional<QualifierWord> qualifier_at(std::string_view s, std::size_t i) {
  i = std::min(i, s.size());
  for (const auto& w : qualifier_words)
    if (s.substr(i, w.word.size()) == w.word)
      return QualifierWord{w.qualifier, i, i + w.word.size()};
  return std::nullopt;
}

std::optional<QualifierWord> first_qualifier_word(std::string_view s) {
  std::size_t first = s.size();
  for (const auto& w : qualifier_words) first = std::min(first, s.find(w.word));
  return qualifier_at(s, first);
}

model::Qualifier first_qualifier(std::string_view s) {
  auto word = first_qualifier_word(s);
  return word ? word->qualifier : model::Qualifier::none;
}

}  // namespace kpi::text
