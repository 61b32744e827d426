#pragma once
// Toyama: 富山市 総合戦略に記載されている各種施策の取組状況 (tab-separated). KPI values at the
// end of one fiscal year against final targets, with revised targets (変更後の目標値).
#include <string_view>

#include "kpi/model/sheet.hpp"

namespace kpi::formats::toyama {

int sniff(std::string_view text);
// The highest score sniff gives.
inline constexpr int max_sniff_score = 13;
model::ParseOutput parse(std::string_view text, std::string_view path);

}  // namespace kpi::formats::toyama
