// `report --format xlsx`: a workbook of three sheets (summary with a chart, KPIs, findings)
// written by libxlsxwriter (loaded here, on first use). It writes to a file only (1.1.4 has no
// memory output), so the workbook goes to a temporary file whose bytes are then copied to the
// stream.
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <stdexcept>

#include "xlsx_book.hpp"

namespace kpi::report {
namespace {

// A temporary file, removed when it goes out of scope.
class TempFile {
 public:
  TempFile() {
    auto pattern = (std::filesystem::temp_directory_path() / "kpi-report-XXXXXX.xlsx").string();
    int fd = ::mkstemps(pattern.data(), 5);
    if (fd < 0) throw std::runtime_error("xlsx: cannot create a temporary file");
    ::close(fd);
    path_ = pattern;
  }
  ~TempFile() {
    std::error_code ec;
    std::filesystem::remove(path_, ec);
  }
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

}  // namespace

void write_xlsx(std::ostream& out, const ReportContext& context) {
  if (const auto& missing = xlsx::lxw().error; !missing.empty())
    throw std::runtime_error("xlsx: " + missing);
  TempFile file;
  // Each row goes to the sheet's temporary file once the next is started, its strings inline:
  // a national sheet's cells are never all held (every sheet here is written row by row).
  lxw_workbook_options options{};
  options.constant_memory = LXW_TRUE;
  auto* workbook = xlsx::lxw().workbook_new_opt(file.path().c_str(), &options);
  if (!workbook) throw std::runtime_error("xlsx: cannot create the workbook");
  xlsx::Book book(workbook);
  try {
    xlsx::write_summary_sheet(book, context);
    xlsx::write_kpi_sheet(book, context);
    xlsx::write_findings_sheet(book, context);
  } catch (...) {
    xlsx::lxw().lxw_workbook_free(workbook);
    throw;
  }
  if (auto error = xlsx::lxw().workbook_close(workbook); error != LXW_NO_ERROR)
    throw std::runtime_error(std::string("xlsx: ") + xlsx::lxw().lxw_strerror(error));
  std::ifstream in(file.path(), std::ios::binary);
  out << in.rdbuf();
  if (!in) throw std::runtime_error("xlsx: cannot read back the temporary workbook");
}

}  // namespace kpi::report
