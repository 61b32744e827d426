#pragma once
// Cutting and wrapping UTF-8 text to terminal columns (measured by display_width).
#include <string>
#include <string_view>
#include <vector>

namespace kpi::text {

// `utf8` when it fits in `width` columns, else its longest prefix that fits with "…" after it
// ("…" is ambiguous: 1 or 2 columns; "" when not even it fits).
std::string cut_to_width(std::string_view utf8, int width, int ambiguous_width = 1);
// `utf8` broken into lines of at most `width` columns (`later_width` for the lines after the
// first, when given): at spaces or after 、：）。 where it can, inside a word where it must;
// a character wider than the line becomes "…". At least one line.
std::vector<std::string> wrap_to_width(std::string_view utf8, int width, int ambiguous_width = 1,
                                       int later_width = -1);

}  // namespace kpi::text
