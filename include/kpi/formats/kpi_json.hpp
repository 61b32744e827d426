#pragma once
// kpi-report's own JSON (schema "kpi-report/1", see report/json.hpp) read back into the model,
// so that a report can be re-checked, merged with new sheets or converted to CSV.
#include <string_view>

#include "kpi/model/sheet.hpp"

namespace kpi::formats::kpi_json {

int sniff(std::string_view text);
// Values take their number from the JSON number and their printed precision from the
// *_text field; sources[] become ParseOutput::origins and diagnostics[] are carried over, so
// that writing the result as JSON again gives the same document.
model::ParseOutput parse(std::string_view text, std::string_view path);

}  // namespace kpi::formats::kpi_json
