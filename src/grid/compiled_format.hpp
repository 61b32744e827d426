#pragma once
// A number format code parsed once (private to src/grid/): the workbook readers format
// every cell of a style through one CompiledFormat instead of parsing its code per cell.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "format_code.hpp"

namespace kpi::grid {

// The shape of a number section: placeholders around the point, grouping, scaling.
struct NumberShape {
  int integer_zeros = 0;  // 0 placeholders before the point (minimum integer digits)
  std::string fraction;   // placeholders after the point ("00", "0#")
  bool has_point = false;
  bool grouping = false;
  int percent = 0;
  int thousands_scale = 0;  // trailing commas: ÷1000 each
  bool exponent = false;
  char exponent_sign = '+';
  std::size_t exponent_digits = 0;
  int integer_placeholders = 0;
};

// format_number(value, code) for a fixed code: the same text, the code tokenized once.
class CompiledFormat {
 public:
  explicit CompiledFormat(std::string_view code);
  ~CompiledFormat();
  CompiledFormat(CompiledFormat&&) noexcept;
  CompiledFormat& operator=(CompiledFormat&&) noexcept;

  std::string format(std::string_view stored_value) const;
  // The same through the value's decimal digits as a string, for every value and code; format()
  // reads a plain value (up to 15 digits, no exponent) under a plain section (placeholders,
  // point, grouping, percent) in 64-bit integers instead. Public for the tests comparing both.
  std::string format_by_digits(std::string_view stored_value) const;
  // is_date_format(code): a section shows a date or time.
  bool is_date() const { return date_; }

 private:
  struct Section {
    std::vector<format_code::Token> tokens;
    NumberShape shape;
    bool date = false;
    bool only_literals = false;
    bool plain = false;  // only 0 # placeholders, point, grouping comma and percent
  };
  std::optional<std::string> format_plain(std::string_view stored_value) const;
  bool general_ = false;  // the empty code: General
  bool date_ = false;
  std::vector<Section> sections_;  // the first three: positive; negative; zero
};

}  // namespace kpi::grid
