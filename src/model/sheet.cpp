#include "kpi/model/sheet.hpp"

namespace kpi::model {

std::string_view Sheet::line_text(int line) const {
  if (!text || line <= 0) return {};
  std::string_view s = *text;
  std::size_t start = 0;
  for (int n = 1; n < line; ++n) {
    start = s.find('\n', start);
    if (start == std::string_view::npos) return {};
    ++start;
  }
  auto end = s.find('\n', start);
  return s.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
}

}  // namespace kpi::model

namespace kpi::model {

std::vector<SourceSummary> source_summaries(const Sheet& sheet) {
  if (sheet.parsed.origins) return *sheet.parsed.origins;
  SourceSummary s;
  s.path = sheet.path;
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
