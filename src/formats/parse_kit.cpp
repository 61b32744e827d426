#include "kpi/formats/parse_kit.hpp"

#include "kpi/text/strings.hpp"

namespace kpi::formats {

bool starts_with_circled_number(std::string_view s) {
  s = text::trim(s);
  if (s.size() < 3) return false;
  auto b0 = static_cast<unsigned char>(s[0]), b1 = static_cast<unsigned char>(s[1]),
       b2 = static_cast<unsigned char>(s[2]);
  return b0 == 0xE2 && b1 == 0x91 && b2 >= 0xA0 && b2 <= 0xB3;  // U+2460..U+2473
}

model::Direction direction_of(model::Qualifier qualifier) {
  switch (qualifier) {
    case model::Qualifier::at_least:
      return model::Direction::increase;
    case model::Qualifier::at_most:
      return model::Direction::decrease;
    case model::Qualifier::keep:
      return model::Direction::maintain;
    default:
      return model::Direction::unknown;
  }
}

void skip_row(model::ParseOutput& out, std::string_view path, int line, std::string reason) {
  out.diagnostics.push_back(
      {{std::string(path), line}, model::Severity::warning, "input.skipped-row", reason});
  out.skipped.push_back({line, std::move(reason)});
}

}  // namespace kpi::formats
