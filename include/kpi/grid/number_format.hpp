#pragma once
// Cells as Excel shows them: a stored numeric value under its number format code.
// Rounding is exact on the decimal text (half away from zero), after Excel's own rounding of
// the stored binary value to 15 significant digits (0.14249999999999999 shows as 14.3% under
// 0.0%, as in Excel).
#include <string>
#include <string_view>

namespace kpi::grid {

// "0.91666666666666663" under "0.0%" → "91.7%"; "11499" under "#,##0" → "11,499";
// "45017" under [$-ja-JP]ggge"年"m"月"d"日" → "令和5年4月1日". Supports General (up to 11
// significant digits, scientific beyond), 0 # ? placeholders, thousands separators, %,
// E+00, quoted and escaped literals, [Red]-style colours and [$-411] locales (ignored),
// [$¥-411] currency symbols, up to four ;-separated sections (positive;negative;zero;text),
// and date/time codes (y m d h s, aaa weekdays, g/gg/ggg eras and e era years of 和暦, 1900
// date system). A stored value that is not a number comes back unchanged.
std::string format_number(std::string_view stored_value, std::string_view number_format);

// The format code of a built-in xlsx numFmtId as a Japanese-locale Excel shows it (14 →
// "yyyy/m/d", 58 → [$-411]ggge"年"m"月"d"日"); "" for an id with no built-in format.
std::string_view builtin_number_format(int id);

// True when the format shows a date or time (y m d h s g e aaa codes outside literals).
bool is_date_format(std::string_view number_format);

// The 1900-system serial number of an ISO date or date-time ("2023-04-01" → "45017",
// "2023-04-01T12:00:00" → "45017.5"); "" when the text is not such a date.
std::string serial_from_iso_date(std::string_view iso);

}  // namespace kpi::grid
