#include "parse_contract.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "kpi/text/decode.hpp"

namespace kpi::testing {
namespace {

int line_count(std::string_view text) {
  auto n = static_cast<int>(std::count(text.begin(), text.end(), '\n'));
  return n + (text.empty() || text.back() == '\n' ? 0 : 1);
}

class Checker {
 public:
  Checker(std::string_view text, std::string_view path)
      : path_(path), lines_(line_count(text)), utf8_(text::is_valid_utf8(text)) {}

  void require(bool ok, std::string rule) {
    if (!ok) violations_.push_back(std::move(rule));
  }

  // Line 0 names the whole file; line 1 may name an empty file.
  void location(const model::SourceLocation& at, std::string_view what) {
    if (at.path != path_) return;
    require(at.line >= 0 && at.line <= std::max(lines_, 1),
            fmt::format("{} at line {} of a {}-line text", what, at.line, lines_));
  }

  void utf8(std::string_view s, std::string_view what) {
    if (utf8_) require(text::is_valid_utf8(s), fmt::format("{} is not UTF-8", what));
  }

  void indicator(const model::Indicator& ind) {
    location(ind.source, "indicator " + ind.id);
    for (const auto* s :
         {&ind.id, &ind.name, &ind.unit, &ind.goal, &ind.measure, &ind.direction_text})
      utf8(*s, "a field of indicator " + ind.id);
    if (ind.relisted_of) utf8(*ind.relisted_of, "relisted_of of " + ind.id);
    utf8(ind.baseline.value.text, "the baseline of " + ind.id);
    utf8(ind.final_target.value.text, "the final target of " + ind.id);
    for (const auto& a : ind.baseline.alternatives) utf8(a.text, "a baseline of " + ind.id);
    for (const auto& o : ind.observations) observation(ind, o);
  }

  void observation(const model::Indicator& ind, const model::Observation& o) {
    location(o.source, "an observation of " + ind.id);
    for (const auto* v :
         {&o.target, &o.actual, &o.published_rate, &o.revised->target, &o.revised->rate})
      utf8(v->text, "a value of " + ind.id);
    utf8(o.notes, "notes of " + ind.id);
  }

  void rows(const model::ParseOutput& out) {
    require(out.rows_read >= 0 && out.rows_used >= 0, "negative row counts");
    require(out.rows_read == out.rows_used + static_cast<int>(out.skipped.size()),
            fmt::format("rows_read {} != rows_used {} + skipped {}", out.rows_read, out.rows_used,
                        out.skipped.size()));
    require(static_cast<int>(out.indicators.size()) >= out.rows_used,
            fmt::format("{} indicators for {} rows used", out.indicators.size(), out.rows_used));
    for (const auto& s : out.skipped) {
      // 0: the parser cannot tell the line (a kpi-json element it could not locate).
      require(s.line >= 0 && s.line <= lines_,
              fmt::format("skipped row at line {} of a {}-line text", s.line, lines_));
      require(!s.reason.empty(), "skipped row without a reason");
      utf8(s.reason, "a skipped row's reason");
    }
  }

  void diagnostics(const model::ParseOutput& out) {
    std::size_t skip_warnings = 0;
    for (const auto& d : out.diagnostics) {
      location(d.location, "diagnostic " + d.code);
      require(!d.message.empty(), "diagnostic " + d.code + " without a message");
      utf8(d.message, "the message of diagnostic " + d.code);
      skip_warnings += d.code == "input.skipped-row" && d.location.path == path_;
    }
    require(skip_warnings == out.skipped.size(),
            fmt::format("{} input.skipped-row warnings for {} skipped rows", skip_warnings,
                        out.skipped.size()));
  }

  std::vector<std::string> violations() && { return std::move(violations_); }

 private:
  std::string_view path_;
  int lines_;
  bool utf8_;
  std::vector<std::string> violations_;
};

}  // namespace

std::vector<std::string> parse_contract_violations(const model::ParseOutput& out,
                                                   std::string_view text, std::string_view path) {
  Checker check(text, path);
  check.rows(out);
  check.diagnostics(out);
  for (const auto& ind : out.indicators) check.indicator(ind);
  return std::move(check).violations();
}

}  // namespace kpi::testing
