#pragma once
// Runs of value cells printed side by side on one line ("58.6 58.0 99.0% - ▲ 441 25以下"),
// as PDF text extraction leaves table rows.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kpi/model/value.hpp"

namespace kpi::formats {

struct ValueToken {
  std::string original;                                 // printed text ("▲ 441", "99.0%", "－")
  std::string normalized;                               // NFKC of it
  std::optional<model::Decimal> number;                 // none for "-", "－", "―"
  model::Qualifier qualifier = model::Qualifier::none;  // 以上, 以下
  std::size_t begin = 0;                                // byte offset in the (original) line
};

struct ValueRun {
  std::vector<ValueToken> tokens;
  std::size_t begin = 0;  // byte offset in the line where the run starts (line size if empty)
};

// A single word that is a value cell (formats::read_value): a number with optional %, 以上 or
// 以下, or a dash.
std::optional<ValueToken> value_token(std::string_view original_word);

// The longest run of value tokens that ends the line; "▲ 441" counts as one token.
ValueRun trailing_value_run(std::string_view original_line);

}  // namespace kpi::formats
