#include "kpi/model/sheet.hpp"

#include <algorithm>
#include <cstring>

namespace kpi::model {

void Sheet::keep_text(std::string decoded) {
  auto owned = std::make_shared<const std::string>(std::move(decoded));
  line_starts.clear();
  kept_lines.clear();
  line_starts.push_back(0);
  const char* begin = owned->data();
  const char* end = begin + owned->size();
  for (const char* p = begin; (p = static_cast<const char*>(std::memchr(p, '\n', end - p)));)
    line_starts.push_back(static_cast<std::size_t>(++p - begin));
  text = std::move(owned);
}

namespace {

// Every line the parsed model points at, sorted and unique.
std::vector<int> referenced_lines(const ParseOutput& parsed) {
  std::vector<int> lines;
  for (const auto& d : parsed.diagnostics) lines.push_back(d.location.line);
  for (const auto& s : parsed.skipped) lines.push_back(s.line);
  for (const auto& ind : parsed.indicators) {
    lines.push_back(ind.source.line);
    for (const auto& o : ind.observations) lines.push_back(o.source.line);
  }
  std::sort(lines.begin(), lines.end());
  lines.erase(std::unique(lines.begin(), lines.end()), lines.end());
  return lines;
}

}  // namespace

void Sheet::release_text() {
  text.reset();
  std::vector<std::size_t>().swap(line_starts);
  std::vector<int>().swap(kept_lines);
}

void Sheet::keep_referenced_lines() {
  if (!text || !kept_lines.empty()) return;
  auto compact = std::make_shared<std::string>();
  std::vector<std::size_t> starts;
  std::vector<int> numbers;
  for (int line : referenced_lines(parsed)) {
    if (line <= 0 || static_cast<std::size_t>(line) > line_starts.size()) continue;
    numbers.push_back(line);
    starts.push_back(compact->size());
    compact->append(line_text(line)).push_back('\n');
  }
  compact->shrink_to_fit();
  text = std::move(compact);
  line_starts = std::move(starts);
  kept_lines = std::move(numbers);
  if (kept_lines.empty()) kept_lines.push_back(0);  // nothing kept: still compacted
}

std::string_view Sheet::line_text(int line) const {
  if (!text || line <= 0) return {};
  std::size_t index = static_cast<std::size_t>(line) - 1;
  if (!kept_lines.empty()) {
    auto at = std::lower_bound(kept_lines.begin(), kept_lines.end(), line);
    if (at == kept_lines.end() || *at != line) return {};
    index = static_cast<std::size_t>(at - kept_lines.begin());
  }
  if (index >= line_starts.size()) return {};
  std::string_view s = *text;
  std::size_t start = line_starts[index];
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

std::string_view sheet_body(const Sheet& sheet) {
  const auto& all = sheet.parsed.indicators;
  if (all.empty()) return {};
  std::string_view body = all.front().municipality_name;
  for (const auto& ind : all)
    if (ind.municipality_name != body) return {};
  return body;
}

}  // namespace kpi::model
