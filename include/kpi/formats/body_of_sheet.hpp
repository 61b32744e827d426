#pragma once
// Which public body a sheet is of. A text layout fixes its city's conventions, but a sheet
// laid out like Joetsu's may be another city's: its title says which (docs/formats.md).
#include <string_view>
#include <vector>

#include "kpi/model/sheet.hpp"

namespace kpi::formats {

// Names the body of each KPI of a text layout's sheet from the title above its first KPI
// row in `text`: the printed name (小川市), and that body's profile when one has its name.
// A KPI whose body is still unnamed takes its profile's name (see name_body_from_profile).
void name_body_from_title(std::vector<model::Indicator>& indicators, std::string_view text);

// A cell naming a KPI's body (a 市町村 column, canonical CSV's municipality): a printed name
// (新田市) names it, with its profile's slug when one has that name, else "unknown"; an ASCII
// cell is a slug (lower case; "unknown" when it is not one) with its profile's name.
void name_body_from_cell(model::Indicator& ind, std::string_view cell);

// A KPI whose body is unnamed takes its profile's name ("takaoka" → 高岡市); with no
// profile it stays unnamed.
void name_body_from_profile(std::vector<model::Indicator>& indicators);

}  // namespace kpi::formats
