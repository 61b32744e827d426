// BIFF8 records of an .xls Workbook stream (biff_records.hpp).
#include "biff_records.hpp"
#include "kpi/text/strings.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstring>
#include <map>

#include "biff_formula.hpp"
#include "kpi/grid/number_format.hpp"

namespace kpi::grid {

namespace {

enum Record : std::uint16_t {
  kFormula = 0x0006,
  kEof = 0x000A,
  kDateMode = 0x0022,
  kColInfo = 0x007D,
  kBoundSheet = 0x0085,
  kMergedCells = 0x00E5,
  kXf = 0x00E0,
  kNumber = 0x0203,
  kBoolErr = 0x0205,
  kString = 0x0207,
  kRow = 0x0208,
  kRk = 0x027E,
  kMulRk = 0x00BD,
  kLabelSst = 0x00FD,
  kLabel = 0x0204,
  kFormat = 0x041E,
  kBof = 0x0809,
  kSst = 0x00FC,
  kContinue = 0x003C,
  kFilePass = 0x002F,
  kRString = 0x00D6,
  kSharedFormula = 0x04BC,
  kArray = 0x0221,
};

std::uint16_t u16(std::string_view s, std::size_t at) {
  if (at + 2 > s.size()) return 0;
  return static_cast<std::uint16_t>(static_cast<unsigned char>(s[at]) |
                                    static_cast<unsigned char>(s[at + 1]) << 8);
}

std::uint32_t u32(std::string_view s, std::size_t at) {
  return static_cast<std::uint32_t>(u16(s, at)) | static_cast<std::uint32_t>(u16(s, at + 2)) << 16;
}

double f64(std::string_view s, std::size_t at) {
  std::uint64_t bits =
      static_cast<std::uint64_t>(u32(s, at)) | static_cast<std::uint64_t>(u32(s, at + 4)) << 32;
  double value = 0;
  std::memcpy(&value, &bits, sizeof value);
  return value;
}

// Characters of a BIFF8 string at `at`: compressed (Latin-1) or UTF-16LE; rich-text and
// phonetic extensions are skipped by the caller's record length.
std::string biff_chars(std::string_view data, std::size_t at, std::size_t count, bool wide) {
  std::string out;
  for (std::size_t i = 0; i < count; ++i) {
    if (!wide) {
      if (at + i >= data.size()) break;
      text::append_utf8(out, static_cast<unsigned char>(data[at + i]));
      continue;
    }
    std::size_t p = at + 2 * i;
    if (p + 2 > data.size()) break;
    std::uint32_t unit = u16(data, p);
    if (unit >= 0xD800 && unit < 0xDC00 && p + 4 <= data.size()) {
      std::uint32_t low = u16(data, p + 2);
      if (low >= 0xDC00 && low < 0xE000) {
        text::append_utf8(out, 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00));
        ++i;
        continue;
      }
    }
    text::append_utf8(out, unit >= 0xD800 && unit < 0xE000 ? 0xFFFD : unit);
  }
  return out;
}

// XLUnicodeString: u16 count, flags, characters.
std::string unicode_string(std::string_view data, std::size_t at) {
  std::size_t count = u16(data, at);
  bool wide = at + 2 < data.size() && (data[at + 2] & 1) != 0;
  return biff_chars(data, at + 3, count, wide);
}

// ShortXLUnicodeString: u8 count, flags, characters.
std::string short_unicode_string(std::string_view data, std::size_t at) {
  if (at + 2 > data.size()) return "";
  std::size_t count = static_cast<unsigned char>(data[at]);
  bool wide = (data[at + 1] & 1) != 0;
  return biff_chars(data, at + 2, count, wide);
}

// The shortest decimal text that reads back as the double ("79.2", not 79.200000000000003).
std::string shortest_decimal(double value) {
  char buffer[64];
  auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);
  return ec == std::errc() ? std::string(buffer, end) : "0";
}

