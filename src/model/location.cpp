#include <fmt/format.h>

#include "kpi/model/indicator.hpp"

namespace kpi::model {

std::string location_text(const SourceLocation& loc) {
  if (!loc.sheet.empty()) {
    if (!loc.cell.empty())
      return fmt::format("{}:{}!{}", loc.path, loc.sheet, loc.cell.name().view());
    if (loc.line > 0) return fmt::format("{}:{}!{}", loc.path, loc.sheet, loc.line);
    return fmt::format("{}:{}", loc.path, loc.sheet);
  }
  return loc.line > 0 ? fmt::format("{}:{}", loc.path, loc.line) : loc.path.str();
}

std::string input_text(const SourceLocation& loc) {
  return location_text({loc.path, 0, loc.sheet, {}});
}

const char* to_string(RateFormula formula) {
  switch (formula) {
    case RateFormula::progress:
      return "progress";
    case RateFormula::ratio:
      return "ratio";
    case RateFormula::two_minus_ratio:
      return "two_minus_ratio";
    case RateFormula::by_direction:
      break;
  }
  return nullptr;
}

}  // namespace kpi::model
