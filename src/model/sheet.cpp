#include "kpi/model/sheet.hpp"

namespace kpi::model {

std::string_view Sheet::line_text(int line) const {
  if (!text || line <= 0) return {};
  std::string_view s = *text;
  std::size_t start = 0;
  for (int n = 1; n < line; ++n) {
    start = s.find('\n', start);
    if (start == std::string_view::npos) return {};
    ++start;
  }
  auto end = s.find('\n', start);
  return s.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
}

}  // namespace kpi::model
