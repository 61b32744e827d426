#pragma once
// The plan's levels above a KPI (kpi::model::PlanLevel), read from headings as printed.
#include <string>
#include <string_view>

#include "kpi/model/indicator.hpp"

namespace kpi::formats {

// The code a bracketed heading gives after `word`: "【基本目標1】…" with 基本目標 → "1",
// "【基本的方向：ア】…" / "[基本的方向:エ]…" / "【基本的方向・ア】…" with 基本的方向 → "ア".
// `normalized` is NFKC text. "" when there is none.
std::string bracket_code(std::string_view normalized, std::string_view word);

// A plan level; an empty title gives no level (callers skip it).
model::PlanLevel plan_level(std::string level, std::string code, std::string_view title);

// Appends `level` to `path` when it has a title.
void add_level(std::vector<model::PlanLevel>& path, model::PlanLevel level);

}  // namespace kpi::formats
