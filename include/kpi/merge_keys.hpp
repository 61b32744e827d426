#pragma once
// How merging compares KPIs of different files: forgiving width, case and spacing, and
// telling a likely typo from a new KPI.
#include <string>
#include <string_view>
#include <vector>

namespace kpi {

// A municipality slug for matching: ASCII case folded, spaces trimmed ("Takaoka" = "takaoka").
std::string municipality_key(std::string_view municipality);

// An id for matching: NFKC (full-width "No.３" = "No.3"), case folded ("no.3"), no spaces.
std::string id_key(std::string_view id);

// A name for matching: kpi::text::name_form (NFKC, PDF spacing removed).
std::string name_key(std::string_view name);

// The code points of UTF-8 text, one view each (enough to count edits).
std::vector<std::string_view> code_points(std::string_view s);

// Edit distance (insertions, deletions, substitutions of code points) of two keys.
std::size_t edit_distance(std::string_view a, std::string_view b);

// True when two different keys are one or two edits apart (a likely typo). Keys shorter than
// four code points must be a single edit apart.
bool is_near(std::string_view a, std::string_view b);

}  // namespace kpi
