#include "fuzz_check.hpp"

#include <algorithm>

#include "kpi/text/decode.hpp"

namespace kpi::fuzz {
namespace {

int line_count(std::string_view text) {
  auto n = static_cast<int>(std::count(text.begin(), text.end(), '\n'));
  return n + (text.empty() || text.back() == '\n' ? 0 : 1);
}

// Line 0 names the whole file; line 1 may name an empty file.
bool inside(int line, int lines) {
  return line >= 0 && line <= std::max(lines, 1);
}

void check_utf8(std::string_view s) {
  FUZZ_REQUIRE(text::is_valid_utf8(s));
}

void check_value(const model::Value& v) {
  check_utf8(v.text);
}

// Where a location points: inside this file, or (kpi-json keeps them) into another one.
struct File {
  std::string_view path;
  int lines;
  bool holds(const model::SourceLocation& at) const {
    return at.path != path || inside(at.line, lines);
  }
};

void check_indicator(const model::Indicator& ind, const File& file, bool utf8) {
  FUZZ_REQUIRE(file.holds(ind.source));
  for (const auto& o : ind.observations) {
    FUZZ_REQUIRE(file.holds(o.source));
    if (!utf8) continue;
    for (const auto* v :
         {&o.target, &o.actual, &o.published_rate, &o.revised_target, &o.revised_rate})
      check_value(*v);
    check_utf8(o.notes);
  }
  if (!utf8) return;
  for (const auto* s :
       {&ind.id, &ind.name, &ind.unit, &ind.goal, &ind.measure, &ind.direction_text})
    check_utf8(*s);
  check_value(ind.baseline.value);
  check_value(ind.final_target.value);
  for (const auto& a : ind.baseline.alternatives) check_value(a);
  if (ind.relisted_of) check_utf8(*ind.relisted_of);
}

}  // namespace

void check_parse_output(const model::ParseOutput& out, std::string_view text, std::string_view path,
                        bool utf8) {
  File file{path, line_count(text)};
  FUZZ_REQUIRE(out.rows_read >= 0 && out.rows_used >= 0);
  FUZZ_REQUIRE(out.rows_read == out.rows_used + static_cast<int>(out.skipped.size()));
  FUZZ_REQUIRE(static_cast<int>(out.indicators.size()) >= out.rows_used);
  std::size_t skip_warnings = 0;
  for (const auto& d : out.diagnostics) {
    FUZZ_REQUIRE(file.holds(d.location));
    FUZZ_REQUIRE(!d.message.empty());
    // Diagnostics about another file (kpi-json carries its source's) are not this parse's.
    skip_warnings += d.code == "input.skipped-row" && d.location.path == path;
    if (utf8) check_utf8(d.message);
  }
  FUZZ_REQUIRE(skip_warnings == out.skipped.size());
  for (const auto& s : out.skipped) {
    FUZZ_REQUIRE(s.line >= 0 && s.line <= file.lines);  // 0: the parser cannot tell the line
    FUZZ_REQUIRE(!s.reason.empty());
    if (utf8) check_utf8(s.reason);
  }
  for (const auto& ind : out.indicators) check_indicator(ind, file, utf8);
}

}  // namespace kpi::fuzz
