#pragma once
// Kanazawa: 第3次金沢版総合戦略 (FY2024–FY2028), text extracted from the PDF. KPI blocks
// ("KPI（重要業績評価指標）", "数値目標") under 基本目標 N → (n) measure → ① sub-measure, each KPI
// "name baseline (period) → target (period)". Baselines and targets only, no actuals.
#include <string_view>

#include "kpi/model/sheet.hpp"

namespace kpi::formats::kanazawa {

int sniff(std::string_view text);
// The highest score sniff gives.
inline constexpr int max_sniff_score = 8;
model::ParseOutput parse(std::string_view text, std::string_view path);

}  // namespace kpi::formats::kanazawa
