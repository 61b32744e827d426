#include "kpi/formats/registry.hpp"

#include "kpi/formats/body_of_sheet.hpp"
#include "kpi/formats/canonical_csv.hpp"
#include "kpi/formats/grid_layout.hpp"
#include "kpi/formats/joetsu.hpp"
#include "kpi/formats/kanazawa.hpp"
#include "kpi/formats/kpi_json.hpp"
#include "kpi/formats/takaoka.hpp"
#include "kpi/formats/toyama.hpp"

namespace kpi::formats {

const std::vector<InputFormat>& input_formats() {
  static const std::vector<InputFormat> table = {
      {"takaoka", "takaoka", "Takaoka KPI progress table (text from PDF, FY2020-FY2023)",
       takaoka::sniff, takaoka::parse},
      {"toyama", "toyama", "Toyama strategy progress (TSV, KPI at end of FY against final targets)",
       toyama::sniff, toyama::parse, toyama::max_sniff_score},
      {"joetsu", "joetsu",
       "Joetsu KPI progress table (TSV with stray HTML; current values against final targets)",
       joetsu::sniff, joetsu::parse, joetsu::max_sniff_score},
      {"kanazawa", "kanazawa",
       "Kanazawa strategy: baselines and targets (text from PDF, FY2024-FY2028)", kanazawa::sniff,
       kanazawa::parse, kanazawa::max_sniff_score},
      {"canonical", "", "canonical CSV any municipality can fill (docs/canonical.md)",
       canonical_csv::sniff, canonical_csv::parse},
      {"kpi-json", "", "kpi-report's own JSON (schema kpi-report/1) read back", kpi_json::sniff,
       kpi_json::parse},
      {"grid", "",
       "any KPI grid by its Japanese headers (指標名, 基準値, R5年度 目標値/実績値/達成率 ...): "
       "CSV, TSV or a workbook sheet",
       grid_layout::sniff, grid_layout::parse, grid_layout::sniff_score},
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
    if (f.max_score > 0 && f.max_score <= best_score) continue;
    int score = f.sniff(text);
    if (score > best_score) best = &f, best_score = score;
  }
  return best;
}

model::ParseOutput parse_as(const InputFormat& format, std::string_view text,
                            std::string_view path) {
  auto parsed = format.parse(text, path);
  if (!format.municipality.empty()) name_body_from_title(parsed.indicators, text);
  return parsed;
}

}  // namespace kpi::formats
