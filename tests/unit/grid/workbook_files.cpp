// Workbook bytes for the grid tests (workbook_files.hpp).
#include "workbook_files.hpp"

#include <zip.h>

#include <atomic>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include <unistd.h>

namespace kpi::testing {

std::string zip_bytes(const std::vector<ZipEntry>& entries) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &error);
  zip_source_keep(buffer);
  zip_t* archive = zip_open_from_source(buffer, ZIP_TRUNCATE, &error);
  if (archive == nullptr) throw std::runtime_error("zip_open_from_source failed");
  for (const auto& entry : entries) {
    zip_source_t* data = zip_source_buffer(archive, entry.content.data(), entry.content.size(), 0);
    zip_int64_t index = zip_file_add(archive, entry.name.c_str(), data, ZIP_FL_ENC_UTF_8);
    if (entry.stored)
      zip_set_file_compression(archive, static_cast<zip_uint64_t>(index), ZIP_CM_STORE, 0);
  }
  if (zip_close(archive) != 0) throw std::runtime_error("zip_close failed");
  std::string out;
  if (zip_source_open(buffer) == 0) {
    zip_source_seek(buffer, 0, SEEK_END);
    out.resize(static_cast<std::size_t>(zip_source_tell(buffer)));
    zip_source_seek(buffer, 0, SEEK_SET);
    zip_source_read(buffer, out.data(), out.size());
    zip_source_close(buffer);
  }
  zip_source_free(buffer);
  zip_error_fini(&error);
  return out;
}

std::string worksheet_xml(const std::string& rows, const std::string& after,
                          const std::string& before) {
  return R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">)" +
         before + "<sheetData>" + rows + "</sheetData>" + after + "</worksheet>";
}

std::string xlsx_bytes(const std::vector<XlsxSheetXml>& sheets, const std::string& shared_strings,
                       const std::string& styles) {
  const std::string rel_ns = "http://schemas.openxmlformats.org/package/2006/relationships";
  const std::string type_ns =
      "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
  std::string workbook =
      R"(<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r=")" +
      type_ns.substr(0, type_ns.size() - 1) + "\"><sheets>";
  std::string rels = "<?xml version=\"1.0\"?><Relationships xmlns=\"" + rel_ns + "\">";
  std::vector<ZipEntry> entries;
  for (std::size_t i = 0; i < sheets.size(); ++i) {
    std::string n = std::to_string(i + 1);
    workbook += "<sheet name=\"" + sheets[i].name + "\" sheetId=\"" + n + "\" r:id=\"rId" + n +
                "\"" + (sheets[i].state.empty() ? "" : " state=\"" + sheets[i].state + "\"") + "/>";
    rels += "<Relationship Id=\"rId" + n + "\" Type=\"" + type_ns +
            "worksheet\" Target=\"worksheets/sheet" + n + ".xml\"/>";
    entries.push_back({"xl/worksheets/sheet" + n + ".xml", sheets[i].xml});
  }
  workbook += "</sheets></workbook>";
  rels += "<Relationship Id=\"rIdS\" Type=\"" + type_ns +
          "sharedStrings\" Target=\"sharedStrings.xml\"/><Relationship Id=\"rIdT\" Type=\"" +
          type_ns + "styles\" Target=\"/xl/styles.xml\"/></Relationships>";
  std::string root = "<?xml version=\"1.0\"?><Relationships xmlns=\"" + rel_ns +
                     "\"><Relationship Id=\"rId1\" Type=\"" + type_ns +
                     "officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>";
  entries.insert(entries.begin(), {{"[Content_Types].xml", "<Types/>"},
                                   {"_rels/.rels", root},
                                   {"xl/workbook.xml", workbook},
                                   {"xl/_rels/workbook.xml.rels", rels}});
  if (!shared_strings.empty()) entries.push_back({"xl/sharedStrings.xml", shared_strings});
  if (!styles.empty()) entries.push_back({"xl/styles.xml", styles});
  return zip_bytes(entries);
}

std::string read_binary_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

std::string temp_file_path(const std::string& suffix) {
  static std::atomic<int> counter{0};
  auto dir = std::filesystem::temp_directory_path();
  return (dir / ("kpi-grid-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter++) +
                 suffix))
      .string();
}

}  // namespace kpi::testing
