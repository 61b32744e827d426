#include "kpi/formats/body_of_sheet.hpp"

#include <algorithm>
#include <cctype>
#include <climits>
#include <string>

#include "kpi/calc/profile.hpp"
#include "kpi/text/body_name.hpp"
#include "kpi/text/strings.hpp"

namespace kpi::formats {
namespace {

// Titles are at the top: a sheet whose first KPI row is deep (a plan's PDF text) is read
// this far for its name.
constexpr std::size_t title_bytes = 64 * 1024;

// The text above 1-based line `line`, at most title_bytes of it.
std::string_view text_above(std::string_view text, int line) {
  std::size_t end = 0;
  for (int l = 1; l < line && end < text.size() && end < title_bytes; ++l) {
    auto newline = text.find('\n', end);
    if (newline == std::string_view::npos)
      return text.substr(0, std::min(text.size(), title_bytes));
    end = newline + 1;
  }
  return text.substr(0, std::min(end, title_bytes));
}

// `text` as a profile slug (lower case; letters, digits and '-'), or "" when it is not one.
std::string slug_of(std::string_view text) {
  std::string slug;
  for (char c : text) {
    char lower = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (!(text::is_ascii_digit(lower) || (lower >= 'a' && lower <= 'z') || lower == '-')) return {};
    slug.push_back(lower);
  }
  return slug;
}

int first_kpi_line(const std::vector<model::Indicator>& indicators) {
  int first = INT_MAX;
  for (const auto& ind : indicators)
    if (ind.source.line > 0) first = std::min(first, ind.source.line);
  return first;
}

}  // namespace

void name_body_from_title(std::vector<model::Indicator>& indicators, std::string_view text) {
  if (indicators.empty()) return;
  auto name = text::body_name_in(text_above(text, first_kpi_line(indicators)));
  if (!name.empty()) {
    auto slug = calc::slug_for_name(name);
    for (auto& ind : indicators) {
      if (!ind.municipality_name.empty()) continue;
      ind.municipality_name = name;
      if (!slug.empty()) ind.municipality = slug;
    }
  }
  name_body_from_profile(indicators);
}

void name_body_from_cell(model::Indicator& ind, std::string_view cell) {
  auto name = text::body_name_form(cell);
  if (!text::is_ascii(name)) {
    auto slug = calc::slug_for_name(name);
    ind.municipality = slug.empty() ? "unknown" : slug;
    ind.municipality_name = std::move(name);
    return;
  }
  auto slug = slug_of(name);
  ind.municipality = slug.empty() ? "unknown" : slug;
  ind.municipality_name = slug.empty() ? std::move(name) : calc::name_for_slug(slug);
}

void name_body_from_profile(std::vector<model::Indicator>& indicators) {
  std::string slug, name;  // the last slug asked: a sheet's KPIs share one
  for (auto& ind : indicators) {
    if (!ind.municipality_name.empty()) continue;
    if (ind.municipality != slug) {
      slug = ind.municipality;
      name = calc::name_for_slug(slug);
    }
    ind.municipality_name = name;
  }
}

}  // namespace kpi::formats
