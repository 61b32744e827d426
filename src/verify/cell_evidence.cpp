#include "kpi/verify/cell_evidence.hpp"

#include <algorithm>
#include <array>
#include <mutex>
#include <vector>

#include <fmt/format.h>

#include "kpi/calc/rate.hpp"
#include "kpi/grid/formula_refs.hpp"
#include "kpi/util/parallel_runs.hpp"
#include "kpi/util/thread_count.hpp"
#include "kpi/verify/rate_check.hpp"
#include "rate_candidates.hpp"

namespace kpi::verify {
namespace {

using model::Verdict;

// A reference of a formula: its text and its cell (none when written otherwise: "K022").
struct Reference {
  std::size_t begin = 0, end = 0;  // in the cleaned formula
  std::string_view cell;           // "K22" as the formula writes it
  model::CellRef at;
  bool other_sheet = false;  // Sheet2!K22
};

// The formula without "$" and spaces, its ASCII letters upper case (bytes of other characters,
// such as a sheet's Japanese name, kept as they are, whatever the locale).
void clean_into(std::string_view formula, std::string& out) {
  out.clear();
  for (char c : formula)
    if (c != '$' && c != ' ') out.push_back(c >= 'a' && c <= 'z' ? static_cast<char>(c - 32) : c);
}

// A reference of the cleaned formula (no "$", upper case): its cell as formula_references
// read it, unless its row is written with a leading zero ("K022": no cell's name, as
// model::parse_cell_ref says).
Reference reference_in(std::string_view f, const grid::FormulaReference& r) {
  auto cell = f.substr(r.begin, r.end - r.begin);
  auto digits = cell.find_first_of("0123456789");
  bool named = digits != std::string_view::npos && cell[digits] != '0';
  return {r.begin, r.end, cell, named ? model::CellRef::at(r.row, r.col) : model::CellRef{},
          r.other_sheet};
}

// A cell of the indicator and observation the shape is found for, and its role's name.
struct Role {
  model::CellRef cell;
  std::string_view name;
};

// This KPI-year's own cells, by role name (at most five, without allocating).
struct OwnCells {
  std::array<Role, 5> roles;
  std::size_t count = 0;
  const Role* find(model::CellRef cell) const {
    const Role* found = nullptr;
    for (std::size_t i = 0; i < count; ++i)
      if (roles[i].cell == cell) found = &roles[i];
    return found;
  }
};

OwnCells own_cells(const model::Indicator& ind, const model::Observation& obs) {
  OwnCells own;
  auto add = [&](const model::Value& v, const char* name) {
    if (!v.cell.empty()) own.roles[own.count++] = {v.cell, name};
  };
  add(obs.actual, "actual");
  add(obs.target, "target");
  add(ind.final_target.value, "final_target");
  add(ind.baseline.value, "baseline");
  add(obs.revised->target, "revised_target");
  return own;
}

// What another cell of the same KPI is ("the FY2022 target"), or "".
std::string describe_other(const model::Indicator& ind, model::CellRef cell) {
  if (cell.empty()) return "";
  for (const auto& o : ind.observations) {
    if (o.target.cell == cell) return fmt::format("the FY{} target", o.fiscal_year);
    if (o.actual.cell == cell) return fmt::format("the FY{} actual", o.fiscal_year);
    if (o.published_rate.cell == cell) return fmt::format("the FY{} rate", o.fiscal_year);
  }
  return "";
}

std::string own_replacement(const model::Indicator& ind, const model::Observation& obs,
                            model::CellRef cell) {
  if (cell.empty()) return {};
  for (const auto& o : ind.observations) {
    if (o.target.cell == cell) return obs.target.cell.text();
    if (o.actual.cell == cell) return obs.actual.cell.text();
  }
  return {};
}

// -- caps and stored values ----------------------------------------------------------------

// The sheet's own formula for this row (what the rate check tries first) and its rate.
struct PrimaryRate {
  Candidate candidate;
  std::optional<calc::Rational> rate;
};

PrimaryRate primary_rate(const model::Indicator& ind, const model::Observation& obs,
                         const calc::Profile& profile) {
  auto primary = own_candidate(ind, obs, profile, Basis::year_target);
  return {primary, evaluate(primary, ind.direction)};
}

void judge_cap(const model::Indicator& ind, model::Observation& obs, const calc::Profile& profile) {
  const auto& pub = obs.published_rate;
  if (pub.workbook->cap == model::Cap::none || !pub.number) return;
  auto primary = primary_rate(ind, obs, profile);
  const auto& rate = primary.rate;
  auto& check = obs.check;
  if (!rate) return;
  set_formula(check, primary.candidate);
  int side = calc::compare(*rate, calc::Rational::of(*pub.number));
  bool beyond = pub.workbook->cap == model::Cap::above ? side > 0 : side < 0;
  auto shown = calc::round_half_away(*rate, 1).to_string() + "%";
  check.rate_percent = rate->to_double();
  if (beyond) {
    check.verdict = Verdict::match;
    check.explanation =
        fmt::format("printed as a cap: recomputed {} is {} {}", shown,
                    pub.workbook->cap == model::Cap::above ? "above" : "below", pub.text);
    return;
  }
  check.verdict = Verdict::mismatch;
  check.explanation =
      fmt::format("published {} (a cap) but recomputed {} is not {} it", pub.text, shown,
                  pub.workbook->cap == model::Cap::above ? "above" : "below");
}

model::Value with_stored(model::Value v) {
  if (v.workbook->stored) v.number = v.workbook->stored;
  return v;
}

std::string stored_note(const model::Value& v, const char* role) {
  if (!v.workbook->stored) return "";
  return fmt::format("; {} {} holds {} but shows {}", role, v.cell.name().view(),
                     v.workbook->stored->to_string(), v.text);
}

// Whether a cell shows its stored value to fewer digits (79.2 shown as 79): the shown number
// is the stored one rounded at the shown decimals. A format printing another number (the
// constant "320" over a stored 334) shows no rounding of it.
bool shows_its_value(const model::Value& v) {
  if (!v.workbook->stored || !v.number) return true;
  auto rounded = calc::round_half_away(calc::Rational::of(*v.workbook->stored), v.number->scale);
  return calc::compare(calc::Rational::of(rounded), calc::Rational::of(*v.number)) == 0;
}

// The cells' full values decide where they hold more digits than they show: a rate they give
// matches; a rate only the shown digits' precision explained (consistent) but they do not is
// a mismatch, since the value is known and not only its printed precision. A cell whose format
// shows another number than its value (no rounding of it) explains nothing: the printed table
// contradicts itself, and its rate stays as checked on what is shown.
void judge_stored(const model::Indicator& ind, model::Observation& obs,
                  const calc::Profile& profile, const RateCheckOptions& options) {
  bool any = obs.actual.workbook->stored || obs.target.workbook->stored ||
             ind.baseline.value.workbook->stored;
  if (!any || obs.check.verdict == Verdict::match) return;
  if (!shows_its_value(obs.actual) || !shows_its_value(obs.target) ||
      !shows_its_value(ind.baseline.value)) {
    obs.check.explanation += fmt::format(
        "{}{}{} (a format showing another number than the cell holds: the printed table "
        "contradicts itself)",
        stored_note(obs.actual, "actual"), stored_note(obs.target, "target"),
        stored_note(ind.baseline.value, "baseline"));
    return;
  }
  auto full_ind = ind;
  full_ind.baseline.value = with_stored(ind.baseline.value);
  auto full_obs = obs;
  full_obs.actual = with_stored(obs.actual);
  full_obs.target = with_stored(obs.target);
  auto check = check_rate(full_ind, full_obs, profile, options);
  auto notes =
      fmt::format("{}{}{}", stored_note(obs.actual, "actual"), stored_note(obs.target, "target"),
                  stored_note(ind.baseline.value, "baseline"));
  if (check.verdict == Verdict::match) {
    check.explanation = "computed from the stored values" + notes;
    obs.check = check;
  } else if (obs.check.verdict == Verdict::consistent && check.verdict == Verdict::mismatch) {
    check.explanation = fmt::format(
        "{}; the shown digits' precision does not explain it: the "
        "cells hold more{}",
        check.explanation, notes);
    obs.check = check;
  }
}

// -- formulas --------------------------------------------------------------------------------

// formula_shape, the shape itself written only when `with_shape` (judging a rate cell needs
// only the foreign references).
FormulaShape shape_of(const model::Indicator& ind, const model::Observation& obs, bool with_shape) {
  FormulaShape out;
  thread_local std::string f;  // reused: one a formula
  clean_into(obs.published_rate.workbook->formula, f);
  auto own = own_cells(ind, obs);
  if (with_shape) out.shape.reserve(f.size() + 16);
  std::string expected;  // made at the first reference that is not this row's
  bool fixable = true;
  std::size_t last = 0;
  std::ptrdiff_t shift = 0;
  thread_local std::vector<grid::FormulaReference> references;  // reused: one a formula
  grid::formula_references(f, references);
  for (const auto& found : references) {
    auto ref = reference_in(f, found);
    if (with_shape) out.shape.append(f, last, ref.begin - last);
    last = ref.end;
    if (const Role* role = ref.other_sheet ? nullptr : own.find(ref.at)) {
      if (with_shape) out.shape += role->name;
      continue;
    }
    if (with_shape) out.shape += ref.cell;
    if (expected.empty()) expected = f;
    auto what = describe_other(ind, ref.at);
    auto named =
        std::string(ref.cell) + " (" + (what.empty() ? "a cell outside this KPI-year" : what) + ")";
    if (out.foreign.find(named) == std::string::npos)
      out.foreign += (out.foreign.empty() ? "" : ", ") + named;
    auto replacement = own_replacement(ind, obs, ref.at);
    if (replacement.empty()) {
      fixable = false;
      continue;
    }
    auto at = static_cast<std::ptrdiff_t>(ref.begin) + shift;
    expected.replace(static_cast<std::size_t>(at), ref.cell.size(), replacement);
    shift += static_cast<std::ptrdiff_t>(replacement.size()) -
             static_cast<std::ptrdiff_t>(ref.cell.size());
  }
  if (with_shape) out.shape.append(f, last);
  if (!out.foreign.empty() && fixable) out.expected = expected;
  return out;
}

void judge_formula(const model::Indicator& ind, model::Observation& obs) {
  const auto& rate = obs.published_rate;
  if (rate.workbook->formula.empty()) return;
  auto& check = obs.check;
  auto shape = shape_of(ind, obs, false);
  bool uncached = rate.workbook->formula_uncached;
  if (!shape.foreign.empty()) {  // the formula alone is wrong, whatever it computes
    check.verdict = Verdict::mismatch;
    // The rate's own verdict follows when it had one to give (a matching value has none, nor
    // has a formula saved without its value).
    std::string after;
    if (uncached)
      after =
          " (saved without a computed value: open and save the workbook in Excel or "
          "LibreOffice to see the rate it prints)";
    else if (!check.explanation.empty())
      after = "; " + check.explanation;
    check.explanation = fmt::format(
        "rate formula {} in {} uses {}{}{}", rate.workbook->formula, rate.cell.name().view(),
        shape.foreign, shape.expected.empty() ? "" : ": expected " + shape.expected, after);
    return;
  }
  if (uncached) {
    check.verdict = Verdict::unchecked;
    check.explanation = fmt::format(
        "rate cell {} holds the formula {} without a computed value (written by a program that "
        "does not calculate): open and save the workbook in Excel or LibreOffice",
        rate.cell.name().view(), rate.workbook->formula);
    return;
  }
  if (check.verdict == Verdict::mismatch)
    check.explanation +=
        fmt::format(" (rate cell {}: {})", rate.cell.name().view(), rate.workbook->formula);
}

}  // namespace

FormulaShape formula_shape(const model::Indicator& ind, const model::Observation& obs) {
  return shape_of(ind, obs, true);
}

void apply_cell_evidence(const model::Indicator& ind, model::Observation& obs,
                         const calc::Profile& profile, const RateCheckOptions& options) {
  judge_cap(ind, obs, profile);
  judge_stored(ind, obs, profile, options);
  judge_formula(ind, obs);
}

constexpr std::size_t cells_named = 3;

namespace {

using FormulaUsage = std::map<std::string, FormulaUse>;

// cell_formula_usage over indicators [begin, end).
FormulaUsage formula_usage_of(const model::Indicator* begin, const model::Indicator* end) {
  FormulaUsage usage;
  for (const auto* ind = begin; ind != end; ++ind)
    for (const auto& o : ind->observations) {
      if (o.published_rate.workbook->formula.empty()) continue;
      auto& use = usage[formula_shape(*ind, o).shape];
      ++use.count;
      if (use.cells.size() < cells_named) use.cells.push_back(o.published_rate.cell.text());
    }
  return usage;
}

// Adds the usage of the indicators after those of `into`: counts add up, the first cells stay
// first.
void add_usage(FormulaUsage& into, FormulaUsage&& after) {
  for (auto& [shape, use] : after) {
    auto& total = into[shape];
    total.count += use.count;
    for (auto& cell : use.cells)
      if (total.cells.size() < cells_named) total.cells.push_back(std::move(cell));
  }
}

// From this many indicators on, a sheet's formula shapes are found in runs on several threads.
constexpr std::size_t parallel_usage_from = 2048;

}  // namespace

std::map<std::string, FormulaUse> cell_formula_usage(const model::Sheet& sheet, unsigned threads) {
  const auto& indicators = sheet.parsed.indicators;
  const auto* first = indicators.data();
  threads = util::threads_for(indicators.size(), parallel_usage_from, threads);
  if (threads == 1) return formula_usage_of(first, first + indicators.size());
  std::map<std::size_t, FormulaUsage> by_run;  // by the run's first indicator
  std::mutex mutex;
  util::for_each_run(indicators.size(), threads, [&](std::size_t begin, std::size_t end) {
    auto usage = formula_usage_of(first + begin, first + end);
    std::lock_guard lock(mutex);
    by_run.emplace(begin, std::move(usage));
  });
  FormulaUsage usage;
  for (auto& [begin, run] : by_run) add_usage(usage, std::move(run));
  return usage;
}

std::map<std::string, FormulaUse> cell_formula_usage(const model::Sheet& sheet) {
  return cell_formula_usage(sheet, 0);
}

std::string describe_formula_usage(const std::map<std::string, FormulaUse>& usage) {
  std::string out;
  for (const auto& [shape, use] : usage) {
    std::string cells;
    for (const auto& c : use.cells) cells += (cells.empty() ? "" : ", ") + c;
    if (use.count > static_cast<int>(use.cells.size())) cells += ", …";
    out += fmt::format("{}{} in {} cell{} ({})", out.empty() ? "" : "; ", shape, use.count,
                       use.count == 1 ? "" : "s", cells);
  }
  return out;
}

}  // namespace kpi::verify
