// Kanazawa: lines of a KPI block → indicators (or skipped rows, each with line and reason).
#include "kpi/formats/kanazawa_rows.hpp"
#include "kpi/formats/parse_kit.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "kpi/formats/mid_plan.hpp"
#include "kpi/text/normalize.hpp"
#include "kpi/text/percentage.hpp"
#include "kpi/text/strings.hpp"

namespace kpi::formats::kanazawa {
namespace {

using model::Direction;
using model::DirectionSource;
using model::Qualifier;

std::string with_groups(std::string name, const std::vector<std::string>& groups) {
  if (groups.empty()) return name;
  std::string joined;
  for (const auto& g : groups) joined += (joined.empty() ? "" : " ") + g;
  return name + "(" + joined + ")";
}

Direction inferred_direction(const model::Decimal& baseline, const model::Decimal& target) {
  if (target == baseline) return Direction::maintain;
  return target.to_double() > baseline.to_double() ? Direction::increase : Direction::decrease;
}

bool is_cumulative(const model::Indicator& ind, const KpiValues& v) {
  // "(累計)" in the name, "R4 年度までの累計" as the baseline period, "(R6～R10 の合計)"
  // (a sum over the plan period; not 合計特殊出生率, the total fertility rate).
  return v.baseline.cumulative || v.target.cumulative || text::contains(ind.name, "累計") ||
         text::contains(ind.name, "の合計");
}

std::string label(const model::Indicator& ind) {
  return fmt::format("{}{} {}", ind.id, ind.seq > 1 ? fmt::format(" #{}", ind.seq) : "", ind.name);
}

}  // namespace

void set_direction(model::Indicator& ind, const KpiValues& values) {
  const auto& target = values.target;
  if (auto d = direction_of(target.qualifier); d != Direction::unknown) {
    ind.direction = d;
    ind.direction_source = DirectionSource::qualifier;
    ind.direction_text = target.qualifier_text;
    return;
  }
  const auto& b = values.baseline.value.number;
  const auto& t = target.value.number;
  if (!b || !t) return;  // no numbers to compare: unknown
  ind.direction = inferred_direction(*b, *t);
  ind.direction_source = DirectionSource::inferred;
}

void BlockReader::open(BlockPlace place) {
  close();
  place_ = std::move(place);
  open_ = true;
}

void BlockReader::close() {
  if (open_) flush_pending("a KPI name without values before the end of the KPI block");
  row_.reset();
  open_ = false;
}

void BlockReader::feed(int line, std::string_view original_line) {
  auto l = read_kpi_line(original_line);
  switch (l.kind) {
    case LineKind::blank:
      return;
    case LineKind::name:
      return on_name(line, l);
    case LineKind::values:
      return on_values(line, l);
    case LineKind::kpi:
      return on_kpi(line, l);
    case LineKind::other:
      return on_other(line, l);
  }
}

void BlockReader::on_name(int line, KpiLine& l) {
  flush_pending("a KPI name without values (the next line starts another KPI)");
  pending_ = Pending{line, std::move(l.name), l.relisted};
  row_.reset();
}

void BlockReader::on_values(int line, KpiLine& l) {
  row_.reset();
  if (!pending_) return skip(line, "values without a KPI name: " + l.text, l.text);
  auto p = std::move(*pending_);
  pending_.reset();
  emit(p.line, std::move(p.name), p.relisted, *l.values);
}

void BlockReader::on_kpi(int line, KpiLine& l) {
  flush_pending("a KPI name without values (the next line is another KPI)");
  if (l.continues_row) {
    if (!row_) return skip(line, "a further part of a row, but there is no row above: " + l.text);
    return emit(line, with_groups(row_->name, l.groups), row_->relisted, *l.values);
  }
  row_ = Pending{line, l.name, l.relisted};
  emit(line, with_groups(l.name, l.groups), l.relisted, *l.values);
}

void BlockReader::on_other(int line, KpiLine& l) {
  row_.reset();
  if (l.bullet) flush_pending("a KPI name without values (the next line is another KPI)");
  if (!l.problem.empty()) {
    if (!pending_)
      return skip(line, fmt::format("values not readable ({}): {}", l.problem, l.text), l.text);
    auto name = std::move(pending_->name);
    pending_.reset();
    return skip(line, fmt::format("{}: values not readable ({}): {}", name, l.problem, l.text),
                l.text);
  }
  // A KPI name wrapped over two lines: the second line has no bullet and no values.
  if (pending_ && !text::starts_with(l.text, "※")) {
    pending_->relisted = l.relisted || pending_->relisted;
    pending_->name += l.name;
    return;
  }
  skip(line, "not a KPI (a note or text inside the KPI block): " + l.text, l.text);
}

void BlockReader::flush_pending(std::string_view why) {
  if (!pending_) return;
  auto p = std::move(*pending_);
  pending_.reset();
  skip(p.line, fmt::format("{}: {}", why, p.name));
}

void BlockReader::emit(int line, std::string name, bool relisted, const KpiValues& values) {
  model::Indicator ind;
  ind.municipality = "kanazawa";
  ind.id = place_.id;
  ind.seq = ++seq_[place_.id];
  ind.name = std::move(name);
  ind.goal = place_.goal;
  ind.measure = place_.measure;
  ind.plan_path = place_.path;
  ind.source = {path_, line};
  if (relisted) ind.relisted_of = std::string();  // resolved by name once all KPIs are read
  const auto& b = values.baseline;
  const auto& t = values.target;
  ind.unit = b.unit.empty() ? t.unit : b.unit;
  ind.cumulative = is_cumulative(ind, values);
  ind.baseline.value = b.value;
  ind.baseline.fiscal_year = b.fiscal_year;
  ind.final_target = {t.value, t.fiscal_year, t.qualifier};
  set_direction(ind, values);
  apply_mid_plan_start(ind);
  auto note = [&](model::Severity severity, std::string code, std::string message) {
    out_.diagnostics.push_back(
        {ind.source, severity, std::move(code), label(ind) + ": " + message});
  };
  if (!b.unit.empty() && !t.unit.empty() && b.unit != t.unit)
    note(model::Severity::warning, "input.unit-mismatch",
         fmt::format("baseline in \"{}\" but target in \"{}\"; unit taken from the baseline",
                     b.unit, t.unit));
  if (!t.value.has_number())
    note(model::Severity::note, "input.non-numeric-target",
         fmt::format("target \"{}\" is not a number; kept as text", t.value.text));
  if (!b.value.has_number())
    note(model::Severity::note, "input.no-baseline",
         fmt::format("baseline \"{}\" has no number (the KPI starts inside the plan period)",
                     b.value.text));
  out_.indicators.push_back(std::move(ind));
  ++out_.rows_read;
  ++out_.rows_used;
}

bool is_footnote_line(std::string_view line) {
  auto t = text::trim(line);
  return text::starts_with(t, "※") || text::starts_with(t, "注");
}

// Whether a line may print a rate: a percentage (57.0%, 57.0 パーセント), or a rate's name
// with a number after it (達成率 99.0, 進捗率 0.99).
bool may_print_a_rate(std::string_view printed) {
  auto normalized = text::normalize(printed);
  if (text::prints_a_percentage(normalized)) return true;
  auto digit_after = [&](std::size_t at) {
    return at != std::string::npos &&
           std::any_of(normalized.begin() + static_cast<std::ptrdiff_t>(at), normalized.end(),
                       text::is_ascii_digit);
  };
  for (std::string_view word : {"達成率", "進捗率", "達成度", "到達率"})
    if (digit_after(normalized.find(word))) return true;
  auto percent_word = normalized.find("パーセント");
  return percent_word != std::string::npos &&
         std::any_of(normalized.begin(),
                     normalized.begin() + static_cast<std::ptrdiff_t>(percent_word),
                     text::is_ascii_digit);
}

// A skipped line that may print a rate (実績値 450名 達成率 57.0%, a row whose values cannot
// be read ending in 57.0%, 達成率 99.0): this layout reads no rates, so a line that may print
// one is not passed over with a warning. Footnotes (※, 注) are left as they are.
void BlockReader::skip(int line, std::string reason, std::string_view printed) {
  ++out_.rows_read;
  if (!printed.empty() && !is_footnote_line(printed) && may_print_a_rate(printed)) {
    reason +=
        "; it prints a percentage, which may be a rate this layout cannot read: a wrong one "
        "would pass unchecked";
    skip_row(out_, path_, line, std::move(reason), model::Severity::error);
    return;
  }
  skip_row(out_, path_, line, std::move(reason));
}

}  // namespace kpi::formats::kanazawa
