#pragma once
// The unit a KPI name carries in a closing bracket when its table has no unit column:
// "企業誘致件数（件）" → "件", "新規就農者数（人/年）" → "人/年". Pure.
#include <string>
#include <string_view>

namespace kpi::formats {

// The bracket's text when it is a unit: a few characters, not a year or number ("（R5）"), not
// a remark (累計, 再掲, 速報, 見込み, 年度 …); "" otherwise. NFKC, spaces removed.
std::string unit_in_name(std::string_view name);

}  // namespace kpi::formats
