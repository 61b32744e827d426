// `report --format csv`: the analysis (kpi/report/analysis.hpp, docs/csv-report.md) for Excel
// and scripts. UTF-8 with BOM, or cp932 (--encoding) without; CRLF; cells Excel would run as a
// formula defused with a leading ' as the canonical CSV does.
#include <sstream>
#include <stdexcept>

#include <fmt/format.h>

#include "kpi/formats/canonical_cells.hpp"
#include "kpi/model/display.hpp"
#include "kpi/report/analysis.hpp"
#include "kpi/report/writers.hpp"
#include "kpi/text/encode.hpp"
#include "kpi/util/csv.hpp"

namespace kpi::report {
namespace {

std::string lower(std::string_view text) {
  std::string out;
  for (char c : text) out += static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
  return out;
}

// The charset --encoding names, for ICU: nullptr for UTF-8 (the CLI accepts UTF-8 and cp932).
const char* charset_of(const std::string& encoding) {
  auto name = lower(encoding);
  if (name == "cp932" || name == "windows-31j") return "windows-31j";
  if (name.empty() || name == "utf-8" || name == "utf8") return nullptr;
  throw std::runtime_error("--encoding: expected UTF-8 or cp932, got " + encoding);
}

class LineWriter {
 public:
  LineWriter(std::ostream& out, const std::string& encoding)
      : out_(out), encoding_(encoding), charset_(charset_of(encoding)) {}

  // One record; `where` names it in an error ("row 12 (No.3 FY2023)").
  void write(const std::vector<std::string>& cells, const std::string& where) {
    std::string line;
    for (std::size_t i = 0; i < cells.size(); ++i) {
      auto field = util::csv_field(formats::canonical::protect_cell(cells[i]));
      line += (i ? "," : "") + encoded(field, where, i);
    }
    out_ << line << "\r\n";
  }

 private:
  std::string encoded(const std::string& field, const std::string& where, std::size_t column) {
    if (!charset_) return field;
    auto e = text::encode(field, charset_);
    if (!e.unmappable) return e.bytes;
    throw std::runtime_error(
        fmt::format("--encoding {}: {} '{}' in {}, column {}, has no code in cp932 (nor a "
                    "compatibility form that has one); write UTF-8 (--encoding UTF-8, the "
                    "default) instead",
                    encoding_, text::code_point_name(*e.unmappable), *e.unmappable, where,
                    analysis_columns()[column].key));
  }

  std::ostream& out_;
  std::string encoding_;
  const char* charset_;
};

std::string row_name(const ObservationRow& row, std::size_t number) {
  auto name = fmt::format("row {} ({}", number, model::display_id(*row.indicator));
  if (row.observation) name += fmt::format(" FY{}", row.observation->fiscal_year);
  return name + ")";
}

}  // namespace

void write_analysis_csv(std::ostream& out, const ReportContext& context) {
  const auto lang = context.options.lang;
  const auto& columns = analysis_columns();
  std::ostringstream body;
  LineWriter lines(body, context.options.encoding);
  std::vector<std::string> cells;
  for (const auto& c : columns) cells.emplace_back(analysis_header(c, lang));
  lines.write(cells, "the header");
  std::size_t number = 1;
  for (const auto& row : analysis_rows(context.result, context.options.view)) {
    cells.clear();
    for (const auto& c : columns) cells.push_back(c.cell(row, lang).text);
    lines.write(cells, row_name(row, ++number));
  }
  if (!charset_of(context.options.encoding)) out << "\xEF\xBB\xBF";  // BOM: Excel reads UTF-8
  out << body.str();
}

}  // namespace kpi::report
