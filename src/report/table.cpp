// Terminal table for staff: one line per fiscal-year observation, grouped by sheet.
#include <fmt/format.h>

#include "kpi/report/format.hpp"
#include "kpi/report/writers.hpp"

namespace kpi::report {
namespace {

struct Column {
  const char* title;
  int width;
  bool right;
};

constexpr Column columns[] = {
    {"ID", 14, false},      {"KPI", 30, false},       {"unit", 8, false},    {"dir", 8, false},
    {"baseline", 10, true}, {"FY", 4, true},          {"target", 10, true},  {"actual", 10, true},
    {"published", 9, true}, {"recomputed", 10, true}, {"verdict", 10, false}};

void row(std::ostream& out, const std::vector<std::string>& cells) {
  std::string line;
  for (std::size_t i = 0; i < cells.size(); ++i) {
    if (i) line += "  ";
    line += fit(cells[i], columns[i].width, columns[i].right);
  }
  while (!line.empty() && line.back() == ' ') line.pop_back();
  out << line << '\n';
}

void header(std::ostream& out) {
  std::vector<std::string> titles;
  for (const auto& c : columns) titles.emplace_back(c.title);
  row(out, titles);
}

void indicator_rows(std::ostream& out, const model::Indicator& ind) {
  // 8 columns: an assumed direction shows as "assumed" (the JSON says increase, assumed).
  bool assumed = ind.direction_source == model::DirectionSource::assumed;
  std::vector<std::string> first = {display_id(ind), ind.name, ind.unit,
                                    assumed ? "assumed" : direction_label(ind, "?"),
                                    shown(ind.baseline.value)};
  if (ind.observations.empty()) {
    first.insert(first.end(), {"", shown(ind.final_target.value), "", "", "", "no actuals"});
    first[5] = ind.final_target.fiscal_year ? std::to_string(*ind.final_target.fiscal_year) : "";
    row(out, first);
    return;
  }
  bool lead = true;
  for (const auto& o : ind.observations) {
    std::vector<std::string> cells = lead ? first : std::vector<std::string>(5, "");
    cells.insert(cells.end(),
                 {std::to_string(o.fiscal_year), shown_target(ind, o), shown(o.actual),
                  shown(o.published_rate), recomputed_text(o), model::to_string(o.check.verdict)});
    row(out, cells);
    lead = false;
  }
}

std::string joined_text(const model::Sheet& sheet) {
  if (!sheet.merged_kpis) return "";
  return fmt::format(", {} more joined to series above", sheet.merged_kpis);
}

}  // namespace

void write_table(std::ostream& out, const ReportContext& context) {
  const auto& result = context.result;
  for (const auto& sheet : result.sheets) {
    out << fmt::format("{} ({}, {}): {} KPIs, {} rows skipped{}\n", sheet.path, sheet.format,
                       sheet.encoding, sheet.parsed.indicators.size(), sheet.parsed.skipped.size(),
                       joined_text(sheet));
    if (!sheet.parsed.indicators.empty()) header(out);
    for (const auto& ind : sheet.parsed.indicators) indicator_rows(out, ind);
    out << '\n';
  }
}

}  // namespace kpi::report
