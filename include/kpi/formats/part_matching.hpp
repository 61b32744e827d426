#pragma once
// A KPI row whose cells hold several values (areas, school years, a total and its parts, one
// value per unit): which value of each cell belongs to which KPI.
#include <string>
#include <vector>

#include "kpi/formats/value_parts.hpp"

namespace kpi::formats {

// The value of one cell assigned to a group, or why none could be.
struct PartMatch {
  const ValuePart* part = nullptr;
  std::string why_absent;  // "" when matched, or when the cell prints no value at all
};

struct PartGroup {
  std::string label;  // "直江津", "小学6年生", "ほくほく線", "組"; "" = no label
  std::vector<PartMatch> matches;  // one per cell, in the order of `cells`
};

// One group per value of `cells[defining]` (or of the first cell that has values when that one
// has none; a single group when no cell has any), each with the value of every cell that
// belongs to it: by position when the counts agree and the labels do not contradict, else by
// label ("小学6年" matches "小学6年生", "小学校・国語" matches "小学校の…平均"). A value is
// only assigned when exactly one candidate fits best.
std::vector<PartGroup> match_parts(const std::vector<const ValueCell*>& cells,
                                   std::size_t defining);

}  // namespace kpi::formats
