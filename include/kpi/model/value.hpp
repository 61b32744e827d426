#pragma once
// A printed cell value: the number (if any) plus the text it was read from.
#include <optional>
#include <string>

#include "kpi/model/decimal.hpp"

namespace kpi::model {

enum class Qualifier { none, at_least, at_most, about, keep };  // 以上 以下 程度 を維持

struct Value {
  std::optional<Decimal> number;  // absent: no value ("-", empty, qualitative text)
  std::string text;               // as printed, trimmed (original characters)

  bool has_number() const { return number.has_value(); }
  int decimals() const { return number ? number->scale : 0; }
};

const char* to_string(Qualifier qualifier);  // "以上" ... ; nullptr for none

}  // namespace kpi::model