double rk_value(std::uint32_t rk) {
  double value = 0;
  if ((rk & 2) != 0) {
    value = static_cast<double>(static_cast<std::int32_t>(rk) >> 2);
  } else {
    std::uint64_t bits = static_cast<std::uint64_t>(rk & 0xFFFFFFFC) << 32;
    std::memcpy(&value, &bits, sizeof value);
  }
  return (rk & 1) != 0 ? value / 100 : value;
}

// A stream of records: type, length, data.
class RecordReader {
 public:
  RecordReader(std::string_view stream, std::size_t offset) : stream_(stream), offset_(offset) {}
  bool next(std::uint16_t& type, std::string_view& data) {
    if (offset_ + 4 > stream_.size()) return false;
    type = u16(stream_, offset_);
    std::size_t length = u16(stream_, offset_ + 2);
    if (offset_ + 4 + length > stream_.size()) return false;
    data = stream_.substr(offset_ + 4, length);
    offset_ += 4 + length;
    return true;
  }

 private:
  std::string_view stream_;
  std::size_t offset_;
};

// The SST record and its CONTINUE records read as one byte sequence; a string's characters
// that cross into a CONTINUE record start there with a new flags byte (compressed or wide).
class ContinuedBytes {
 public:
  void add(std::string_view segment) { segments_.push_back(segment); }
  bool at_end() {
    while (segment_ < segments_.size() && offset_ >= segments_[segment_].size()) next_segment();
    return segment_ >= segments_.size();
  }
  std::uint8_t byte() {
    if (at_end()) return 0;
    return static_cast<std::uint8_t>(segments_[segment_][offset_++]);
  }
  std::uint16_t u16() { return static_cast<std::uint16_t>(byte() | byte() << 8); }
  std::uint32_t u32() {
    return static_cast<std::uint32_t>(u16()) | static_cast<std::uint32_t>(u16()) << 16;
  }
  void skip(std::uint64_t count) {
    while (count > 0 && !at_end()) {
      std::uint64_t here = std::min<std::uint64_t>(count, segments_[segment_].size() - offset_);
      offset_ += static_cast<std::size_t>(here);
      count -= here;
    }
  }
  std::string chars(std::size_t count, bool wide) {
    std::string out;
    for (std::size_t done = 0; done < count;) {
      if (segment_ < segments_.size() && offset_ >= segments_[segment_].size()) {
        next_segment();
        if (segment_ >= segments_.size()) break;
        wide = (byte() & 1) != 0;  // a continued string restates its width
      }
      if (segment_ >= segments_.size()) break;
      std::string_view here = segments_[segment_].substr(offset_);
      std::size_t width = wide ? 2 : 1;
      std::size_t n = std::min(count - done, here.size() / width);
      if (n == 0) {
        offset_ = segments_[segment_].size();  // a half character at a record end
        continue;
      }
      out += biff_chars(here, 0, n, wide);
      offset_ += n * width;
      done += n;
    }
    return out;
  }

 private:
  void next_segment() {
    ++segment_;
    offset_ = 0;
  }
  std::vector<std::string_view> segments_;
  std::size_t segment_ = 0, offset_ = 0;
};

// SST: total and unique counts, then XLUnicodeRichExtendedStrings.
std::vector<std::string> shared_strings(ContinuedBytes& bytes) {
  std::vector<std::string> strings;
  bytes.u32();
  std::uint32_t unique = bytes.u32();
  for (std::uint32_t i = 0; i < unique && !bytes.at_end(); ++i) {
    std::size_t count = bytes.u16();
    std::uint8_t flags = bytes.byte();
    std::uint16_t runs = (flags & 0x08) != 0 ? bytes.u16() : 0;
    std::uint32_t extension = (flags & 0x04) != 0 ? bytes.u32() : 0;
    strings.push_back(bytes.chars(count, (flags & 1) != 0));
    bytes.skip(4ull * runs + extension);
  }
  return strings;
}

