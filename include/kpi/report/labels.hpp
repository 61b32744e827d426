#pragma once
// The words of the human outputs in English and Japanese (--lang). Machine formats (JSON,
// SARIF, JUnit, GitHub) keep their English keys and rule ids and never use these.
#include <optional>
#include <string>
#include <string_view>

#include "kpi/model/indicator.hpp"

namespace kpi::report {

enum class Lang { en, ja };

// "ja", "ja_JP.UTF-8", "en", "C" ... → the language; nullopt for an empty name.
std::optional<Lang> lang_from_name(std::string_view name);
// The language of the first of LC_ALL, LC_MESSAGES, LANG that is set and not empty: ja* is
// Japanese, anything else English.
Lang lang_from_environment();

enum class Term {
  id,
  kpi,
  unit,
  direction,
  baseline,
  fiscal_year,
  target,
  actual,
  published_rate,
  recomputed_rate,
  verdict,
  status,
  grade,
  pace,
  change,
  final_target,       // marks a target that is the plan's final one
  final_target_mark,  // the short mark beside such a target in a table cell
  goal,
  kpis,
  achieved_share,
  without_data,
  wrong_rates,
  summary,
  whole_plan,
  per_goal,
  per_sheet,
  findings,
  legend,
  rows_skipped,
  assumed,
  projected_final,
  expected_now,
  no_goal,
  note,
  // the analysis columns (CSV and xlsx reports)
  municipality,
  municipality_name,
  source,
  direction_source,
  fiscal_year_name,
  reported_in,
  target_is_final,
  achieved,
  pace_as_of,
  baseline_printed,
  target_printed,
  actual_printed,
  location,
  severity,
  rule,
  message,
  behind,
  kpi_sheet,
  chart_title,
  share_achieved,
  status_in_latest_year,
  status_in_year,
  published_printed,
  columns_left_out,  // under a table narrowed to the terminal
  count,
};

std::string_view term(Lang lang, Term t);
std::string_view label(Lang lang, model::Direction d);  // "" for unknown
std::string_view label(Lang lang, model::Verdict v);
std::string_view label(Lang lang, model::Status s);
std::string_view label(Lang lang, model::PaceStatus s);
std::string_view label(Lang lang, model::DirectionSource s);  // "" for none
// en "FY2023"; ja "令和5年度" (平成 before 2019).
std::string fiscal_year_label(Lang lang, int fiscal_year);
// The era year as Japanese tables abbreviate it: "R5" for 2023, "H30" for 2018.
std::string fiscal_year_short(int fiscal_year);

}  // namespace kpi::report
