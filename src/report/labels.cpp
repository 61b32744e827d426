#include "kpi/report/labels.hpp"

#include <array>
#include <cstdlib>

#include <fmt/format.h>

namespace kpi::report {
namespace {

struct Words {
  Term term;
  std::string_view en;
  std::string_view ja;
};

// One line per term; the order follows the enum (checked by words_of()).
constexpr Words words[] = {
    {Term::id, "ID", "番号"},
    {Term::kpi, "KPI", "指標名"},
    {Term::unit, "unit", "単位"},
    {Term::direction, "direction", "方向"},
    {Term::baseline, "baseline", "基準値"},
    {Term::fiscal_year, "FY", "年度"},
    {Term::target, "target", "目標値"},
    {Term::actual, "actual", "実績値"},
    {Term::published_rate, "published", "達成率（公表）"},
    {Term::recomputed_rate, "recomputed", "達成率（再計算）"},
    {Term::verdict, "verdict", "判定"},
    {Term::status, "status", "達成状況"},
    {Term::grade, "grade", "評価"},
    {Term::pace, "pace", "進捗ペース"},
    {Term::change, "change", "前年度からの増減"},
    {Term::final_target, "final target", "最終目標値"},
    {Term::final_target_mark, "(final)", "（最終）"},
    {Term::goal, "goal", "基本目標"},
    {Term::kpis, "KPIs", "指標数"},
    {Term::achieved_share, "achieved", "達成率"},
    {Term::without_data, "no data", "データなし"},
    {Term::wrong_rates, "wrong published rates", "公表値の誤り"},
    {Term::summary, "Summary", "概要"},
    {Term::whole_plan, "whole plan", "計画全体"},
    {Term::per_goal, "by basic goal", "基本目標別"},
    {Term::per_sheet, "by sheet", "シート別"},
    {Term::findings, "Findings", "指摘事項"},
    {Term::legend, "Legend", "凡例"},
    {Term::rows_skipped, "rows skipped", "行を読み飛ばし"},
    {Term::assumed, "assumed", "推定"},
    {Term::projected_final, "projected final", "最終年度見込み"},
    {Term::expected_now, "on the line", "計画線上の値"},
    {Term::no_goal, "(no basic goal)", "（基本目標なし）"},
    {Term::note, "note", "注"},
    {Term::municipality, "municipality", "自治体"},
    {Term::municipality_name, "municipality name", "自治体名"},
    {Term::source, "source", "入力"},
    {Term::direction_source, "direction source", "方向の根拠"},
    {Term::fiscal_year_name, "fiscal year", "年度（和暦）"},
    {Term::reported_in, "reported in", "掲載年度"},
    {Term::target_is_final, "target is final", "最終目標値で評価"},
    {Term::achieved, "achieved", "達成"},
    {Term::pace_as_of, "pace as of", "進捗判定年度"},
    {Term::baseline_printed, "baseline as printed", "基準値（表記）"},
    {Term::target_printed, "target as printed", "目標値（表記）"},
    {Term::actual_printed, "actual as printed", "実績値（表記）"},
    {Term::location, "location", "所在"},
    {Term::severity, "severity", "重要度"},
    {Term::rule, "rule", "規則"},
    {Term::message, "message", "内容"},
    {Term::behind, "behind", "未達成"},
    {Term::kpi_sheet, "KPIs", "指標"},
    {Term::chart_title, "Status by basic goal", "基本目標別の達成状況"},
    {Term::share_achieved, "share achieved", "達成割合"},
    {Term::status_in_latest_year, "each KPI in its latest year with an actual",
     "各指標の実績がある最新年度"},
    {Term::status_in_year, "each KPI in", "各指標の対象年度:"},
    {Term::published_printed, "published rate as printed", "達成率（公表・表記）"},
    {Term::columns_left_out, "not shown at this width", "この幅では省略"},
};
static_assert(std::size(words) == static_cast<std::size_t>(Term::count));

constexpr bool in_enum_order() {
  for (std::size_t i = 0; i < std::size(words); ++i)
    if (static_cast<std::size_t>(words[i].term) != i) return false;
  return true;
}
static_assert(in_enum_order(), "words[] must list the terms in the order of enum Term");

// The eras of fiscal years, newest first.
struct Era {
  int first_year;
  std::string_view name, letter;
};
constexpr Era eras[] = {{2019, "令和", "R"}, {1989, "平成", "H"}};

const Era* era_of(int fiscal_year) {
  for (const auto& era : eras)
    if (fiscal_year >= era.first_year) return &era;
  return nullptr;
}

std::string_view pick(Lang lang, std::string_view en, std::string_view ja) {
  return lang == Lang::ja ? ja : en;
}

}  // namespace

std::optional<Lang> lang_from_name(std::string_view name) {
  if (name.empty()) return std::nullopt;
  return name.substr(0, 2) == "ja" ? Lang::ja : Lang::en;
}

Lang lang_from_environment() {
  for (const char* variable : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
    const char* value = std::getenv(variable);
    if (auto lang = lang_from_name(value ? value : "")) return *lang;
  }
  return Lang::en;
}

std::string_view term(Lang lang, Term t) {
  const auto& w = words[static_cast<std::size_t>(t)];
  return pick(lang, w.en, w.ja);
}

std::string_view label(Lang lang, model::Direction d) {
  switch (d) {
    case model::Direction::increase:
      return pick(lang, "increase", "増加");
    case model::Direction::decrease:
      return pick(lang, "decrease", "減少");
    case model::Direction::maintain:
      return pick(lang, "maintain", "維持");
    case model::Direction::unknown:
      break;
  }
  return "";
}

std::string_view label(Lang lang, model::Verdict v) {
  switch (v) {
    case model::Verdict::match:
      return pick(lang, "match", "一致");
    case model::Verdict::consistent:
      return pick(lang, "consistent", "表示桁内で一致");
    case model::Verdict::mismatch:
      return pick(lang, "mismatch", "不一致");
    case model::Verdict::unchecked:
      break;
  }
  return pick(lang, "unchecked", "検証不可");
}

std::string_view label(Lang lang, model::Status s) {
  switch (s) {
    case model::Status::achieved:
      return pick(lang, "achieved", "達成");
    case model::Status::behind:
      return pick(lang, "behind", "未達成");
    case model::Status::no_data:
      break;
  }
  return pick(lang, "no data", "データなし");
}

std::string_view label(Lang lang, model::PaceStatus s) {
  switch (s) {
    case model::PaceStatus::achieved:
      return pick(lang, "achieved", "達成済み");
    case model::PaceStatus::on_track:
      return pick(lang, "on track", "順調");
    case model::PaceStatus::behind:
      return pick(lang, "behind", "遅れ");
    case model::PaceStatus::unknown:
      break;
  }
  return pick(lang, "unknown", "判定不可");
}

std::string_view label(Lang lang, model::DirectionSource s) {
  switch (s) {
    case model::DirectionSource::label:
      return pick(lang, "label", "表記");
    case model::DirectionSource::qualifier:
      return pick(lang, "qualifier", "目標値の以上・以下");
    case model::DirectionSource::inferred:
      return pick(lang, "inferred", "基準値と目標値から推定");
    case model::DirectionSource::target:
      return pick(lang, "target", "開始年度の目標値");
    case model::DirectionSource::published_rate:
      return pick(lang, "published-rate", "公表達成率から");
    case model::DirectionSource::assumed:
      return pick(lang, "assumed", "仮定");
    case model::DirectionSource::none:
      break;
  }
  return "";
}

std::string fiscal_year_label(Lang lang, int fiscal_year) {
  if (lang == Lang::en) return fmt::format("FY{}", fiscal_year);
  const Era* era = era_of(fiscal_year);
  if (!era) return fmt::format("{}年度", fiscal_year);
  int n = fiscal_year - era->first_year + 1;
  return n == 1 ? fmt::format("{}元年度", era->name) : fmt::format("{}{}年度", era->name, n);
}

std::string fiscal_year_short(int fiscal_year) {
  const Era* era = era_of(fiscal_year);
  if (!era) return std::to_string(fiscal_year);
  return fmt::format("{}{}", era->letter, fiscal_year - era->first_year + 1);
}

}  // namespace kpi::report
