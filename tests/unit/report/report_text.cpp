#include "report/report_text.hpp"

#include <sstream>

#include <unicode/utf8.h>

#include "kpi/text/display_width.hpp"
#include "kpi/text/number.hpp"
#include "kpi/verify/rate_check.hpp"
#include "sheets.hpp"

namespace kpi::testing {
namespace {

// The character drawn in each terminal column of `line` (a wide character fills two).
std::vector<std::string> cells_of(const std::string& line, int ambiguous_width) {
  std::vector<std::string> cells;
  auto length = static_cast<std::ptrdiff_t>(line.size());
  for (std::ptrdiff_t i = 0; i < length;) {
    auto start = i;
    UChar32 c = 0;
    U8_NEXT(line.data(), i, length, c);
    auto ch = line.substr(static_cast<std::size_t>(start), static_cast<std::size_t>(i - start));
    int w = text::display_width(ch, ambiguous_width);
    for (int k = 0; k < w; ++k) cells.push_back(ch);
  }
  return cells;
}

bool is_rule(const std::string& line) {
  return !line.empty() && line.front() == '-' && line.find_first_not_of("- ") == std::string::npos;
}

}  // namespace

PipelineResult takaoka_result() {
  PipelineResult result;
  result.sheets.push_back(load_sheet("takaoka/takaoka-kpi-progress-fy2020-2023.txt"));
  return result;
}

PipelineResult one_kpi_result(const std::string& name, const std::string& unit) {
  auto value = [](std::string_view printed) { return text::parse_cell(printed, printed).value; };
  model::Indicator ind;
  ind.municipality = "testcity";
  ind.id = "No.1";
  ind.name = name;
  ind.unit = unit;
  ind.direction = model::Direction::increase;
  ind.source = {"sheet.txt", 3};
  model::Observation o;
  o.fiscal_year = 2023;
  o.target = value("10");
  o.actual = value("9");
  o.published_rate = value("95.0%");
  o.source = {"sheet.txt", 4};
  ind.observations.push_back(o);
  model::Sheet sheet;
  sheet.path = "sheet.txt";
  sheet.format = "test";
  sheet.encoding = "UTF-8";
  sheet.usable = true;
  sheet.parsed.indicators.push_back(ind);
  verify::check_rates(sheet.parsed.indicators);
  PipelineResult result;
  result.sheets.push_back(sheet);
  return result;
}

std::string render_report(const char* format, const PipelineResult& result,
                          const report::ReportOptions& options) {
  std::ostringstream out;
  report::render(*report::find_report_writer(format), out, result, options);
  return out.str();
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

TableCheck check_table_lines(const std::string& text, int width, int ambiguous_width,
                             const std::string& note_prefix) {
  TableCheck check;
  std::vector<bool> gap;  // columns of the current rule that are separators
  bool in_note = false;
  for (const auto& line : lines_of(text)) {
    int w = text::display_width(line, ambiguous_width);
    check.widest = std::max(check.widest, w);
    if (width > 0 && w > width) check.problems.push_back("too wide: " + line);
    if (is_rule(line)) {
      ++check.tables;
      gap.clear();
      for (char c : line) gap.push_back(c == ' ');
      in_note = false;
      continue;
    }
    if (gap.empty()) continue;
    if (line.empty() || line.front() == '(' || line.rfind("（", 0) == 0) {  // end of the table
      gap.clear();
      continue;
    }
    bool note = line.rfind("    " + note_prefix, 0) == 0;
    bool continued = in_note && line.rfind("      ", 0) == 0 && line.size() > 6 && line[6] != ' ';
    if (note || continued) {
      ++check.notes;
      in_note = true;
      continue;
    }
    in_note = false;
    ++check.rows;
    auto cells = cells_of(line, ambiguous_width);
    if (cells.size() > gap.size()) check.problems.push_back("past the rule: " + line);
    for (std::size_t i = 0; i < cells.size() && i < gap.size(); ++i)
      if (gap[i] && cells[i] != " ") {
        check.problems.push_back("out of line at column " + std::to_string(i) + ": " + line);
        break;
      }
  }
  return check;
}

}  // namespace kpi::testing
