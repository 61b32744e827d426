#pragma once
// What every layout's parse() guarantees for any text, whatever the bytes: the contract the
// fuzz targets (tests/fuzz/) abort on and the replay of their findings checks.
#include <string>
#include <string_view>
#include <vector>

#include "kpi/model/sheet.hpp"

namespace kpi::testing {

// Each broken rule, as a sentence; empty when `out` keeps the contract:
// - rows_read == rows_used + skipped, at least rows_used indicators;
// - one input.skipped-row warning per skipped row, each with a reason;
// - every message non-empty;
// - every location in `path` inside the text (line 0 = the whole file; locations in other
//   files, which kpi-json keeps from the sheet it was made from, are not checked);
// - when `text` is UTF-8, every string of the output is UTF-8 (the JSON writer needs it).
std::vector<std::string> parse_contract_violations(const model::ParseOutput& out,
                                                   std::string_view text, std::string_view path);

}  // namespace kpi::testing
