#pragma once
// Takaoka: 第2期高岡市総合戦略 KPI進捗状況一覧表, text extracted from the PDF table.
#include <string_view>

#include "kpi/model/sheet.hpp"

namespace kpi::formats::takaoka {

int sniff(std::string_view text);
model::ParseOutput parse(std::string_view text, std::string_view path);

}  // namespace kpi::formats::takaoka
