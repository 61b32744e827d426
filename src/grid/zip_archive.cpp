// libzip over a memory buffer, with size caps (zip_archive.hpp). When libzip cannot be
// loaded, every archive fails to open and says why.
#include "zip_archive.hpp"

#include "zip_library.hpp"

#include <algorithm>
#include <array>

namespace kpi::grid {

namespace {

constexpr std::size_t kChunkBytes = 64 * 1024;

std::string mebibytes(std::uint64_t bytes) {
  return std::to_string(bytes >> 20) + " MiB";
}

std::string too_large(std::string_view name, std::uint64_t limit) {
  return "ZIP entry " + std::string(name) + " is larger than " + mebibytes(limit) +
         " uncompressed (a ZIP bomb or a damaged file)";
}

std::string total_too_large(std::uint64_t limit) {
  return "the workbook's ZIP entries are larger than " + mebibytes(limit) +
         " uncompressed in total (a ZIP bomb or a damaged file)";
}

}  // namespace

ZipArchive::ZipArchive(std::string_view bytes, const Limits& limits)
    : libzip_(zip_library()), limits_(limits) {
  if (!libzip_.error.empty()) {
    open_error_ = libzip_.error;
    return;
  }
  zip_error_t error;
  libzip_.zip_error_init(&error);
  zip_source_t* source = libzip_.zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  if (source != nullptr) {
    archive_ = libzip_.zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error);
    if (archive_ == nullptr) libzip_.zip_source_free(source);
  }
  if (archive_ == nullptr)
    open_error_ = "corrupt or truncated ZIP archive (" +
                  std::string(libzip_.zip_error_strerror(&error)) + "): save the workbook again";
  libzip_.zip_error_fini(&error);
}

ZipArchive::~ZipArchive() {
  if (archive_ != nullptr) libzip_.zip_discard(archive_);
}

std::int64_t ZipArchive::locate(std::string_view name) const {
  if (archive_ == nullptr) return -1;
  std::string key(name);
  std::int64_t index = libzip_.zip_name_locate(archive_, key.c_str(), 0);
  if (index < 0) index = libzip_.zip_name_locate(archive_, key.c_str(), ZIP_FL_NOCASE);
  return index;
}

bool ZipArchive::contains(std::string_view name) const {
  return locate(name) >= 0;
}

std::uint64_t ZipArchive::declared_size(std::string_view name) const {
  std::int64_t index = locate(name);
  if (index < 0) return 0;
  zip_stat_t stat;
  libzip_.zip_stat_init(&stat);
  if (libzip_.zip_stat_index(archive_, static_cast<std::uint64_t>(index), 0, &stat) != 0) return 0;
  return (stat.valid & ZIP_STAT_SIZE) != 0 ? stat.size : 0;
}

std::string ZipArchive::check_declared_size(std::string_view name, std::uint64_t index) {
  zip_stat_t stat;
  libzip_.zip_stat_init(&stat);
  if (libzip_.zip_stat_index(archive_, index, 0, &stat) != 0)
    return "corrupt ZIP entry " + std::string(name) + " (" + libzip_.zip_strerror(archive_) + ")";
  if ((stat.valid & ZIP_STAT_SIZE) == 0) return "";
  if (stat.size > limits_.max_entry_bytes) return too_large(name, limits_.max_entry_bytes);
  if (stat.size > limits_.max_total_bytes - std::min(total_read_, limits_.max_total_bytes))
    return total_too_large(limits_.max_total_bytes);
  return "";
}

std::string ZipArchive::stream(std::string_view name,
                               const std::function<bool(std::string_view)>& sink) {
  if (archive_ == nullptr) return open_error_;
  std::int64_t index = locate(name);
  if (index < 0) return "ZIP entry " + std::string(name) + " is missing";
  auto entry = static_cast<std::uint64_t>(index);
  if (auto error = check_declared_size(name, entry); !error.empty()) return error;
  zip_file_t* file = libzip_.zip_fopen_index(archive_, entry, 0);
  if (file == nullptr) {
    if (libzip_.zip_error_code_zip(libzip_.zip_get_error(archive_)) == ZIP_ER_NOPASSWD)
      return "encrypted workbook (password-protected): save it without a password";
    return "cannot open ZIP entry " + std::string(name) + " (" + libzip_.zip_strerror(archive_) +
           ")";
  }
  std::array<char, kChunkBytes> buffer;
  std::uint64_t entry_bytes = 0;
  std::string error;
  while (error.empty()) {
    zip_int64_t n = libzip_.zip_fread(file, buffer.data(), buffer.size());
    if (n < 0) {
      error = "corrupt ZIP entry " + std::string(name) + " (" + libzip_.zip_file_strerror(file) +
              "): save the workbook again";
      break;
    }
    if (n == 0) break;
    auto count = static_cast<std::uint64_t>(n);
    entry_bytes += count;
    total_read_ += count;
    if (entry_bytes > limits_.max_entry_bytes)
      error = too_large(name, limits_.max_entry_bytes);
    else if (total_read_ > limits_.max_total_bytes)
      error = total_too_large(limits_.max_total_bytes);
    else if (!sink(std::string_view(buffer.data(), count)))
      break;
  }
  libzip_.zip_fclose(file);
  return error;
}

std::string ZipArchive::read(std::string_view name, std::string& out) {
  out.clear();
  return stream(name, [&out](std::string_view chunk) {
    out.append(chunk);
    return true;
  });
}

}  // namespace kpi::grid
