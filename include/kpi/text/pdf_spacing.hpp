#pragma once
// Spaces that PDF text extraction puts where the printed page has none: between a number and
// its unit or counter ("1 歳児", "R4 年度"), and between letters set one by one ("L I N E",
// "金沢M a a S", "D X 支援"), and before a bracket after Japanese text ("件数 (累計)").
// Input must be normalised; other spaces are kept (squeezed).
#include <string>
#include <string_view>
#include <vector>

namespace kpi::text {

std::string close_pdf_gaps(std::string_view normalized);

// For the words of a normalised text (text::words): gaps[i] is true when the space between
// words[i] and words[i + 1] is such an artefact. close_pdf_gaps joins the words by it; a
// layout that keeps printed text uses it to drop the same spaces from the original.
std::vector<bool> pdf_gaps(const std::vector<std::string_view>& words);

}  // namespace kpi::text
