#include "kpi/model/sheet.hpp"

namespace kpi::model {

void Sheet::keep_text(std::string_view decoded) {
  auto owned = std::make_shared<const std::string>(decoded);
  line_starts.clear();
  line_starts.push_back(0);
  for (std::size_t i = 0; i < owned->size(); ++i)
    if ((*owned)[i] == '\n') line_starts.push_back(i + 1);
  text = std::move(owned);
}

std::string_view Sheet::line_text(int line) const {
  if (!text || line <= 0 || static_cast<std::size_t>(line) > line_starts.size()) return {};
  std::string_view s = *text;
  std::size_t start = line_starts[static_cast<std::size_t>(line) - 1];
  if (start > s.size()) return {};
  auto end = s.find('\n', start);
  return s.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
}

}  // namespace kpi::model
