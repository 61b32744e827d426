#include "kpi/formats/registry.hpp"

#include "kpi/formats/canonical_csv.hpp"
#include "kpi/formats/kpi_json.hpp"
#include "kpi/formats/takaoka.hpp"

namespace kpi::formats {

const std::vector<InputFormat>& input_formats() {
  static const std::vector<InputFormat> table = {
      {"takaoka", "takaoka", "Takaoka KPI progress table (text from PDF, FY2020-FY2023)",
       takaoka::sniff, takaoka::parse},
      {"canonical", "", "canonical CSV any municipality can fill (docs/canonical.md)",
       canonical_csv::sniff, canonical_csv::parse},
      {"kpi-json", "", "kpi-report's own JSON (schema kpi-report/1) read back", kpi_json::sniff,
       kpi_json::parse},
  };
  return table;
}

const InputFormat* find_format(std::string_view name) {
  for (const auto& f : input_formats())
    if (f.name == name) return &f;
  return nullptr;
}

const InputFormat* detect_format(std::string_view text) {
  const InputFormat* best = nullptr;
  int best_score = 0;
  for (const auto& f : input_formats()) {
    int score = f.sniff(text);
    if (score > best_score) best = &f, best_score = score;
  }
  return best;
}

}  // namespace kpi::formats
