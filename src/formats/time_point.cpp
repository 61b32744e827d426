#include "kpi/formats/time_point.hpp"

#include "kpi/text/era.hpp"
#include "kpi/text/period.hpp"
#include "kpi/text/strings.hpp"

namespace kpi::formats {
namespace {

constexpr std::string_view range_marks[] = {"~", "～", "〜", "-", "−"};

// The time point from the year `year` found in s[b, e) on.
TimePointAt time_point_from(std::string_view s, const text::EraYear& year, std::size_t b,
                            std::size_t e) {
  std::size_t after = year.end;
  while (after < e && s[after] == ' ') ++after;
  bool range = false;
  for (auto mark : range_marks) range = range || s.substr(after, mark.size()) == mark;
  TimePointAt out;
  out.begin = b;
  out.end = e;  // a range keeps its words: "H26～H30の平均値"
  if (auto space = s.find(' ', year.end); !range && space != std::string_view::npos)
    out.end = space;
  if (!range) out.fiscal_year = year.fiscal_year;
  auto bracket = s.substr(b);
  out.last_fiscal_year = text::period_end_fiscal_year(bracket);
  out.cumulative = text::contains(bracket, "累計");
  return out;
}

std::size_t skip_spaces(std::string_view s, std::size_t b, std::size_t e) {
  while (b < e && s[b] == ' ') ++b;
  return b;
}

}  // namespace

std::optional<TimePointAt> time_point_in(std::string_view s, std::size_t b, std::size_t e) {
  s = s.substr(0, e);
  b = skip_spaces(s, b, e);
  auto year = text::find_fiscal_year(s, b);
  if (!year || year->begin != b) return std::nullopt;
  return time_point_from(s, *year, b, e);
}

std::optional<TimePointAt> period_in(std::string_view s, std::size_t b, std::size_t e) {
  s = s.substr(0, e);
  b = skip_spaces(s, b, e);
  auto year = text::find_fiscal_year(s, b);
  if (!year) return std::nullopt;
  auto out = time_point_from(s, *year, year->begin, e);
  out.begin = b;
  out.end = e;
  out.cumulative = text::contains(s.substr(b), "累計");  // "(累計 R4)"
  return out;
}

}  // namespace kpi::formats
