#pragma once
// Diagnostics for a terminal at national scale: a rule that fires many times in one file is
// shown a few times, then summed up. Per file and rule the first `shown` diagnostics are
// kept in their place; the first one left out becomes a note
//   "… and N more <rule> in <file> (--verbose for all)"
// and the rest are dropped. Input order is kept. JSON and the other outputs keep every one.
// `report` and `convert` sum up every diagnostic on stderr; `check`'s text and GitHub output
// keep every error (each one fails the run) and sum up the rest.
#include <cstddef>
#include <string_view>
#include <vector>

#include "kpi/model/diagnostic_list.hpp"

namespace kpi::model {

inline constexpr std::size_t diagnostics_shown_per_rule = 3;

enum class Summed { every_severity, all_but_errors };  // which diagnostics may be summed up

std::vector<Diagnostic> summarise_diagnostics(const DiagnosticList& diagnostics,
                                              std::size_t shown = diagnostics_shown_per_rule,
                                              Summed summed = Summed::every_severity);

// The note that stands for the diagnostics of one rule in one file left out of a summary:
// "… and 12 more input.merge-conflict in data/x.tsv (--verbose for all)", code
// "output.summarised", severity note, located at the file.
Diagnostic summarised_note(std::string_view path, std::string_view code, std::size_t more);

}  // namespace kpi::model
