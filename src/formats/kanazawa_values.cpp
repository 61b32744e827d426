// The value part of a Kanazawa KPI line: "baseline (period) → target (period)".
//
// The period in brackets ends each side and names an era year (formats::period_in):
// "(R6)", "(R4 年度までの累計)", "(R6～R10)". The target starts with its number ("5,887 人",
// "95%以上を維持") or is text ("再設定"). On a one-line KPI the name comes first, so the baseline
// is found from the right: the number written in the target's unit, else the last number;
// "R6年度開始" (a measure that starts inside the plan period) is a baseline without a number.
#include "kpi/formats/kanazawa_values.hpp"

#include <algorithm>
#include <vector>

#include "kpi/formats/printed_value.hpp"
#include "kpi/formats/time_point.hpp"
#include "kpi/text/era.hpp"
#include "kpi/text/number.hpp"
#include "kpi/text/strings.hpp"

namespace kpi::formats::kanazawa {
namespace {

constexpr std::string_view arrow = "→";
constexpr auto npos = std::string_view::npos;

struct Range {
  std::size_t begin = 0, end = 0;
  bool empty() const { return begin >= end; }
};

Range trimmed(std::string_view s, Range r) {
  while (r.begin < r.end && text::is_space_or_tab(s[r.begin])) ++r.begin;
  while (r.end > r.begin && text::is_space_or_tab(s[r.end - 1])) --r.end;
  return r;
}

std::string_view view(std::string_view s, Range r) {
  return s.substr(r.begin, r.end - r.begin);
}

std::vector<text::EraYear> era_years(std::string_view s, Range r) {
  std::vector<text::EraYear> out;
  auto limited = s.substr(0, r.end);
  std::size_t pos = r.begin;
  while (auto y = text::find_fiscal_year(limited, pos)) {
    out.push_back(*y);
    pos = y->end;
  }
  return out;
}

// Numbers in s[r) that are not the digits of an era year ("R4", "H25").
std::vector<text::NumberToken> numbers_in(std::string_view s, Range r) {
  auto years = era_years(s, r);  // in order: the one that may hold a number is the first
  std::size_t y = 0;             // not ending before it (linear, not numbers × years)
  std::vector<text::NumberToken> out;
  auto limited = s.substr(0, r.end);
  std::size_t pos = r.begin;
  while (auto t = text::find_number(limited, pos)) {
    pos = t->end;
    while (y < years.size() && years[y].end <= t->begin) ++y;
    bool inside_year = y < years.size() && t->begin >= years[y].begin && t->end <= years[y].end;
    if (!inside_year) out.push_back(*t);
  }
  return out;
}

// The '(' matching the ')' that ends r, or npos.
std::size_t matching_open(std::string_view s, Range r) {
  int depth = 0;
  for (std::size_t i = r.end; i > r.begin; --i) {
    if (s[i - 1] == ')') ++depth;
    if (s[i - 1] == '(' && --depth == 0) return i - 1;
  }
  return npos;
}

struct Split {
  Range value;
  std::optional<Range> period;
  std::optional<TimePointAt> time;
};

// "5,659 人 (R6)" → "5,659 人" and "R6": a bracket naming a year (formats::period_in) ends
// the cell.
Split split_period(std::string_view s, Range r) {
  r = trimmed(s, r);
  Split out{r, std::nullopt, std::nullopt};
  if (r.empty() || s[r.end - 1] != ')') return out;
  auto open = matching_open(s, r);
  if (open == npos) return out;
  Range inner = trimmed(s, {open + 1, r.end - 1});
  out.time = period_in(s, inner.begin, inner.end);
  if (!out.time) return out;  // "(地区)", "(累計)": part of the unit
  out.value = trimmed(s, {r.begin, open});
  out.period = inner;
  return out;
}

// The text after the number up to `end` (formats::suffix_at): " 人以上を維持" → unit "人",
// qualifier "以上を維持". A side of the arrow is one value: words after a "%" that suffix_at
// leaves unread stay in the unit as printed ("% (R5) 7…" is no unit "%").
ValueSuffix side_suffix(std::string_view s, std::size_t from, std::size_t end) {
  auto suffix = suffix_at(s, from, end);
  while (suffix.qualifier == model::Qualifier::none && suffix.end < end) {
    auto more = suffix_at(s, suffix.end, end);
    suffix.unit_end = more.unit_end;
    suffix.qualifier = more.qualifier;
    suffix.end = more.end;
  }
  suffix.unit = text::squeeze_spaces(s.substr(from, suffix.unit_end - from));
  return suffix;
}

void read_suffix(std::string_view s, std::size_t from, std::size_t end, ValueCell& cell) {
  auto suffix = side_suffix(s, from, end);
  cell.unit = suffix.unit;
  if (suffix.qualifier == model::Qualifier::none) return;
  cell.qualifier = suffix.qualifier;
  cell.qualifier_text = text::squeeze_spaces(s.substr(suffix.unit_end, end - suffix.unit_end));
}

std::string unit_after(std::string_view s, const text::NumberToken& t, Range value) {
  return side_suffix(s, t.end, value.end).unit;
}

// The printed number (formats::number_at) whose digits start at or after `from`, in s[.., r.end).
std::optional<PrintedNumber> number_from(std::string_view s, std::size_t from, Range r) {
  s = s.substr(0, r.end);
  while (from < s.size() && !text::is_ascii_digit(s[from])) ++from;
  if (from == s.size()) return std::nullopt;
  return number_at(s, from, r.begin);
}

ValueCell cell_of(const text::MappedText& line, Range value, const Split& split,
                  const std::optional<PrintedNumber>& number) {
  std::string_view s = line.normalized;
  ValueCell cell;
  cell.value.text = std::string(text::trim(line.original_slice(value.begin, value.end)));
  if (split.period) {
    cell.period = std::string(view(s, *split.period));
    cell.fiscal_year = split.time->last_fiscal_year;
    cell.cumulative = split.time->cumulative;
  }
  if (number) {
    cell.value.number = number->number;
    read_suffix(s, number->end, value.end, cell);
  } else {
    cell.qualifier = first_qualifier(view(s, value));
  }
  return cell;
}

std::optional<ValueCell> read_target(const text::MappedText& line, Range r, std::string& problem) {
  std::string_view s = line.normalized;
  auto split = split_period(s, r);
  if (split.value.empty()) {
    problem = "no target after →";
    return std::nullopt;
  }
  auto number = number_from(s, split.value.begin, split.value);
  if (number && number->begin != split.value.begin) number.reset();  // text first: "再設定"
  return cell_of(line, split.value, split, number);
}

struct BaselineAt {
  std::size_t begin = 0;
  std::optional<PrintedNumber> number;
};

// The baseline at the number `t` found in `value`, read as printed (約 and the sign with it).
BaselineAt baseline_at(std::string_view s, const text::NumberToken& t, Range value) {
  auto number = number_from(s, t.begin, value);
  return {number ? number->begin : t.begin, number};
}

// Where the baseline starts inside `value` (which may begin with the KPI name).
std::optional<BaselineAt> locate_baseline(std::string_view s, Range value, const ValueCell& target,
                                          std::string& problem) {
  if (text::ends_with(view(s, value), "開始")) {
    auto years = era_years(s, value);
    if (!years.empty()) return BaselineAt{years.back().begin, std::nullopt};
  }
  auto numbers = numbers_in(s, value);
  if (numbers.empty()) {
    problem = "no baseline value before → (expected a number, or \"R6年度開始\")";
    return std::nullopt;
  }
  // The number written in the target's unit. A unit without digits is read up to the next
  // number only: one that runs on into it is not the target's (and reading each to the end
  // would be quadratic in the line).
  bool digitless = std::none_of(target.unit.begin(), target.unit.end(), text::is_ascii_digit);
  std::size_t next = value.end;
  for (auto t = numbers.rbegin(); t != numbers.rend() && !target.unit.empty(); ++t) {
    auto suffix = side_suffix(s, t->end, digitless ? next : value.end);
    bool runs_on = digitless && next != value.end && suffix.qualifier == model::Qualifier::none;
    if (!runs_on && suffix.unit == target.unit) return baseline_at(s, *t, value);
    next = t->begin;
  }
  const auto& last = numbers.back();
  auto unit = unit_after(s, last, value);
  if (!target.unit.empty() && !unit.empty()) {
    problem = "no baseline value in the unit of the target (\"" + target.unit + "\") before →";
    return std::nullopt;
  }
  // Units are kanji, katakana, Latin and signs ("人", "クラブ", "千t-CO₂", "校下(地区)"):
  // "・ 23区からの移住者数 → 再設定" is a name, not "23" and a unit.
  if (is_prose(unit)) {
    problem = "no baseline value before → (\"" + unit + "\" is not a unit)";
    return std::nullopt;
  }
  return baseline_at(s, last, value);
}

}  // namespace

ValuesRead read_values(const text::MappedText& line, std::size_t begin, std::size_t end) {
  std::string_view s = std::string_view(line.normalized).substr(0, end);
  auto a = s.find(arrow, begin);
  if (a == npos) return {};
  if (s.find(arrow, a + arrow.size()) != npos) return {std::nullopt, "more than one → on the line"};
  std::string problem;
  auto target = read_target(line, {a + arrow.size(), end}, problem);
  if (!target) return {std::nullopt, problem};
  auto split = split_period(s, {begin, a});
  if (split.value.empty()) return {std::nullopt, "no baseline before →"};
  auto at = locate_baseline(s, split.value, *target, problem);
  if (!at) return {std::nullopt, problem};
  KpiValues v;
  v.begin = at->begin;
  v.baseline = cell_of(line, {at->begin, split.value.end}, split, at->number);
  v.target = std::move(*target);
  return {std::move(v), ""};
}

}  // namespace kpi::formats::kanazawa
