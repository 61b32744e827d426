#pragma once
// Diagnostics for a terminal at national scale: a rule that fires many times in one file is
// shown a few times, then summed up. Per file and rule the first `shown` diagnostics are
// kept in their place; the first one left out becomes a note
//   "… and N more <rule> in <file> (--verbose for all)"
// and the rest are dropped. Input order is kept. JSON and the other outputs keep every one.
#include <cstddef>
#include <vector>

#include "kpi/model/diagnostic_list.hpp"

namespace kpi::report {

inline constexpr std::size_t diagnostics_shown_per_rule = 3;

std::vector<model::Diagnostic> summarise_diagnostics(
    const model::DiagnosticList& diagnostics, std::size_t shown = diagnostics_shown_per_rule);

}  // namespace kpi::report