std::string number_text(double value) {
  return std::isfinite(value) ? shortest_decimal(value) : "#NUM!";
}

class SheetReader {
 public:
  SheetReader(BiffSheet& sheet, const std::vector<std::string>& strings, std::uint64_t& cells,
              std::uint64_t max_cells)
      : sheet_(sheet), strings_(strings), cells_(cells), max_cells_(max_cells) {}

  // False when the workbook holds more cells than allowed.
  bool read(std::string_view stream, std::uint32_t offset) {
    RecordReader records(stream, offset);
    std::uint16_t type = 0;
    std::string_view data;
    if (!records.next(type, data) || type != kBof) return true;
    while (records.next(type, data) && type != kEof)
      if (!record(type, data)) return false;
    resolve_shared_formulas();
    return true;
  }

 private:
  bool add_cell(int row, int col, std::uint16_t xf, CellKind kind, std::string value) {
    if (++cells_ > max_cells_) return false;
    sheet_.cells.push_back({row, col, xf, kind, std::move(value), {}});
    return true;
  }

  // A cell record starting with row, column and XF index.
  bool add(std::string_view data, CellKind kind, std::string value) {
    return add_cell(u16(data, 0), u16(data, 2), u16(data, 4), kind, std::move(value));
  }

  bool record(std::uint16_t type, std::string_view data) {
    if (type != kString && type != kSharedFormula && type != kArray) awaiting_string_ = false;
    bool cell_record = type == kNumber || type == kRk || type == kMulRk || type == kLabelSst ||
                       type == kLabel || type == kRString || type == kBoolErr || type == kFormula;
    if (cell_record && data.size() < 6) return true;
    switch (type) {
      case kNumber:
        return add(data, CellKind::number, number_text(f64(data, 6)));
      case kRk:
        return add(data, CellKind::number, number_text(rk_value(u32(data, 6))));
      case kMulRk:
        return mulrk(data);
      case kLabelSst: {
        std::uint32_t index = u32(data, 6);
        return add(data, CellKind::text, index < strings_.size() ? strings_[index] : "");
      }
      case kLabel:
      case kRString:
        return add(data, CellKind::text, unicode_string(data, 6));
      case kBoolErr:
        if (data.size() >= 8 && data[7] != 0)
          return add(data, CellKind::error, biff_error_text(static_cast<unsigned char>(data[6])));
        return add(data, CellKind::boolean, data.size() >= 7 && data[6] != 0 ? "TRUE" : "FALSE");
      case kFormula:
        return formula(data);
      case kSharedFormula:
      case kArray:
        shared_tokens(type, data);
        return true;
      case kString:
        if (awaiting_string_ && !sheet_.cells.empty())
          sheet_.cells.back().value = unicode_string(data, 0);
        awaiting_string_ = false;
        return true;
      default:
        layout_record(type, data);
        return true;
    }
  }

  // MULRK: row, first column, then (XF, RK) per cell, last column.
  bool mulrk(std::string_view data) {
    int row = u16(data, 0), first = u16(data, 2);
    for (std::size_t i = 0; 4 + 6 * i + 6 <= data.size(); ++i) {
      std::string value = number_text(rk_value(u32(data, 6 + 6 * i)));
      if (!add_cell(row, first + static_cast<int>(i), u16(data, 4 + 6 * i), CellKind::number,
                    value))
        return false;
    }
    return true;
  }

  // A cell whose formula is shared (ptgExp): the SHRFMLA or ARRAY record of the range's
  // first cell holds the tokens, and follows this record.
  struct PendingShared {
    std::size_t cell;
    std::uint64_t master;
  };

  static std::uint64_t key(std::uint32_t row, std::uint32_t col) {
    return static_cast<std::uint64_t>(row) << 16 | col;
  }

