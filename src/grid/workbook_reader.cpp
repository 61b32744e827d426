// What kind of workbook the bytes hold, and the reader for it.
#include "kpi/grid/workbook_reader.hpp"

#include "biff_records.hpp"
#include "ole_file.hpp"
#include "zip_archive.hpp"

namespace kpi::grid {

namespace {

constexpr std::string_view kZipMagic = "PK\x03\x04";
constexpr std::string_view kEmptyZipMagic = "PK\x05\x06";
constexpr std::string_view kOleMagic = "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";
constexpr std::string_view kEncryptedMessage =
    "encrypted workbook (password-protected): save it without a password";

bool starts_with(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

// An OLE directory entry name as stored: UTF-16LE.
std::string utf16le(std::string_view ascii) {
  std::string out;
  for (char c : ascii) {
    out.push_back(c);
    out.push_back('\0');
  }
  return out;
}

bool holds_stream(std::string_view ole, std::string_view name) {
  return ole.find(utf16le(name)) != std::string_view::npos;
}

WorkbookKind sniff_zip(std::string_view bytes) {
  // An OpenDocument package starts with its uncompressed "mimetype" entry.
  if (bytes.substr(0, 200).find("application/vnd.oasis.opendocument.spreadsheet") !=
      std::string_view::npos)
    return WorkbookKind::ods;
  if (bytes.find("xl/workbook.") != std::string_view::npos) return WorkbookKind::xlsx;
  return WorkbookKind::none;
}

WorkbookKind sniff_ole(std::string_view bytes) {
  if (holds_stream(bytes, "EncryptionInfo") || holds_stream(bytes, "EncryptedPackage"))
    return WorkbookKind::encrypted;
  if (!holds_stream(bytes, "Workbook") && !holds_stream(bytes, "Book")) return WorkbookKind::none;
  auto stream = read_ole_stream(bytes, "Workbook");  // a FILEPASS record: a password-protected .xls
  return stream && biff_is_encrypted(*stream) ? WorkbookKind::encrypted : WorkbookKind::xls;
}

WorkbookResult error_result(std::string message) {
  return {std::nullopt, std::move(message), "", ""};
}

// Why bytes that are no workbook cannot be read.
WorkbookResult not_a_workbook(std::string_view bytes, const Limits& limits) {
  if (starts_with(bytes, kZipMagic) || starts_with(bytes, kEmptyZipMagic)) {
    ZipArchive archive(bytes, limits);
    if (!archive.open_error().empty()) return error_result(archive.open_error());
    return error_result(
        "not a workbook: a ZIP archive that is neither an .xlsx nor an .ods spreadsheet");
  }
  if (starts_with(bytes, kOleMagic)) {
    // A Word or PowerPoint file is no sheet; an OLE file that is neither is a damaged .xls.
    if (holds_stream(bytes, "WordDocument") || holds_stream(bytes, "PowerPoint Document"))
      return error_result("not a workbook: an OLE document (.doc or .ppt), not a spreadsheet");
    return error_result(
        "corrupt OLE compound file without a readable Workbook stream (a damaged .xls?): save "
        "the workbook again");
  }
  return error_result("not a workbook: expected an .xlsx, .xlsm, .xls or .ods file");
}

}  // namespace

bool has_container_magic(std::string_view bytes) {
  return starts_with(bytes, kZipMagic) || starts_with(bytes, kEmptyZipMagic) ||
         starts_with(bytes, kOleMagic);
}

WorkbookKind sniff_workbook(std::string_view bytes) {
  if (starts_with(bytes, kZipMagic) || starts_with(bytes, kEmptyZipMagic)) return sniff_zip(bytes);
  if (starts_with(bytes, kOleMagic)) return sniff_ole(bytes);
  return WorkbookKind::none;
}

WorkbookResult read_workbook(std::string_view bytes, const Limits& limits,
                             const ReadThreads& threads) {
  switch (sniff_workbook(bytes)) {
    case WorkbookKind::xlsx:
      return read_xlsx(bytes, limits, threads);
    case WorkbookKind::ods:
      return read_ods(bytes, limits);
    case WorkbookKind::xls:
      return read_xls(bytes, limits);
    case WorkbookKind::encrypted:
      return error_result(std::string(kEncryptedMessage));
    case WorkbookKind::none:
      break;
  }
  return not_a_workbook(bytes, limits);
}

}  // namespace kpi::grid
