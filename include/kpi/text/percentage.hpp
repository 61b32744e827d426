#pragma once
// Percentages printed in text: "57.0%", "-3.5%", "57.0 %", "75,0%" (malformed, but printed as
// one). Works on normalised (NFKC) text, where ％ is '%' and − is '-'.
#include <cstddef>
#include <string_view>

namespace kpi::text {

// The per-mille sign ‰ (U+2030), which NFKC keeps: a rate printed in it is no percentage.
inline constexpr std::string_view per_mille_sign = "\xE2\x80\xB0";

// The percentage whose '%' is at `percent` in `normalized`: its sign, number and the '%'
// ("-3.5%"), or empty when no digit comes before the '%' (a header's "(%)"). The number is
// digits with '.' and ',', and spaces may stand between it and the '%'.
std::string_view percentage_at(std::string_view normalized, std::size_t percent);

// Whether `normalized` prints at least one percentage.
bool prints_a_percentage(std::string_view normalized);

}  // namespace kpi::text
