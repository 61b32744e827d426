#pragma once
// Qualifier words printed after a value (input must be normalised): 以上を維持 and 以下を維持
// (keep a level reached), を維持 (keep), 以上 (at least), 以下 (at most), 程度 (about). The
// one table every reader uses; longest first, so 以上を維持 is not 以上 with text after it.
#include <cstddef>
#include <optional>
#include <string_view>

#include "kpi/model/value.hpp"

namespace kpi::text {

struct QualifierWord {
  model::Qualifier qualifier = model::Qualifier::none;
  std::size_t begin = 0;  // where the word starts
  std::size_t end = 0;    // past the word
};

// The qualifier word at s[i], if one starts there.
std::optional<QualifierWord> qualifier_at(std::string_view s, std::size_t i);
// The first qualifier word printed in `s`.
std::optional<QualifierWord> first_qualifier_word(std::string_view s);
// Its qualifier; none when `s` has no qualifier word.
model::Qualifier first_qualifier(std::string_view s);

}  // namespace kpi::text
