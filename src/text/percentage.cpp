#include "kpi/text/percentage.hpp"

#include <algorithm>

#include "kpi/text/strings.hpp"

namespace kpi::text {

namespace {

bool in_percent_number(char c) {
  return is_ascii_digit(c) || c == '.' || c == ',';
}

}  // namespace

std::string_view percentage_at(std::string_view normalized, std::size_t percent) {
  std::size_t end = percent;
  while (end > 0 && normalized[end - 1] == ' ') --end;
  std::size_t start = end;
  while (start > 0 && in_percent_number(normalized[start - 1])) --start;
  auto number = normalized.substr(start, end - start);
  if (std::none_of(number.begin(), number.end(), is_ascii_digit)) return {};
  if (start > 0 && normalized[start - 1] == '-') --start;
  return normalized.substr(start, percent + 1 - start);
}

bool prints_a_percentage(std::string_view normalized) {
  for (auto percent = normalized.find('%'); percent != std::string_view::npos;
       percent = normalized.find('%', percent + 1))
    if (!percentage_at(normalized, percent).empty()) return true;
  return false;
}

}  // namespace kpi::text
