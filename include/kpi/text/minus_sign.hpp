#pragma once
// The minus sign of a printed number, shared by find_number (number.hpp) and the parser kit's
// value reader (formats/printed_value.hpp). Input must be normalised.
#include <cstddef>
#include <string_view>

namespace kpi::text {

// Where a minus sign written before the digit at `digit` starts: ▲ or △ (spaces allowed
// between: "▲ 441"), or "-", "−" (U+2212), "‐" (U+2010), "–" (U+2013) or "－" right before
// the digit and not after a letter or digit ("-5", not "1-07" or "R5.1-6"); npos if none.
std::size_t minus_sign_before(std::string_view s, std::size_t digit);

}  // namespace kpi::text
