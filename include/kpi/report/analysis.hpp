#pragma once
// The analysis report's columns (report --format csv, the KPIs sheet of --format xlsx): one
// row per KPI and fiscal year in view (kpi/report/rows.hpp) with the values as numbers, the
// published and recomputed rates, the verdict, status, grade and pace. docs/csv-report.md
// lists them. Headers: machine-stable English keys (--lang en) or Japanese (--lang ja).
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kpi/model/decimal.hpp"
#include "kpi/pipeline.hpp"
#include "kpi/report/rows.hpp"

namespace kpi::report {

enum class CellKind {
  empty,
  text,
  number,   // `number` holds the exact value
  percent,  // `number` holds percent points (108.7 for 108.7%)
  year,     // `number` holds a fiscal year (2023: no thousands separator)
  flag,     // TRUE / FALSE
};

struct AnalysisCell {
  CellKind kind = CellKind::empty;
  std::string text;  // the cell as the CSV writes it: exact decimal text, TRUE/FALSE, words
  std::optional<model::Decimal> number;
  bool flag = false;
};

struct AnalysisColumn {
  std::string_view key;  // the English header: snake_case, stable
  Term title;            // the Japanese header
  AnalysisCell (*cell)(const ObservationRow& row, Lang lang);
};

const std::vector<AnalysisColumn>& analysis_columns();
// The header of `column` in `lang`.
std::string_view analysis_header(const AnalysisColumn& column, Lang lang);

// The rows of every sheet of `result` in view, sheets in input order.
std::vector<ObservationRow> analysis_rows(const PipelineResult& result, const ReportView& view);

// Values of the analysis as English words are machine keys (the JSON contract's: no_data,
// on_track, published-rate); in Japanese the labels of kpi/report/labels.hpp.
std::string_view flag_text(bool flag);  // TRUE / FALSE

}  // namespace kpi::report
