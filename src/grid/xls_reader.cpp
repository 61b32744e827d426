// .xls (BIFF8) workbooks through libfreexl. freexl reads a path, so the bytes go to a private
// temporary file that is removed at once. freexl gives values but neither number formats nor
// formulas: a cell's display is its value under General and number_format is "".
#include <freexl.h>
#include <unistd.h>

#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <filesystem>

#include "cell_ref.hpp"
#include "grid_budget.hpp"
#include "kpi/grid/number_format.hpp"
#include "kpi/grid/workbook_reader.hpp"

namespace kpi::grid {

namespace {

constexpr std::string_view kEncrypted =
    "encrypted workbook (password-protected): save it without a password";

// The bytes in a temporary file for as long as this lives.
class TempFile {
 public:
  explicit TempFile(std::string_view bytes) {
    std::string pattern = (std::filesystem::temp_directory_path() / "kpi-xls-XXXXXX").string();
    int fd = mkstemp(pattern.data());
    if (fd < 0) return;
    path_ = pattern;
    std::size_t written = 0;
    while (written < bytes.size()) {
      ssize_t n = ::write(fd, bytes.data() + written, bytes.size() - written);
      if (n <= 0) break;
      written += static_cast<std::size_t>(n);
    }
    ok_ = written == bytes.size();
    ::close(fd);
  }
  ~TempFile() {
    if (!path_.empty()) std::remove(path_.c_str());
  }
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;
  bool ok() const { return ok_; }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
  bool ok_ = false;
};

// A freexl handle closed on scope exit.
class FreexlHandle {
 public:
  ~FreexlHandle() {
    if (handle_ != nullptr) freexl_close(handle_);
  }
  const void** out() { return &handle_; }
  const void* get() const { return handle_; }

 private:
  const void* handle_ = nullptr;
};

std::string freexl_failure(int code) {
  if (code == FREEXL_INSUFFICIENT_MEMORY) return "the .xls workbook is too large to read";
  return "corrupt or unsupported .xls workbook (freexl error " + std::to_string(code) +
         "): save it again, or as .xlsx";
}

std::string shortest_decimal(double value) {
  char buffer[64];
  auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);
  return ec == std::errc() ? std::string(buffer, end) : std::to_string(value);
}

// A cell of freexl in the grid model; false for an empty cell.
bool convert_cell(const FreeXL_CellValue& value, Cell& cell) {
  switch (value.type) {
    case FREEXL_CELL_INT:
      cell.kind = CellKind::number;
      cell.value = std::to_string(value.value.int_value);
      break;
    case FREEXL_CELL_DOUBLE:
      cell.kind = CellKind::number;
      cell.value = shortest_decimal(value.value.double_value);
      break;
    case FREEXL_CELL_TEXT:
    case FREEXL_CELL_SST_TEXT:
      if (value.value.text_value == nullptr) return false;
      cell.kind = CellKind::text;
      cell.value = cell.display = value.value.text_value;
      return !cell.value.empty();
    case FREEXL_CELL_DATE:
    case FREEXL_CELL_DATETIME: {
      if (value.value.text_value == nullptr) return false;
      std::string iso = value.value.text_value;
      if (iso.size() > 10 && iso[10] == ' ') iso[10] = 'T';
      std::string serial = serial_from_iso_date(iso);
      cell.kind = serial.empty() ? CellKind::text : CellKind::date;
      cell.value = serial.empty() ? iso : serial;
      cell.display = value.value.text_value;
      return true;
    }
    case FREEXL_CELL_TIME:
      if (value.value.text_value == nullptr) return false;
      cell.kind = CellKind::text;
      cell.value = cell.display = value.value.text_value;
      return true;
    default:
      return false;
  }
  cell.display = format_number(cell.value, "General");
  return true;
}

class XlsBookReader {
 public:
  XlsBookReader(const Limits& limits) : budget_(limits), limits_(limits) {}

