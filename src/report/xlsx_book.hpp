#pragma once
// Private to the xlsx report (src/report/xlsx*.cpp): the libxlsxwriter workbook, its formats
// made once each, and writing analysis cells with their number formats.
#include <cstdint>
#include <map>
#include <string>

#include "kpi/report/analysis.hpp"
#include "kpi/report/writers.hpp"
#include "xlsxwriter_library.hpp"

namespace kpi::report::xlsx {

// Colours of the status and verdict highlights (also the chart's series).
inline constexpr std::uint32_t achieved_fill = 0xC6EFCE;
inline constexpr std::uint32_t behind_fill = 0xFFC7CE;
inline constexpr std::uint32_t mismatch_fill = 0xFFEB9C;
inline constexpr std::uint32_t no_data_fill = 0xD9D9D9;

class Book {
 public:
  explicit Book(lxw_workbook* workbook) : workbook_(workbook) {}
  lxw_workbook* get() const { return workbook_; }
  // A worksheet named `name` (Excel allows 31 characters and no []:*?/\).
  lxw_worksheet* add_sheet(std::string_view name);
  lxw_format* header();                                // bold on grey, wrapped
  lxw_format* title();                                 // bold, larger
  lxw_format* number_format(const std::string& code);  // "#,##0.0", "0.0%" ...
  lxw_format* fill(std::uint32_t color);               // background colour

 private:
  lxw_workbook* workbook_;
  lxw_format* header_ = nullptr;
  lxw_format* title_ = nullptr;
  std::map<std::string, lxw_format*> numbers_;
  std::map<std::uint32_t, lxw_format*> fills_;
};

// The Excel number format of a number cell: "#,##0.0" at its printed decimals, "0.0%" for a
// percent (stored as a fraction: 108.7% is 1.087), "0" for a fiscal year.
std::string number_format_code(const AnalysisCell& cell);
// Writes `cell` at (row, col): text, a number with its format, a boolean, or nothing.
void write_cell(Book& book, lxw_worksheet* sheet, int row, int col, const AnalysisCell& cell);
void write_text(lxw_worksheet* sheet, int row, int col, std::string_view text,
                lxw_format* format = nullptr);

void write_summary_sheet(Book& book, const ReportContext& context);
void write_kpi_sheet(Book& book, const ReportContext& context);
void write_findings_sheet(Book& book, const ReportContext& context);

}  // namespace kpi::report::xlsx
