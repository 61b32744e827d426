#include "kpi/model/sheet.hpp"

namespace kpi::model {

void Sheet::keep_text(std::string_view decoded) {
  auto owned = std::make_shared<const std::string>(decoded);
  line_starts.clear();
  line_starts.push_back(0);
  for (std::size_t i = 0; i < owned->size(); ++i)
    if ((*owned)[i] == '\n') line_starts.push_back(i + 1);
  text = std::move(owned);
}

std::string_view Sheet::line_text(int line) const {
  if (!text || line <= 0 || static_cast<std::size_t>(line) > line_starts.size()) return {};
  std::string_view s = *text;
  std::size_t start = line_starts[static_cast<std::size_t>(line) - 1];
  if (start > s.size()) return {};
  auto end = s.find('\n', start);
  return s.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
}

}  // namespace kpi::model

namespace kpi::model {

std::vector<SourceSummary> source_summaries(const Sheet& sheet) {
  if (sheet.parsed.origins) return *sheet.parsed.origins;
  SourceSummary s;
  s.path = sheet.path;
  s.sheet = sheet.sheet_name;
  s.format = sheet.format;
  s.encoding = sheet.encoding;
  s.kpis = static_cast<int>(sheet.parsed.indicators.size()) + sheet.merged_kpis;
  s.rows_read = sheet.parsed.rows_read;
  s.rows_used = sheet.parsed.rows_used;
  s.merged = sheet.merged_kpis;
  s.skipped = sheet.parsed.skipped;
  return {s};
}

}  // namespace kpi::model
