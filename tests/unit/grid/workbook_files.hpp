#pragma once
// Workbook bytes made in the tests: ZIP packages from XML text (libzip, in memory) and
// files read back from disk.
#include <string>
#include <utility>
#include <vector>

namespace kpi::testing {

struct ZipEntry {
  ZipEntry(std::string entry_name, std::string entry_content, bool store = false)
      : name(std::move(entry_name)), content(std::move(entry_content)), stored(store) {}
  std::string name;
  std::string content;
  bool stored;  // no compression (an OpenDocument mimetype)
};

// A ZIP archive holding the entries, in order.
std::string zip_bytes(const std::vector<ZipEntry>& entries);

// A minimal .xlsx package: one sheet per (name, worksheet XML) with optional state
// ("hidden"), plus sharedStrings.xml and styles.xml when given.
struct XlsxSheetXml {
  XlsxSheetXml(std::string sheet_name, std::string sheet_xml, std::string sheet_state = "")
      : name(std::move(sheet_name)), xml(std::move(sheet_xml)), state(std::move(sheet_state)) {}
  std::string name;
  std::string xml;
  std::string state;  // "", "hidden" or "veryHidden"
};
std::string xlsx_bytes(const std::vector<XlsxSheetXml>& sheets,
                       const std::string& shared_strings = "", const std::string& styles = "");

// A worksheet XML document around <sheetData> rows and anything after it (<mergeCells>).
std::string worksheet_xml(const std::string& rows, const std::string& after = "",
                          const std::string& before = "");

std::string read_binary_file(const std::string& path);
// A fresh path under the temp directory ending in `suffix`.
std::string temp_file_path(const std::string& suffix);

}  // namespace kpi::testing
