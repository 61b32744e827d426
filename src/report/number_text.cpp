#include "kpi/report/number_text.hpp"

namespace kpi::report {

std::string grouped_number(const model::Decimal& number) {
  auto text = number.to_string();
  std::size_t start = !text.empty() && text.front() == '-' ? 1 : 0;
  auto point = text.find('.');
  std::size_t end = point == std::string::npos ? text.size() : point;
  std::string out = text.substr(0, start);
  for (std::size_t i = start; i < end; ++i) {
    out += text[i];
    auto left = end - i - 1;
    if (left > 0 && left % 3 == 0) out += ',';
  }
  out += text.substr(end);
  return out;
}

}  // namespace kpi::report
