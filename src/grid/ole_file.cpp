// A minimal OLE2 compound file reader: header, FAT (through the DIFAT), directory, mini
// stream (ole_file.hpp).
#include "ole_file.hpp"

#include <cstdint>
#include <vector>

namespace kpi::grid {

namespace {

constexpr std::uint32_t kEndOfChain = 0xFFFFFFFE;
constexpr std::uint32_t kMaxRegularSector = 0xFFFFFFFA;
constexpr std::size_t kHeaderDifatEntries = 109;
constexpr std::size_t kDirectoryEntryBytes = 128;

std::uint32_t u32(std::string_view s, std::size_t at) {
  if (at + 4 > s.size()) return kEndOfChain;
  return static_cast<std::uint32_t>(static_cast<unsigned char>(s[at])) |
         static_cast<std::uint32_t>(static_cast<unsigned char>(s[at + 1])) << 8 |
         static_cast<std::uint32_t>(static_cast<unsigned char>(s[at + 2])) << 16 |
         static_cast<std::uint32_t>(static_cast<unsigned char>(s[at + 3])) << 24;
}

std::uint16_t u16(std::string_view s, std::size_t at) {
  if (at + 2 > s.size()) return 0;
  return static_cast<std::uint16_t>(static_cast<unsigned char>(s[at]) |
                                    static_cast<unsigned char>(s[at + 1]) << 8);
}

class CompoundFile {
 public:
  explicit CompoundFile(std::string_view file) : file_(file) {}

  std::optional<std::string> stream(std::string_view name) {
    if (!read_header() || !read_fat()) return std::nullopt;
    std::string directory =
        chain(first_directory_sector_, fat_, sector_size_, file_sector_reader());
    std::size_t entries = directory.size() / kDirectoryEntryBytes;
    if (entries == 0) return std::nullopt;
    for (std::size_t i = 0; i < entries; ++i) {
      std::string_view entry(directory.data() + i * kDirectoryEntryBytes, kDirectoryEntryBytes);
      if (entry[0x42] != 2 || entry_name(entry) != name) continue;
      std::uint32_t start = u32(entry, 0x74);
      std::uint64_t size = u32(entry, 0x78);
      std::string bytes = size < mini_cutoff_
                              ? mini_stream_bytes(directory, start)
                              : chain(start, fat_, sector_size_, file_sector_reader());
      if (bytes.size() < size) return std::nullopt;
      bytes.resize(static_cast<std::size_t>(size));
      return bytes;
    }
    return std::nullopt;
  }

 private:
  using SectorReader = std::string_view (*)(const CompoundFile&, std::uint32_t, const std::string&);

  bool read_header() {
    if (file_.size() < 512 || file_.substr(0, 8) != "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")
      return false;
    std::uint16_t shift = u16(file_, 0x1E);
    if (shift != 9 && shift != 12) return false;
    sector_size_ = std::size_t{1} << shift;
    first_directory_sector_ = u32(file_, 0x30);
    mini_cutoff_ = u32(file_, 0x38);
    first_mini_fat_sector_ = u32(file_, 0x3C);
    return true;
  }

  std::size_t sector_count() const { return file_.size() / sector_size_; }

  std::string_view sector(std::uint32_t index) const {
    std::size_t offset = (static_cast<std::size_t>(index) + 1) * sector_size_;
    if (index > kMaxRegularSector || offset >= file_.size()) return {};
    return file_.substr(offset, sector_size_);
  }

  // The FAT sector numbers: 109 in the header, the rest in the DIFAT chain.
  std::vector<std::uint32_t> fat_sectors() const {
    std::vector<std::uint32_t> sectors;
    for (std::size_t i = 0; i < kHeaderDifatEntries; ++i) {
      std::uint32_t s = u32(file_, 0x4C + 4 * i);
      if (s <= kMaxRegularSector) sectors.push_back(s);
    }
    std::uint32_t next = u32(file_, 0x44);
    std::size_t per_sector = sector_size_ / 4 - 1;
    for (std::size_t hops = 0; next <= kMaxRegularSector && hops < sector_count(); ++hops) {
      std::string_view difat = sector(next);
      if (difat.empty()) break;
      for (std::size_t i = 0; i < per_sector; ++i) {
        std::uint32_t s = u32(difat, 4 * i);
        if (s <= kMaxRegularSector) sectors.push_back(s);
      }
      next = u32(difat, 4 * per_sector);
    }
    return sectors;
  }

  bool read_fat() {
    auto sectors = fat_sectors();
    if (sectors.size() > sector_count()) sectors.resize(sector_count());
    for (std::uint32_t s : sectors) {
      std::string_view bytes = sector(s);
      for (std::size_t i = 0; i + 4 <= bytes.size(); i += 4) fat_.push_back(u32(bytes, i));
    }
    return !fat_.empty();
  }

  static std::string_view file_sector(const CompoundFile& self, std::uint32_t index,
                                      const std::string&) {
    return self.sector(index);
  }
  static std::string_view mini_sector(const CompoundFile&, std::uint32_t index,
                                      const std::string& mini_stream) {
    std::size_t offset = static_cast<std::size_t>(index) * 64;
    if (offset >= mini_stream.size()) return {};
    return std::string_view(mini_stream).substr(offset, 64);
  }
  SectorReader file_sector_reader() const { return &CompoundFile::file_sector; }

  // The bytes of a chain; each sector is visited at most once.
  std::string chain(std::uint32_t start, const std::vector<std::uint32_t>& table, std::size_t,
                    SectorReader read, const std::string& mini_stream = {}) const {
    std::string out;
    std::vector<bool> seen(table.size(), false);
    for (std::uint32_t s = start; s < table.size() && !seen[s]; s = table[s]) {
      seen[s] = true;
      std::string_view bytes = read(*this, s, mini_stream);
      if (bytes.empty()) break;
      out.append(bytes);
    }
    return out;
  }

  std::string mini_stream_bytes(const std::string& directory, std::uint32_t start) const {
    std::string_view root(directory.data(), kDirectoryEntryBytes);
    std::string mini_stream = chain(u32(root, 0x74), fat_, sector_size_, file_sector_reader());
    std::string mini_fat_bytes =
        chain(first_mini_fat_sector_, fat_, sector_size_, file_sector_reader());
    std::vector<std::uint32_t> mini_fat;
    for (std::size_t i = 0; i + 4 <= mini_fat_bytes.size(); i += 4)
      mini_fat.push_back(u32(mini_fat_bytes, i));
    return chain(start, mini_fat, 64, &CompoundFile::mini_sector, mini_stream);
  }

  // An entry's name, UTF-16LE in the first 64 bytes, as ASCII ("" when not ASCII).
  static std::string entry_name(std::string_view entry) {
    std::size_t length = u16(entry, 0x40);
    if (length < 2 || length > 64) return "";
    std::string name;
    for (std::size_t i = 0; i + 2 < length; i += 2) {
      std::uint16_t c = u16(entry, i);
      if (c == 0 || c >= 0x80) return "";
      name.push_back(static_cast<char>(c));
    }
    return name;
  }

  std::string_view file_;
  std::size_t sector_size_ = 512;
  std::uint32_t first_directory_sector_ = kEndOfChain;
  std::uint32_t first_mini_fat_sector_ = kEndOfChain;
  std::uint64_t mini_cutoff_ = 4096;
  std::vector<std::uint32_t> fat_;
};

}  // namespace

std::optional<std::string> read_ole_stream(std::string_view file, std::string_view name) {
  CompoundFile compound(file);
  return compound.stream(name);
}

}  // namespace kpi::grid