  // The formula text of the FORMULA record, or a note that it is shared.
  void formula_text(std::string_view data) {
    std::size_t length = u16(data, 20);
    std::string_view tokens = data.substr(std::min<std::size_t>(22, data.size()));
    tokens = tokens.substr(0, std::min(length, tokens.size()));
    BiffCell& cell = sheet_.cells.back();
    if (!tokens.empty() && tokens[0] == 0x01 && tokens.size() >= 5) {
      if (pending_.size() < kMaxShared)
        pending_.push_back({sheet_.cells.size() - 1, key(u16(tokens, 1), u16(tokens, 3))});
      return;
    }
    std::string text = biff_formula_text(tokens, cell.row, cell.col);
    if (!text.empty()) cell.formula = "=" + text;
  }

  // SHRFMLA (RefU: rows u16 u16, columns u8 u8) and ARRAY (RefU too): the shared tokens.
  void shared_tokens(std::uint16_t type, std::string_view data) {
    std::size_t length_at = type == kSharedFormula ? 8 : 12;
    std::size_t length = u16(data, length_at);
    if (data.size() < length_at + 2 || shared_.size() >= kMaxShared) return;
    std::string_view tokens = data.substr(length_at + 2);
    tokens = tokens.substr(0, std::min(length, tokens.size()));
    shared_.emplace(key(u16(data, 0), static_cast<unsigned char>(data[4])), std::string(tokens));
  }

  void resolve_shared_formulas() {
    for (const auto& pending : pending_) {
      auto shared = shared_.find(pending.master);
      if (shared == shared_.end() || pending.cell >= sheet_.cells.size()) continue;
      BiffCell& cell = sheet_.cells[pending.cell];
      std::string text = biff_formula_text(shared->second, cell.row, cell.col);
      if (!text.empty()) cell.formula = "=" + text;
    }
  }

  // FORMULA: the cached result and the formula; a string result follows in a STRING record.
  bool formula(std::string_view data) {
    if (data.size() < 14) return true;
    if (!cached_result(data)) return false;
    formula_text(data);
    return true;
  }

  bool cached_result(std::string_view data) {
    bool special = static_cast<unsigned char>(data[12]) == 0xFF &&
                   static_cast<unsigned char>(data[13]) == 0xFF;
    if (!special) return add(data, CellKind::number, number_text(f64(data, 6)));
    switch (data[6]) {
      case 0:
        awaiting_string_ = true;
        return add(data, CellKind::text, "");
      case 1:
        return add(data, CellKind::boolean, data[8] != 0 ? "TRUE" : "FALSE");
      case 2:
        return add(data, CellKind::error, biff_error_text(static_cast<unsigned char>(data[8])));
      default:
        return add(data, CellKind::text, "");
    }
  }

  void layout_record(std::uint16_t type, std::string_view data) {
    if (type == kRow && (u16(data, 12) & 0x20) != 0) {
      sheet_.hidden_rows.push_back(u16(data, 0));
    } else if (type == kColInfo && (u16(data, 8) & 1) != 0) {
      for (int c = u16(data, 0); c <= u16(data, 2) && c < 256; ++c) sheet_.hidden_cols.push_back(c);
    } else if (type == kMergedCells) {
      for (std::size_t i = 0, n = u16(data, 0); i < n && 2 + 8 * i + 8 <= data.size(); ++i) {
        std::size_t at = 2 + 8 * i;
        Range range{u16(data, at), u16(data, at + 4), u16(data, at + 2), u16(data, at + 6)};
        if (range.first_row <= range.last_row && range.first_col <= range.last_col)
          sheet_.merged.push_back(range);
      }
    }
  }

  BiffSheet& sheet_;
  const std::vector<std::string>& strings_;
  std::uint64_t& cells_;
  std::uint64_t max_cells_;
  bool awaiting_string_ = false;
  static constexpr std::size_t kMaxShared = 1u << 20;
  std::vector<PendingShared> pending_;
  std::map<std::uint64_t, std::string> shared_;
};

struct SheetIndexEntry {
  std::uint32_t offset;
  BiffSheet sheet;
};

