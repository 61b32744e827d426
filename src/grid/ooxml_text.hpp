#pragma once
// Text as OOXML stores it (private to src/grid/): _xHHHH_ escapes of characters XML cannot
// hold (Excel writes a line break typed with Alt+Enter as "\n", sometimes "_x000D_\n").
#include <string>
#include <string_view>

namespace kpi::grid {

// Decodes _xHHHH_ escapes and turns CRLF and lone CR into "\n".
std::string decode_ooxml_text(std::string_view stored);

}  // namespace kpi::grid
