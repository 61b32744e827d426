#pragma once
// The canonical CSV sheet any municipality can fill (docs/canonical.md): one row per KPI
// and fiscal year, columns by header name, values as printed.
#include <string_view>

#include "kpi/model/sheet.hpp"

namespace kpi::formats::canonical_csv {

int sniff(std::string_view text);
// `municipality` of every KPI comes from its own column, so one sheet may hold several.
model::ParseOutput parse(std::string_view text, std::string_view path);

}  // namespace kpi::formats::canonical_csv
