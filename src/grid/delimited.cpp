#include "kpi/grid/delimited.hpp"

#include "kpi/text/strings.hpp"
#include "kpi/util/csv.hpp"

namespace kpi::grid {
namespace {

constexpr int sniffed_lines = 20;

void put_row(DelimitedGrid& grid, int line, const std::vector<std::string_view>& fields) {
  int row = static_cast<int>(grid.row_lines.size());
  grid.row_lines.push_back(line);
  int last = static_cast<int>(fields.size()) - 1;
  while (last >= 0 && text::trim(fields[static_cast<std::size_t>(last)]).empty()) --last;
  if (last < 0) {
    if (row >= static_cast<int>(grid.sheet.rows.size()))
      grid.sheet.rows.resize(static_cast<std::size_t>(row) + 1);
    return;
  }
  for (int c = 0; c <= last; ++c) {
    auto field = fields[static_cast<std::size_t>(c)];
    auto& cell = grid.sheet.set(row, c);
    if (text::trim(field).empty()) continue;
    cell.kind = CellKind::text;
    cell.display = grid.sheet.keep(field);
    cell.value = cell.display;
  }
}

}  // namespace

char delimiter_of(std::string_view text) {
  int lines = 0;
  std::size_t tabs = 0, commas = 0;
  for (std::size_t i = 0; i < text.size() && lines < sniffed_lines; ++i) {
    if (text[i] == '\n') ++lines;
    tabs += text[i] == '\t';
    commas += text[i] == ',';
  }
  return tabs > 0 && tabs * 2 >= commas ? '\t' : ',';
}

DelimitedGrid read_delimited(std::string_view text, char separator) {
  DelimitedGrid grid;
  if (separator == ',') {
    for (const auto& record : util::read_csv(text)) {
      if (record.unterminated && grid.unterminated_line == 0) grid.unterminated_line = record.line;
      std::vector<std::string_view> fields(record.fields.begin(), record.fields.end());
      put_row(grid, record.line, fields);
    }
  } else {
    int line = 0;
    for (auto l : text::lines(text)) {
      if (!l.empty() && l.back() == '\r') l.remove_suffix(1);
      put_row(grid, ++line, text::split(l, separator));
    }
  }
  while (!grid.sheet.rows.empty() && grid.sheet.rows.back().empty()) {
    grid.sheet.rows.pop_back();
    grid.row_lines.pop_back();
  }
  return grid;
}

}  // namespace kpi::grid
