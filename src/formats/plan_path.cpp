#include "kpi/formats/plan_path.hpp"

#include "kpi/text/strings.hpp"

namespace kpi::formats {

std::string bracket_code(std::string_view normalized, std::string_view word) {
  auto at = normalized.find(word);
  if (at == std::string_view::npos) return "";
  auto rest = normalized.substr(at + word.size());
  for (std::string_view sep : {":", "・", " "})
    while (text::starts_with(rest, sep)) rest.remove_prefix(sep.size());
  auto close = std::min(rest.find("】"), rest.find("]"));
  if (close == std::string_view::npos) return "";
  return std::string(text::trim(rest.substr(0, close)));
}

model::PlanLevel plan_level(std::string level, std::string code, std::string_view title) {
  return {std::move(level), std::move(code), std::string(text::trim(title))};
}

void add_level(std::vector<model::PlanLevel>& path, model::PlanLevel level) {
  if (level.title.empty() && level.code.empty()) return;
  path.push_back(std::move(level));
}

}  // namespace kpi::formats
