#pragma once
// Escaping for markup writers (HTML, JUnit XML).
#include <string>
#include <string_view>

namespace kpi::report {

// & < > " ' as entities; control characters other than tab and newline (and DEL) become spaces
// (XML 1.0 cannot carry them).
std::string escape_markup(std::string_view s);

}  // namespace kpi::report
