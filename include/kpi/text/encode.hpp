#pragma once
// UTF-8 text -> bytes in a legacy charset (the CSV report's --encoding cp932), with ICU.
// A character the charset has no code for is written as its NFKC compatibility form when the
// charset has that (m³ -> m3, ｍ² -> m2); otherwise it is reported, never replaced by "?".
#include <optional>
#include <string>
#include <string_view>

namespace kpi::text {

struct Encoded {
  std::string bytes;
  // The first character without a code in the charset nor an NFKC form that has one (its
  // UTF-8 text); bytes is then empty.
  std::optional<std::string> unmappable;
  int substituted = 0;  // characters written as their NFKC form
};

// `utf8` (well-formed) in `charset`, an ICU converter name such as "windows-31j" (cp932).
// Throws std::runtime_error when ICU has no such converter.
Encoded encode(std::string_view utf8, const char* charset);

// "U+301C": the code point of the first character of `utf8`.
std::string code_point_name(std::string_view utf8);

}  // namespace kpi::text
