// `report --format csv`: the analysis (kpi/report/analysis.hpp, docs/csv-report.md) for Excel
// and scripts. UTF-8 with BOM, or cp932 (--encoding) without; CRLF; cells Excel would run as a
// formula defused with a leading ' as the canonical CSV does.
#include <algorithm>
#include <sstream>
#include <stdexcept>

#include <fmt/format.h>

#include "kpi/formats/canonical_cells.hpp"
#include "kpi/model/display.hpp"
#include "kpi/report/analysis.hpp"
#include "kpi/report/writers.hpp"
#include "kpi/text/encode.hpp"
#include "kpi/util/csv.hpp"
#include "kpi/util/thread_count.hpp"
#include "row_runs.hpp"

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

// Records as CSV lines appended to a text: cells defused and quoted, then encoded.
class LineWriter {
 public:
  explicit LineWriter(const std::string& encoding)
      : encoding_(encoding), charset_(charset_of(encoding)) {}

  // One record; `where` names it in an error ("row 12 (No.3 FY2023)").
  void write(std::string& out, const std::vector<std::string>& cells, const std::string& where) {
    for (std::size_t i = 0; i < cells.size(); ++i) {
      if (i) out += ',';
      auto field = util::csv_field(formats::canonical::protect_cell(cells[i]));
      out += charset_ ? encoded(field, where, i) : field;
    }
    out += "\r\n";
  }

 private:
  std::string encoded(const std::string& field, const std::string& where, std::size_t column) {
    auto e = text::encode(field, charset_);
    if (!e.unmappable) return e.bytes;
    throw std::runtime_error(
        fmt::format("--encoding {}: {} '{}' in {}, column {}, has no code in cp932 (nor a "
                    "compatibility form that has one); write UTF-8 (--encoding UTF-8, the "
                    "default) instead",
                    encoding_, text::code_point_name(*e.unmappable), *e.unmappable, where,
                    analysis_columns()[column].key));
  }

  std::string encoding_;
  const char* charset_;
};

std::string row_name(const ObservationRow& row, std::size_t number) {
  auto name = fmt::format("row {} ({}", number, model::display_id(*row.indicator));
  if (row.observation) name += fmt::format(" FY{}", row.observation->fiscal_year);
  return name + ")";
}

// The lines of rows [begin, end) (the header is record 1: row i is record i + 2).
std::string render_rows(const std::vector<ObservationRow>& rows, std::size_t begin, std::size_t end,
                        const ReportContext& context) {
  std::string text;
  LineWriter lines(context.options.encoding);
  std::vector<std::string> cells;
  for (auto i = begin; i < end; ++i) {
    cells.clear();
    for (const auto& c : analysis_columns())
      cells.push_back(c.cell(rows[i], context.options.lang).text);
    lines.write(text, cells, row_name(rows[i], i + 2));
  }
  return text;
}

}  // namespace

// UTF-8 is written as it is made; cp932 is held until every row is encoded, so that a
// character it cannot hold writes nothing.
void write_analysis_csv(std::ostream& out, const ReportContext& context) {
  const auto lang = context.options.lang;
  bool utf8 = charset_of(context.options.encoding) == nullptr;
  std::ostringstream held;
  std::ostream& body = utf8 ? out : held;
  if (utf8) out << "\xEF\xBB\xBF";  // BOM: Excel reads UTF-8
  std::string header;
  std::vector<std::string> titles;
  for (const auto& c : analysis_columns()) titles.emplace_back(analysis_header(c, lang));
  LineWriter(context.options.encoding).write(header, titles, "the header");
  body << header;
  auto rows = analysis_rows(context.result, context.options.view);
  in_row_runs(
      rows.size(), util::thread_count(context.options.jobs),
      [&](std::size_t begin, std::size_t end) { return render_rows(rows, begin, end, context); },
      [&](const std::string& text) { body << text; });
  if (!utf8) out << held.str();
}

}  // namespace kpi::report
