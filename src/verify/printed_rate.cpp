#include "kpi/verify/printed_rate.hpp"

#include "kpi/text/number.hpp"

namespace kpi::verify {

bool is_printed(const model::Value& published_rate) {
  return published_rate.has_number() || !published_rate.workbook->formula.empty() ||
         !text::is_no_value(published_rate.text);
}

}  // namespace kpi::verify
