#pragma once
// Joetsu: 第2期上越市まち・ひと・しごと創生総合戦略 KPI進捗状況一覧表, tab-separated text with
// stray HTML; current values at the end of one fiscal year against final targets.
#include <string_view>

#include "kpi/model/sheet.hpp"

namespace kpi::formats::joetsu {

int sniff(std::string_view text);
// The highest score sniff gives.
inline constexpr int max_sniff_score = 10;
model::ParseOutput parse(std::string_view text, std::string_view path);

}  // namespace kpi::formats::joetsu
