#pragma once
// The table of input layouts. Adding a layout = one file in src/formats/ + one line in
// src/formats/registry.cpp.
#include <string_view>
#include <vector>

#include "kpi/model/sheet.hpp"

namespace kpi::formats {

struct InputFormat {
  std::string_view name;          // --input-format NAME, "format" in JSON sources[]
  std::string_view municipality;  // profile slug ("" = from the content, e.g. canonical)
  std::string_view description;   // one line for `kpi-report formats`
  // Confidence that `text` (decoded UTF-8) is this layout: 0 = no, higher = surer.
  int (*sniff)(std::string_view text);
  // Pure parser: text in, model out. `path` only labels source locations.
  model::ParseOutput (*parse)(std::string_view text, std::string_view path);
  // The highest score `sniff` can give (0: no bound). Detection skips a sniff that cannot
  // beat a layout already recognised (the grid fallback reads 64 KB as a table).
  int max_score = 0;
};

const std::vector<InputFormat>& input_formats();
const InputFormat* find_format(std::string_view name);
// The layout with the highest positive sniff score, or nullptr.
const InputFormat* detect_format(std::string_view text);
// `format`'s parse, and the body each KPI is of: a city's layout reads it from the title
// (kpi/formats/body_of_sheet.hpp).
model::ParseOutput parse_as(const InputFormat& format, std::string_view text,
                            std::string_view path);

}  // namespace kpi::formats
