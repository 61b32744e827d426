#pragma once
// A printed cell value: the number (if any) plus the text it was read from.
#include <optional>
#include <string>

#include "kpi/model/boxed.hpp"
#include "kpi/model/cell_ref.hpp"
#include "kpi/model/decimal.hpp"

namespace kpi::model {

enum class Qualifier { none, at_least, at_most, about, keep };  // 以上 以下 程度 を維持

// A published rate printed as a cap: "100%超" (above), "0%未満" (below).
enum class Cap { none, above, below };

// The parts of a workbook cell's value that text inputs never have (and most cells neither).
struct CellDetail {
  std::optional<Decimal> stored{};  // the cell's value when it holds more digits than it shows
  std::string formula{};            // "=ROUND(O22/N22,3)" when the cell is a formula
  bool formula_uncached = false;    // a formula stored without its computed value
  Cap cap = Cap::none;              // a rate printed as a bound, not a value
};

struct Value {
  std::optional<Decimal> number;  // absent: no value ("-", empty, qualitative text)
  std::string text;               // as printed, trimmed (original characters)
  CellRef cell{};                 // P22: the workbook cell the value was read from; none for text
  Boxed<CellDetail> workbook{};   // set only when a cell has one of them (kpi/model/boxed.hpp)

  bool has_number() const { return number.has_value(); }
  int decimals() const { return number ? number->scale : 0; }
};

const char* to_string(Qualifier qualifier);  // "以上" ... ; nullptr for none

}  // namespace kpi::model
