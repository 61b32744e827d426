#pragma once
// One normalised form of a KPI name for every city, used for matching: NFKC (full-width
// "（累計）" = "(累計)"), spacing removed except one space between two ASCII letters or digits
// (PDF extraction spaces Japanese text at random; "KOGEI Art Gallery" keeps its words).
#include <string>
#include <string_view>

namespace kpi::text {

std::string name_form(std::string_view printed);

}  // namespace kpi::text
