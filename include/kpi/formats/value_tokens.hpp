#pragma once
// Runs of value cells printed side by side on one line ("58.6 58.0 99.0% - ▲ 441 25以下"),
// as PDF text extraction leaves table rows.
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "kpi/model/value.hpp"

namespace kpi::formats {

// A word of a line (text::words) as printed and normalised: views into the printed line and
// into its normalised text, which must hold each word's text::normalize with the normalised
// whitespace between them (formats::WordedText builds both).
struct Word {
  std::string_view original;
  std::string_view normalized;
};

struct ValueToken {
  std::string_view original;                            // printed ("▲ 441", "99.0%", "－")
  std::string_view normalized;                          // NFKC of it
  std::optional<model::Decimal> number;                 // none for "-", "－", "―"
  model::Qualifier qualifier = model::Qualifier::none;  // 以上, 以下
  std::size_t begin = 0;                                // byte offset in the (original) line
};

struct ValueRun {
  std::vector<ValueToken> tokens;
  std::size_t begin = 0;  // byte offset in the line where the run starts (line size if empty)
};

// A single word that is a value cell (formats::read_value): a number with optional %, 以上 or
// 以下, or a dash. Its views are those of `word`.
std::optional<ValueToken> value_token(const Word& word);

// The longest run of value tokens that ends `words` (the words of `original_line`, in order,
// viewing into it); "▲ 441" counts as one token. Offsets are in `original_line`.
ValueRun trailing_value_run(std::span<const Word> words, std::string_view original_line);

}  // namespace kpi::formats
