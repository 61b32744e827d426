#include "kpi/formats/body_of_sheet.hpp"

#include <algorithm>
#include <climits>
#include <string>

#include "kpi/calc/profile.hpp"
#include "kpi/text/body_name.hpp"
#include "kpi/text/strings.hpp"
#include "kpi/util/last_computed.hpp"

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
  std::string slug = text::ascii_lower(text);
  for (char c : slug)
    if (!(text::is_ascii_digit(c) || (c >= 'a' && c <= 'z') || c == '-')) return {};
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

namespace {

// The body a cell names: its slug ("unknown" when none) and its name.
struct CellBody {
  std::string slug, name;
};

CellBody body_named_by(std::string_view cell) {
  CellBody body{{}, text::body_name_form(cell)};
  if (!text::is_ascii(body.name)) {
    body.slug = calc::slug_for_name(body.name);
  } else if (body.slug = slug_of(body.name); !body.slug.empty()) {
    body.name = calc::name_for_slug(body.slug);
  }
  if (body.slug.empty()) body.slug = "unknown";
  return body;
}

}  // namespace

void name_body_from_cell(model::Indicator& ind, std::string_view cell) {
  // A 市町村 column repeats its cell down the rows: the last cell's body is kept (per thread,
  // as rows are read on several).
  thread_local util::LastComputed<CellBody, 1> last;
  const auto& body = last.get(cell, body_named_by);
  ind.municipality = body.slug;
  ind.municipality_name = body.name;
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
