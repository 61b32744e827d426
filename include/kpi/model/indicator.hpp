#pragma once
// The normalised indicator model shared by every input layout and every report.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kpi/model/outcome.hpp"
#include "kpi/model/shared_name.hpp"
#include "kpi/model/value.hpp"

// The formula enums a rate check names (kpi/calc/rate.hpp, verify's rate candidates): declared
// here only, so the model does not depend on the layers that compute rates.
namespace kpi::calc {
enum class Method : std::uint8_t;
}
namespace kpi::verify {
enum class Basis : std::uint8_t;
}

namespace kpi::model {

enum class Direction { unknown, increase, decrease, maintain };
// Where a direction came from: a printed label (増加指標), a target qualifier (以上), inferred
// from target against baseline, the target of a KPI that starts inside the plan ("R6年度開始
// → 250人"), the sheet's own published rates (actual/target reproduces them), or assumed
// (nothing says; the rate is computed as actual/target).
enum class DirectionSource { none, label, qualifier, inferred, target, published_rate, assumed };
enum class Verdict : std::uint8_t { unchecked, match, consistent, mismatch };

struct SourceLocation {
  SharedName path;
  int line = 0;        // 1-based; 0 = whole file (a workbook: the row)
  SharedName sheet{};  // workbook sheet name; "" for text inputs
  CellRef cell{};      // P22 when one cell is meant; none for a whole row
};
// "path:12", "book.xlsx:KPI!P22", "book.xlsx:KPI!22" (a row), or "path".
std::string location_text(const SourceLocation& location);
// The input without line or cell: "path", or "book.xlsx:KPI" for a worksheet.
std::string input_text(const SourceLocation& location);

// One level of the plan above a KPI, as the sheet prints it: Toyama 【基本目標1】 →
// 【基本的方向：ア】 → 1-01; Joetsu 分野1 → A-1 → A-1-1; Kanazawa 基本目標1 → (1) → ①.
struct PlanLevel {
  std::string level;  // goal | direction | measure | sub-measure
  std::string code;   // as printed: "1", "ア", "A-1", "1-01", "(1)", "①"; "" when none
  std::string title;  // the heading as printed
};

struct Baseline {
  Value value;
  std::optional<int> fiscal_year;
  std::vector<Value> alternatives;  // further numbers printed in the same cell
};

struct FinalTarget {
  Value value;
  std::optional<int> fiscal_year;
  Qualifier qualifier = Qualifier::none;
};

// What the engine and verifier found for one observation.
struct RateCheck {
  std::optional<double> rate_percent;   // recomputed, unrounded (nearest double)
  std::optional<Decimal> rate_rounded;  // recomputed, Excel-rounded at the published precision
  // The formula and what it is against name fixed texts (calc::to_string(Method), verify's
  // basis names): views of static strings, never of a string that could go away.
  std::string_view method;  // ratio | inverse | progress | maintain_zero | ...
  std::string_view basis;   // what the rate is against: "year target", "final target" ...
  // The same formula as enums, set with the texts: the rules that ask which formula compare
  // these, so renaming a text cannot silently disable them.
  std::optional<calc::Method> method_kind;
  std::optional<verify::Basis> basis_kind;
  bool decision_flip = false;  // the discrepancy changes the grade or achieved/not
  Verdict verdict = Verdict::unchecked;
  std::string explanation;  // why consistent / mismatch / unchecked
};

// The 変更後 columns (Toyama): a revised target and rate, and the check of one against the
// other. Few observations have them, so an observation keeps them boxed.
struct Revision {
  Value target;     // 変更後の目標値
  Value rate;       // 変更後の達成率
  RateCheck check;  // the revised rate against the revised target (when printed)
};

struct Observation {
  int fiscal_year = 0;
  bool provisional = false;  // actual not final (未確定)
  Value target;
  Value actual;
  Value published_rate;                   // as printed ("99.0%"); number in percent
  std::optional<int> actual_fiscal_year;  // when the actual is for another year than the column
  // The year of the column the value was printed under, when the observation is filed under
  // the year it measures instead ("35.1% (R3)" in the FY2023 column: fiscal_year 2021,
  // reported_in 2023). See kpi/model/measured_year.hpp.
  std::optional<int> reported_in;
  std::string notes;
  SourceLocation source;  // line of the values
  RateCheck check;        // the published rate
  // Set only when a 変更後 value is printed (kpi/model/boxed.hpp): read `o.revised->target`.
  Boxed<Revision> revised;
  Outcome outcome;  // achieved / behind / no data, and the grade (kpi/calc/outcome.hpp)
};

// Keeps the revised target and rate; boxes them only when one of them holds anything, so an
// observation without 変更後 values has no box.
void set_revision(Observation& observation, Value target, Value rate);

// The formula an indicator's type prescribes (prefectural sheets print a type per row:
// 進捗割合型, 現状維持型 ...); by_direction = the municipality's convention.
enum class RateFormula {
  by_direction,
  progress,         // (actual - initial) / (target - initial)
  ratio,            // actual / target
  two_minus_ratio,  // 2 - actual / target (maintain, lower is better)
};

struct Indicator {
  // The conventions' profile slug (takaoka, toyama, kanazawa, joetsu; "unknown" for none): the
  // body's own when the sheet names a body with a profile, else the layout's city.
  std::string municipality;
  // The body the sheet is of, as its title or 市町村 column prints it (NFKC, unspaced: 小川市),
  // else its profile's name (高岡市); "" when neither is known. Series merge by it.
  std::string municipality_name;
  std::string id;  // as printed: No.3, 1-07, A-1-1, 1-(1)-①
  int seq = 1;     // ordinal of this KPI within its id
  std::string name;
  std::string unit;
  std::string goal;                  // basic goal (基本目標 / 政策分野)
  std::string measure;               // measure (施策)
  std::vector<PlanLevel> plan_path;  // from the basic goal down to the measure
  Direction direction = Direction::unknown;
  DirectionSource direction_source = DirectionSource::none;
  std::string direction_text;  // the printed label or qualifier it came from
  bool cumulative = false;     // 累計
  RateFormula rate_formula = RateFormula::by_direction;
  std::string type_text;  // the printed indicator type (指標の型 / 指標区分), if any
  std::optional<std::string> relisted_of;  // id of the original for a 再掲 row ("" = unknown)
  Baseline baseline;
  FinalTarget final_target;
  std::vector<Observation> observations;  // ascending fiscal year
  Pace pace;                              // toward the final target (kpi/calc/outcome.hpp)
  SourceLocation source;
};

// The body a KPI is of, as series and cross-row checks group KPIs: its name, else its slug.
inline const std::string& body_of(const Indicator& ind) {
  return ind.municipality_name.empty() ? ind.municipality : ind.municipality_name;
}

const char* to_string(Direction direction);  // increase | decrease | maintain | nullptr
const char* to_string(DirectionSource source);
const char* to_string(Verdict verdict);
const char* to_string(RateFormula formula);  // nullptr for by_direction
std::optional<Direction> direction_from_string(std::string_view text);
std::optional<Verdict> verdict_from_string(std::string_view text);

}  // namespace kpi::model
