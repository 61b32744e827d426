#pragma once
// A ZIP archive read from memory with libzip, loaded when the first archive is opened
// (zip_library.hpp; private to src/grid/). Every read is capped: an entry's declared size is
// checked before it is opened and the bytes actually inflated are counted while reading,
// since a hostile header can lie.
#include <algorithm>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include "kpi/grid/workbook_reader.hpp"

struct zip;

namespace kpi::grid {

struct ZipLibrary;

class ZipArchive {
 public:
  ZipArchive(std::string_view bytes, const Limits& limits);
  ~ZipArchive();
  ZipArchive(const ZipArchive&) = delete;
  ZipArchive& operator=(const ZipArchive&) = delete;

  // "" when the archive opened; otherwise why it cannot be read.
  const std::string& open_error() const { return open_error_; }
  bool contains(std::string_view name) const;
  // The uncompressed bytes of an entry in chunks; the sink returns false to stop early.
  // Returns "" or what went wrong (missing entry, corrupt data, over a limit).
  std::string stream(std::string_view name, const std::function<bool(std::string_view)>& sink);
  // A whole (small) entry.
  std::string read(std::string_view name, std::string& out);
  // The uncompressed size the entry's header declares (0 when unknown or missing): a hint,
  // since a hostile header can lie; the reads themselves are counted.
  std::uint64_t declared_size(std::string_view name) const;
  // The bytes read so far, counted against max_total_bytes; an entry read again after
  // forget_reads_after(mark) is counted once.
  std::uint64_t bytes_read() const { return total_read_; }
  void forget_reads_after(std::uint64_t mark) { total_read_ = std::min(total_read_, mark); }

 private:
  std::int64_t locate(std::string_view name) const;
  std::string check_declared_size(std::string_view name, std::uint64_t index);

  const ZipLibrary& libzip_;
  zip* archive_ = nullptr;
  std::string open_error_;
  Limits limits_;
  std::uint64_t total_read_ = 0;
};

}  // namespace kpi::grid
