#pragma once
// A cell's shown text against its stored value: an OpenDocument cell keeps both, its value
// (office:value="0.95") and the text last shown (<text:p>90.0%</text:p>), and a file written
// by hand or by a program may let them disagree. LibreOffice shows the value on opening.
#include <optional>
#include <string>
#include <string_view>

namespace kpi::grid {

// The text `shown` would be if it printed `value` (a plain decimal): its number replaced by
// the value rounded half away from zero at the same decimals, times 100 when a '%' follows
// ("90.0%" for 0.95 gives "95.0%"). None when it prints the value already, or prints no
// number, or one with anything but a '%' around it (¥, 円, a note) that is not compared.
std::optional<std::string> shown_with_value(std::string_view shown, std::string_view value);

}  // namespace kpi::grid
