#pragma once
// The observation rows every human writer renders (table, Markdown, HTML, CSV, xlsx): one row
// per KPI and fiscal year in view, and the columns they share, localised by --lang.
#include <optional>
#include <string>
#include <vector>

#include "kpi/model/sheet.hpp"
#include "kpi/report/labels.hpp"

namespace kpi::report {

// Which fiscal years a report shows: every year, or one (--year).
struct ReportView {
  std::optional<int> year;
};

struct ObservationRow {
  const model::Sheet* sheet = nullptr;
  const model::Indicator* indicator = nullptr;
  const model::Observation* observation = nullptr;  // null: the KPI has none in view
  const model::Observation* previous = nullptr;     // the year before, when it has an actual
  bool first_of_indicator = true;                   // the KPI's first row in view
  bool target_is_final = false;                     // the target shown is the plan's final target
};

// The observation a one-line view of `ind` shows: the one measuring `year` when given, else
// the latest with an actual, else the latest; null when there is none.
const model::Observation* current_observation(const model::Indicator& ind, std::optional<int> year);

// The rows of `sheet` in view, KPIs in sheet order, years ascending. A KPI without an
// observation in view gets one row without one.
std::vector<ObservationRow> observation_rows(const model::Sheet& sheet, const ReportView& view);

// The actual minus the previous year's actual, exact, at the larger printed precision.
std::optional<model::Decimal> change_since_previous(const ObservationRow& row);

enum class Align { left, right };

struct RowColumn {
  Term title;
  Align align;
  bool per_kpi;  // the same on every row of a KPI (tables print it on the first row only)
  std::string (*text)(const ObservationRow& row, Lang lang);
  // The cell as a number (percent for rates), for spreadsheets; null for text columns.
  std::optional<model::Decimal> (*number)(const ObservationRow& row);
};

// ID, KPI, unit, direction, baseline, FY, target, actual, published, recomputed, verdict,
// status, grade, change (the actual minus the previous year's), pace (toward the final
// target): the columns of the human writers, in order.
const std::vector<RowColumn>& observation_columns();

// The columns a view shows: every one, less the fiscal year when one year is in view (it is
// in the heading then).
std::vector<const RowColumn*> columns_in_view(const ReportView& view);

// The cell of `column` on `row`: "" for a per-KPI column below the KPI's first row.
std::string cell_text(const RowColumn& column, const ObservationRow& row, Lang lang);

}  // namespace kpi::report
