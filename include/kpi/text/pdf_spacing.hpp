#pragma once
// Spaces that PDF text extraction puts where the printed page has none: between a number and
// its unit or counter ("1 歳児", "R4 年度"), and between letters set one by one ("L I N E",
// "金沢M a a S", "D X 支援"), and before a bracket after Japanese text ("件数 (累計)").
// Input must be normalised; other spaces are kept (squeezed).
#include <string>
#include <string_view>

namespace kpi::text {

std::string close_pdf_gaps(std::string_view normalized);

}  // namespace kpi::text