// The globals substream: formats, XFs, sheets, shared strings, date system, encryption.
struct Globals {
  std::map<std::uint16_t, std::string> formats;
  std::vector<std::uint16_t> xf_format_ids;
  std::vector<SheetIndexEntry> index;
  std::vector<std::string> strings;
  bool date1904 = false;
  bool encrypted = false;
};

Globals read_globals(RecordReader& records) {
  Globals globals;
  ContinuedBytes sst;
  bool in_sst = false, sst_seen = false;
  std::uint16_t type = 0;
  std::string_view data;
  while (records.next(type, data) && type != kEof) {
    if (in_sst && type == kContinue) {
      sst.add(data);
      continue;
    }
    in_sst = false;
    if (type == kSst && !sst_seen) {
      sst.add(data);
      in_sst = sst_seen = true;
    } else if (type == kFilePass) {
      globals.encrypted = true;
      return globals;
    } else if (type == kFormat) {
      globals.formats[u16(data, 0)] = unicode_string(data, 2);
    } else if (type == kXf) {
      globals.xf_format_ids.push_back(u16(data, 2));
    } else if (type == kDateMode) {
      globals.date1904 = u16(data, 0) == 1;
    } else if (type == kBoundSheet && data.size() >= 8 && data[5] == 0) {
      SheetIndexEntry entry{u32(data, 0), {}};
      entry.sheet.hidden = (data[4] & 3) != 0;
      entry.sheet.name = short_unicode_string(data, 6);
      globals.index.push_back(std::move(entry));
    }
  }
  if (sst_seen) globals.strings = shared_strings(sst);
  return globals;
}

}  // namespace

const std::string& BiffWorkbook::format_of_xf(std::uint16_t xf) const {
  static const std::string general = "General";
  return xf < xf_formats.size() ? xf_formats[xf] : general;
}

bool biff_is_encrypted(std::string_view stream) {
  RecordReader records(stream, 0);
  std::uint16_t type = 0;
  std::string_view data;
  if (!records.next(type, data) || type != kBof) return false;
  while (records.next(type, data) && type != kEof)
    if (type == kFilePass) return true;
  return false;
}

BiffWorkbook read_biff_workbook(std::string_view stream, std::uint64_t max_cells) {
  BiffWorkbook book;
  RecordReader records(stream, 0);
  std::uint16_t type = 0;
  std::string_view data;
  if (!records.next(type, data) || type != kBof || u16(data, 0) != 0x0600) {
    book.error = "an .xls older than Excel 97 (BIFF5) or damaged: save it again as .xlsx";
    return book;
  }
  Globals globals = read_globals(records);
  if (globals.encrypted) {
    book.error = "encrypted workbook (password-protected): save it without a password";
    return book;
  }
  book.date1904 = globals.date1904;
  for (auto id : globals.xf_format_ids) {
    auto custom = globals.formats.find(id);
    std::string_view builtin = builtin_number_format(id);
    book.xf_formats.push_back(custom != globals.formats.end() ? custom->second
                              : builtin.empty()               ? "General"
                                                              : std::string(builtin));
  }
  std::uint64_t cells = 0;
  for (auto& entry : globals.index) {
    SheetReader reader(entry.sheet, globals.strings, cells, max_cells);
    if (!reader.read(stream, entry.offset)) {
      book.error = "the workbook holds more than " + std::to_string(max_cells) + " cells";
      return book;
    }
    book.sheets.push_back(std::move(entry.sheet));
  }
  return book;
}

const char* biff_error_text(unsigned char code) {
  switch (code) {
    case 0x00:
      return "#NULL!";
    case 0x07:
      return "#DIV/0!";
    case 0x0F:
      return "#VALUE!";
    case 0x17:
      return "#REF!";
    case 0x1D:
      return "#NAME?";
    case 0x24:
      return "#NUM!";
    case 0x2A:
      return "#N/A";
    default:
      return "#ERROR!";
  }
}

}  // namespace kpi::grid
