#pragma once
// Kanazawa: the value part of a KPI line, "baseline (period) → target (period)", e.g.
// "14,593 件（R4 年度までの累計） → 30,000 件（R10）" or "780 人（R4） → 1,000
// 人以上を維持（R6～R10）".
#include <cstddef>
#include <optional>
#include <string>

#include "kpi/model/value.hpp"
#include "kpi/text/mapped.hpp"

namespace kpi::formats::kanazawa {

// One side of the arrow.
struct ValueCell {
  model::Value value;  // the number (if any) and the printed text without the period: "5,659 人"
  std::string unit;    // normalised, without qualifier: "人", "%", "校下(地区)", "千t-CO₂"
  model::Qualifier qualifier = model::Qualifier::none;
  std::string qualifier_text;  // normalised: "以上を維持", "以上"
  std::string period;  // normalised text in the brackets: "R4 年度までの累計", "R6～R10"
  std::optional<int> fiscal_year;  // the period's last year: (R4) → 2022, (R6～R10) → 2028
  bool cumulative = false;         // the period says 累計 ("R4 年度までの累計")
};

struct KpiValues {
  std::size_t begin = 0;  // normalised offset of the baseline; text before it is the KPI name
  ValueCell baseline;
  ValueCell target;
};

struct ValuesRead {
  std::optional<KpiValues> values;
  std::string problem;  // why a text with an arrow could not be read ("" when there is no arrow)
};

// Reads "[name] baseline (period) → target (period)" in line.normalized[begin, end).
ValuesRead read_values(const text::MappedText& line, std::size_t begin, std::size_t end);

}  // namespace kpi::formats::kanazawa
