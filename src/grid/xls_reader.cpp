// .xls (BIFF8, Excel 97-2003) workbooks: the Workbook stream of the OLE2 compound file
// (ole_file.hpp) and its records (biff_records.hpp) into the grid. Cells keep their values,
// their number formats and the display under them; formula cells hold their cached result
// and their text, decoded from the parsed tokens (biff_formula.hpp; "" for the few token
// kinds not decoded: 3-D references, names, arrays).
//
// libfreexl is not used: on hostile input it reads out of bounds (an ASan stack underflow
// in its iconv call within a minute of fuzzing, tests/fuzz/regressions/xls/), and it skips
// formula results, formats and hidden rows, columns and sheets.
#include <charconv>
#include <cstdlib>
#include <map>

#include "biff_records.hpp"
#include "grid_budget.hpp"
#include "kpi/grid/number_format.hpp"
#include "kpi/grid/workbook_reader.hpp"
#include "ole_file.hpp"

namespace kpi::grid {

namespace {

WorkbookResult error_result(std::string message, std::string where = "") {
  return {std::nullopt, std::move(message), std::move(where), ""};
}

std::string shifted_1904(const std::string& value) {
  double serial = std::strtod(value.c_str(), nullptr) + 1462;
  char buffer[64];
  auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, serial);
  return ec == std::errc() ? std::string(buffer, end) : value;
}

// A BIFF cell in the grid model, its display under its number format; its texts kept in
// the sheet's store (the format code once per XF).
class CellConverter {
 public:
  CellConverter(const BiffWorkbook& book, Sheet& sheet) : book_(book), sheet_(sheet) {}

  Cell convert(const BiffCell& record) {
    Cell cell;
    cell.kind = record.kind;
    cell.value = sheet_.keep(record.value);
    cell.number_format = format_of(record.xf);
    cell.formula = sheet_.keep(record.formula);
    if (record.kind != CellKind::number) {
      cell.display = cell.value;
      return cell;
    }
    std::string display;
    if (is_date_format(cell.number_format)) {
      cell.kind = CellKind::date;
      display = format_number(book_.date1904 ? shifted_1904(record.value) : record.value,
                              cell.number_format);
    } else {
      display = format_number(record.value, cell.number_format);
    }
    cell.display = display == cell.value ? cell.value : sheet_.keep(display);
    return cell;
  }

 private:
  FormatCode format_of(std::uint16_t xf) {
    auto [at, added] = formats_.try_emplace(xf);
    if (added) at->second = sheet_.keep_terminated(book_.format_of_xf(xf));
    return at->second;
  }

  const BiffWorkbook& book_;
  Sheet& sheet_;
  std::map<std::uint16_t, FormatCode> formats_;
};

std::string fill_sheet(const BiffSheet& records, const BiffWorkbook& book, GridBudget& budget,
                       Sheet& sheet) {
  sheet.name = records.name;
  sheet.hidden = records.hidden;
  CellConverter converter(book, sheet);
  for (const auto& record : records.cells) {
    if (record.kind == CellKind::text && record.value.empty() && record.formula.empty()) continue;
    Cell converted = converter.convert(record);
    Cell* cell = budget.cell(sheet, record.row, record.col);
    if (cell == nullptr || !budget.charge_text(converted)) return budget.error();
    *cell = converted;
  }
  sheet.hidden_rows = records.hidden_rows;
  sheet.hidden_cols = records.hidden_cols;
  sheet.merged = records.merged;
  finish_sheet(sheet);
  return "";
}

}  // namespace

WorkbookResult read_xls(std::string_view bytes, const Limits& limits) {
  auto stream = read_ole_stream(bytes, "Workbook");
  if (!stream) {
    if (read_ole_stream(bytes, "Book"))
      return error_result("an .xls older than Excel 97 (BIFF5): save it again as .xlsx");
    return error_result(
        "corrupt or unsupported .xls workbook (no readable Workbook stream): save it again");
  }
  BiffWorkbook records = read_biff_workbook(*stream, limits.max_cells);
  if (!records.error.empty()) return error_result(records.error);
  if (records.sheets.size() > limits.max_sheets)
    return error_result("more than " + std::to_string(limits.max_sheets) + " sheets");
  Workbook book;
  book.kind = "xls";
  GridBudget budget(limits);
  auto texts = std::make_shared<TextStore>();
  for (const auto& sheet_records : records.sheets) {
    Sheet sheet;
    sheet.texts = texts;
    if (auto error = fill_sheet(sheet_records, records, budget, sheet); !error.empty())
      return error_result(error, sheet_records.name);
    book.sheets.push_back(std::move(sheet));
  }
  return {std::move(book), "", "", ""};
}

}  // namespace kpi::grid
