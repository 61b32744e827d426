#include "kpi/report/summary_rows.hpp"

#include <fmt/format.h>

namespace kpi::report {
namespace {

std::string_view pick(Lang lang, std::string_view en, std::string_view ja) {
  return lang == Lang::ja ? ja : en;
}

std::string kpis_text(const StatusCounts& c, Lang) {
  return std::to_string(c.kpis);
}
std::string achieved_text(const StatusCounts& c, Lang) {
  auto share = c.achieved_percent();
  return share ? fmt::format("{} ({:.1f}%)", c.achieved, *share) : std::to_string(c.achieved);
}
std::string behind_text(const StatusCounts& c, Lang) {
  return std::to_string(c.behind);
}
std::string no_data_text(const StatusCounts& c, Lang) {
  return std::to_string(c.no_data);
}
std::string grades_text(const StatusCounts& c, Lang lang) {
  std::string out;
  for (const auto& [grade, n] : c.grades)
    out += fmt::format("{}{} {}", out.empty() ? "" : pick(lang, ", ", "・"), grade, n);
  return out;
}
std::string wrong_rates_text(const StatusCounts& c, Lang) {
  if (c.rates_checked == 0) return "";
  return fmt::format("{} / {}", c.wrong_rates, c.rates_checked);
}
std::string pace_text(const StatusCounts& c, Lang lang) {
  if (c.on_track + c.pace_behind == 0) return "";
  return fmt::format("{} {}{}{} {}", label(lang, model::PaceStatus::on_track), c.on_track,
                     pick(lang, ", ", "・"), label(lang, model::PaceStatus::behind), c.pace_behind);
}

}  // namespace

std::vector<SummaryRow> summary_rows(const Summary& summary, Lang lang) {
  std::vector<SummaryRow> rows{{std::string(term(lang, Term::whole_plan)), 0, &summary.total}};
  bool several = summary.sheets.size() > 1;
  for (const auto& sheet : summary.sheets) {
    if (several) rows.push_back({sheet.label, 1, &sheet.counts});
    for (const auto& goal : summary.goals) {
      if (goal.sheet != sheet.sheet) continue;
      auto label = goal.label.empty() ? std::string(term(lang, Term::no_goal)) : goal.label;
      rows.push_back({label, several ? 2 : 1, &goal.counts});
    }
  }
  return rows;
}

const std::vector<SummaryColumn>& summary_columns() {
  static const std::vector<SummaryColumn> columns = {
      {Term::kpis, Align::right, kpis_text},
      {Term::achieved, Align::right, achieved_text},
      {Term::behind, Align::right, behind_text},
      {Term::without_data, Align::right, no_data_text},
      {Term::grade, Align::left, grades_text},
      {Term::wrong_rates, Align::right, wrong_rates_text},
      {Term::pace, Align::left, pace_text},
  };
  return columns;
}

std::string summary_title(Lang lang, const ReportView& view) {
  if (!view.year)
    return std::string(pick(lang,
                            "Summary (the latest actual of each KPI; pace to the final target)",
                            "概要（各指標の最新の実績値・最終目標への進捗ペース）"));
  if (lang == Lang::ja)
    return fmt::format("概要（{}年度・{}）", *view.year, fiscal_year_label(lang, *view.year));
  return fmt::format("Summary, {}", fiscal_year_label(lang, *view.year));
}

std::string sheet_title(Lang lang, const model::Sheet& sheet) {
  auto where = model::input_text({sheet.path, 0, sheet.sheet_name, {}});
  auto kpis = sheet.parsed.indicators.size();
  auto skipped = sheet.parsed.skipped.size();
  auto body = model::sheet_body(sheet);
  if (lang == Lang::ja) {
    auto text = fmt::format("{}（{}{}{}、{}）：指標{}件、読み飛ばした行{}行", where, body,
                            body.empty() ? "" : "、", sheet.format, sheet.encoding, kpis, skipped);
    if (sheet.merged_kpis) text += fmt::format("、ほか{}件は前の系列に結合", sheet.merged_kpis);
    return text;
  }
  auto text = fmt::format("{} ({}{}{}, {}): {} KPIs, {} rows skipped", where, body,
                          body.empty() ? "" : ", ", sheet.format, sheet.encoding, kpis, skipped);
  if (sheet.merged_kpis) text += fmt::format(", {} more joined to series above", sheet.merged_kpis);
  return text;
}

}  // namespace kpi::report