  WorkbookResult read(const std::string& path) {
    // Metadata first: sheet dimensions are checked before freexl allocates the cells.
    if (auto error = check_dimensions(path); !error.empty()) return {std::nullopt, error, ""};
    FreexlHandle handle;
    int rc = freexl_open(path.c_str(), handle.out());
    if (rc != FREEXL_OK) return {std::nullopt, freexl_failure(rc), ""};
    Workbook book;
    book.kind = "xls";
    unsigned int sheets = 0;
    freexl_get_info(handle.get(), FREEXL_BIFF_SHEET_COUNT, &sheets);
    for (unsigned short index = 0; index < sheets; ++index) {
      Sheet sheet;
      if (auto error = read_sheet(handle.get(), index, sheet); !error.empty())
        return {std::nullopt, error, sheet.name};
      book.sheets.push_back(std::move(sheet));
    }
    return {std::move(book), "", ""};
  }

 private:
  std::string check_dimensions(const std::string& path) {
    FreexlHandle info;
    int rc = freexl_open_info(path.c_str(), info.out());
    if (rc != FREEXL_OK) return freexl_failure(rc);
    unsigned int password = 0, sheets = 0;
    if (freexl_get_info(info.get(), FREEXL_BIFF_PASSWORD, &password) == FREEXL_OK &&
        password == FREEXL_BIFF_OBFUSCATED)
      return std::string(kEncrypted);
    freexl_get_info(info.get(), FREEXL_BIFF_SHEET_COUNT, &sheets);
    if (sheets > limits_.max_sheets)
      return "more than " + std::to_string(limits_.max_sheets) + " sheets";
    std::uint64_t cells = 0;
    for (unsigned short index = 0; index < sheets; ++index) {
      unsigned int rows = 0;
      unsigned short columns = 0;
      if (freexl_select_active_worksheet(info.get(), index) != FREEXL_OK ||
          freexl_worksheet_dimensions(info.get(), &rows, &columns) != FREEXL_OK)
        return freexl_failure(FREEXL_BIFF_ILLEGAL_SHEET_INDEX);
      cells += static_cast<std::uint64_t>(rows) * columns;
    }
    if (cells > limits_.max_cells)
      return "the workbook's grid is larger than " + std::to_string(limits_.max_cells) + " cells";
    return "";
  }

  std::string read_sheet(const void* handle, unsigned short index, Sheet& sheet) {
    const char* name = nullptr;
    if (freexl_get_worksheet_name(handle, index, &name) == FREEXL_OK && name != nullptr)
      sheet.name = name;
    unsigned int rows = 0;
    unsigned short columns = 0;
    if (freexl_select_active_worksheet(handle, index) != FREEXL_OK ||
        freexl_worksheet_dimensions(handle, &rows, &columns) != FREEXL_OK)
      return freexl_failure(FREEXL_BIFF_ILLEGAL_SHEET_INDEX);
    for (unsigned int r = 0; r < rows && r < static_cast<unsigned>(kMaxRows); ++r)
      for (unsigned short c = 0; c < columns && c < kMaxCols; ++c) {
        FreeXL_CellValue value;
        if (freexl_get_cell_value(handle, r, c, &value) != FREEXL_OK) continue;
        Cell converted;
        if (!convert_cell(value, converted)) continue;
        Cell* cell = budget_.cell(sheet, static_cast<int>(r), c);
        if (cell == nullptr || !budget_.charge_text(converted)) return budget_.error();
        *cell = std::move(converted);
      }
    finish_sheet(sheet);
    return "";
  }

  GridBudget budget_;
  Limits limits_;
};

}  // namespace

WorkbookResult read_xls(std::string_view bytes, const Limits& limits) {
  TempFile file(bytes);
  if (!file.ok()) return {std::nullopt, "cannot write a temporary copy of the .xls workbook", ""};
  XlsBookReader reader(limits);
  return reader.read(file.path());
}

}  // namespace kpi::grid
