#pragma once
// Shared text rendering of model values for the human-readable writers.
#include <string>

#include "kpi/model/indicator.hpp"

namespace kpi::report {

// model::shown (kept here for the writers).
std::string shown(const model::Value& v);
// The target a year's rate is measured against: the year's own, else the final target.
std::string shown_target(const model::Indicator& ind, const model::Observation& o);
// The recomputed rate at the published precision (one decimal when none was published).
std::string recomputed_text(const model::Observation& o);
// model::display_id (kept here for the writers).
std::string display_id(const model::Indicator& ind);
// The direction for people: "increase", "increase (assumed)" when nothing in the sheet says
// so, `unknown` when there is none.
std::string direction_label(const model::Indicator& ind, const char* unknown = "");
// Pads or truncates UTF-8 text to `width` terminal columns (text::display_width, ambiguous-
// width characters counted as `ambiguous_width`).
std::string fit(const std::string& s, int width, bool right_align = false, int ambiguous_width = 1);

}  // namespace kpi::report
