#include "kpi/model/diagnostic_list.hpp"

#include <unistd.h>

#include <algorithm>
#include <cstring>
#include <limits>
#include <stdexcept>
#include <string_view>

namespace kpi::model {
namespace {

// A record: u32 length of the rest, u8 severity, i32 line, u32 row and column of the cell,
// then path, sheet, code and message, each as u32 length + bytes (host byte order: the file
// lives as long as the run).
constexpr std::size_t length_bytes = sizeof(std::uint32_t);
constexpr std::size_t read_ahead = std::size_t{64} << 10;

void encode(std::string& out, const SourceLocation& location, Severity severity,
            std::string_view code, std::string_view message) {
  // The record's size is known first: one resize, then its fields copied into place.
  const std::string_view texts[] = {location.path, location.sheet, code, message};
  std::size_t size = sizeof(std::uint8_t) + sizeof(std::int32_t) + 2 * sizeof(std::uint32_t);
  for (auto t : texts) size += length_bytes + t.size();
  auto start = out.size();
  out.resize(start + length_bytes + size);
  char* at = out.data() + start;
  auto put_at = [&](auto value) {
    std::memcpy(at, &value, sizeof value);
    at += sizeof value;
  };
  put_at(static_cast<std::uint32_t>(size));
  put_at(static_cast<std::uint8_t>(severity));
  put_at(static_cast<std::int32_t>(location.line));
  put_at(location.cell.row);
  put_at(location.cell.column);
  for (auto t : texts) {
    put_at(static_cast<std::uint32_t>(t.size()));
    std::memcpy(at, t.data(), t.size());
    at += t.size();
  }
}

template <typename T>
T take(std::string_view& in) {
  T value{};
  if (in.size() < sizeof value) throw std::runtime_error("diagnostics: damaged record");
  std::memcpy(&value, in.data(), sizeof value);
  in.remove_prefix(sizeof value);
  return value;
}

std::string_view take_view(std::string_view& in) {
  auto n = take<std::uint32_t>(in);
  if (in.size() < n) throw std::runtime_error("diagnostics: damaged record");
  auto text = in.substr(0, n);
  in.remove_prefix(n);
  return text;
}

void take_text(std::string_view& in, std::string& out) {
  out.assign(take_view(in));
}

// The record's bytes after its length field.
void decode(std::string_view in, Diagnostic& d) {
  d.severity = static_cast<Severity>(take<std::uint8_t>(in));
  d.location.line = take<std::int32_t>(in);
  d.location.cell.row = take<std::uint32_t>(in);
  d.location.cell.column = take<std::uint32_t>(in);
  for (auto* text : {&d.location.path, &d.location.sheet, &d.code, &d.message})
    take_text(in, *text);
}

std::uint32_t length_at(std::string_view bytes) {
  std::uint32_t n = 0;
  std::memcpy(&n, bytes.data(), sizeof n);
  return n;
}

// Bytes of the whole records `bytes` starts with.
std::size_t whole_records(std::string_view bytes) {
  std::size_t end = 0;
  while (bytes.size() - end >= length_bytes) {
    auto next = end + length_bytes + length_at(bytes.substr(end));
    if (next > bytes.size()) break;
    end = next;
  }
  return end;
}

}  // namespace

DiagnosticList::DiagnosticList(std::size_t memory_limit) : memory_limit_(memory_limit) {}

DiagnosticList::DiagnosticList(std::initializer_list<Diagnostic> diagnostics) {
  for (const auto& d : diagnostics) push_back(d);
}

DiagnosticList::DiagnosticList(DiagnosticList&& other) noexcept
    : memory_limit_(other.memory_limit_),
      recent_(std::move(other.recent_)),
      spilled_bytes_(other.spilled_bytes_),
      spills_(std::move(other.spills_)),
      marks_(std::move(other.marks_)),
      count_(other.count_) {
  other.recent_.clear();
  other.spilled_bytes_ = 0;
  other.spills_.clear();
  other.marks_.clear();
  other.count_ = 0;
}

DiagnosticList& DiagnosticList::operator=(DiagnosticList&& other) noexcept {
  if (this == &other) return *this;
  close_files();
  memory_limit_ = other.memory_limit_;
  recent_ = std::move(other.recent_);
  spilled_bytes_ = other.spilled_bytes_;
  spills_ = std::move(other.spills_);
  marks_ = std::move(other.marks_);
  count_ = other.count_;
  other.recent_.clear();
  other.spilled_bytes_ = 0;
  other.spills_.clear();
  other.marks_.clear();
  other.count_ = 0;
  return *this;
}

DiagnosticList::~DiagnosticList() {
  close_files();
}

void DiagnosticList::close_files() {
  for (auto& s : spills_) std::fclose(s.file);
  spills_.clear();
}

void DiagnosticList::push_back(const Diagnostic& diagnostic) {
  push_back(diagnostic.location, diagnostic.severity, diagnostic.code, diagnostic.message);
}

void DiagnosticList::push_back(const SourceLocation& location, Severity severity,
                               std::string_view code, std::string_view message) {
  if (count_ % records_per_mark == 0) marks_.push_back(spilled_bytes_ + recent_.size());
  encode(recent_, location, severity, code, message);
  ++count_;
  if (recent_.size() > memory_limit_) spill();
}

void DiagnosticList::append(DiagnosticList&& other) {
  // The other's records keep their bytes: its marks move by the bytes before them.
  auto before = spilled_bytes_ + recent_.size();
  for (auto m : other.marks_) marks_.push_back(before + m);
  // A spilled list's temporary files are taken over after these records, which go to a
  // temporary file first so that the order holds: nothing of `other` is read or written.
  if (other.spilled() && (recent_.empty() || spill())) {
    for (auto& s : other.spills_) spills_.push_back({s.file, spilled_bytes_ + s.start, s.bytes});
    other.spills_.clear();
    spilled_bytes_ += other.spilled_bytes_;
    recent_.swap(other.recent_);
    count_ += other.count_;
    other = DiagnosticList(other.memory_limit_);
    if (recent_.size() > memory_limit_) spill();
    return;
  }
  copy_records_of(other);
}

// The other's records are bytes of the same format: copied as they are, whole records a chunk
// at a time (a record never straddles a temporary file and memory).
void DiagnosticList::copy_records_of(DiagnosticList& other) {
  std::string chunk;
  for (std::uint64_t at = 0; at < other.spilled_bytes_;) {
    auto left = other.spilled_after(at);
    if (!other.read_spilled(at, static_cast<std::size_t>(std::min<std::uint64_t>(read_ahead, left)),
                            chunk))
      throw std::runtime_error("cannot read back the diagnostics' temporary file");
    auto whole = whole_records(chunk);
    if (whole == 0) {  // one record longer than the chunk
      auto n = length_bytes + length_at(chunk);
      if (n > left || !other.read_spilled(at, n, chunk))
        throw std::runtime_error("cannot read back the diagnostics' temporary file");
      whole = n;
    }
    recent_.append(chunk, 0, whole);
    at += whole;
    if (recent_.size() > memory_limit_) spill();
  }
  recent_ += other.recent_;
  count_ += other.count_;
  if (recent_.size() > memory_limit_) spill();
  other = DiagnosticList(other.memory_limit_);
}

// The records in memory go to the end of the newest temporary file. Without a temporary file
// (none can be made, the disk is full) they stay in memory: slower to run out, never lost.
bool DiagnosticList::spill() {
  if (memory_limit_ == std::numeric_limits<std::size_t>::max()) return false;  // never, or failed
  if (spills_.empty()) {
    std::FILE* file = std::tmpfile();
    if (!file) {
      memory_limit_ = std::numeric_limits<std::size_t>::max();
      return false;
    }
    spills_.push_back({file, spilled_bytes_, 0});
  }
  auto& last = spills_.back();
  if (std::fwrite(recent_.data(), 1, recent_.size(), last.file) != recent_.size() ||
      std::fflush(last.file) != 0) {
    // What was written is not counted: the file's end is past the list's (never read).
    memory_limit_ = std::numeric_limits<std::size_t>::max();
    return false;
  }
  last.bytes += recent_.size();
  spilled_bytes_ += recent_.size();
  recent_.clear();
  return true;
}

const DiagnosticList::Spill& DiagnosticList::spill_at(std::uint64_t offset) const {
  auto after = std::upper_bound(spills_.begin(), spills_.end(), offset,
                                [](std::uint64_t at, const Spill& s) { return at < s.start; });
  return *std::prev(after);
}

std::uint64_t DiagnosticList::spilled_after(std::uint64_t offset) const {
  const auto& s = spill_at(offset);
  return s.start + s.bytes - offset;
}

bool DiagnosticList::read_spilled(std::uint64_t offset, std::size_t n, std::string& out) const {
  const auto& spill = spill_at(offset);
  out.resize(n);
  std::size_t done = 0;
  auto at = offset - spill.start;
  while (done < n) {
    auto got =
        ::pread(::fileno(spill.file), out.data() + done, n - done, static_cast<off_t>(at + done));
    if (got <= 0) return false;
    done += static_cast<std::size_t>(got);
  }
  return true;
}

DiagnosticList::const_iterator DiagnosticList::mark(std::size_t k) const {
  return k < marks_.size() ? const_iterator(this, marks_[k]) : end();
}

DiagnosticList::const_iterator::const_iterator(const DiagnosticList* list, std::uint64_t offset)
    : list_(list), offset_(offset) {
  if (offset_ < list_->spilled_bytes_ + list_->recent_.size()) load();
}

void DiagnosticList::const_iterator::load() {
  decoded_ = false;
  if (offset_ >= list_->spilled_bytes_) {
    auto at = static_cast<std::size_t>(offset_ - list_->spilled_bytes_);
    std::string_view recent = list_->recent_;
    in_window_ = false;
    record_at_ = at + length_bytes;
    record_size_ = length_at(recent.substr(at));
    next_ = offset_ + length_bytes + record_size_;
  } else {
    auto in_window = [&](std::size_t n) {
      return offset_ >= window_start_ && offset_ + n <= window_start_ + window_.size();
    };
    auto fill = [&](std::size_t n) {
      auto size = std::min<std::uint64_t>(std::max(n, read_ahead), list_->spilled_after(offset_));
      if (size < n || !list_->read_spilled(offset_, size, window_))
        throw std::runtime_error("cannot read back the diagnostics' temporary file");
      window_start_ = offset_;
    };
    if (!in_window(length_bytes)) fill(length_bytes);
    std::size_t n =
        length_bytes + length_at(std::string_view(window_).substr(offset_ - window_start_));
    if (!in_window(n)) fill(n);
    in_window_ = true;
    record_at_ = static_cast<std::size_t>(offset_ - window_start_) + length_bytes;
    record_size_ = n - length_bytes;
    next_ = offset_ + n;
  }
}

std::string_view DiagnosticList::const_iterator::record() const {
  std::string_view bytes = in_window_ ? std::string_view(window_) : list_->recent_;
  return bytes.substr(record_at_, record_size_);
}

const Diagnostic& DiagnosticList::const_iterator::operator*() const {
  if (!decoded_) decode(record(), current_), decoded_ = true;
  return current_;
}

DiagnosticList::View DiagnosticList::const_iterator::view() const {
  std::string_view in = record();
  View v;
  v.severity = static_cast<Severity>(take<std::uint8_t>(in));
  v.line = take<std::int32_t>(in);
  v.cell.row = take<std::uint32_t>(in);
  v.cell.column = take<std::uint32_t>(in);
  for (auto* text : {&v.path, &v.sheet, &v.code, &v.message}) *text = take_view(in);
  return v;
}

DiagnosticList::const_iterator& DiagnosticList::const_iterator::operator++() {
  offset_ = next_;
  if (offset_ < list_->spilled_bytes_ + list_->recent_.size()) load();
  return *this;
}

DiagnosticList::const_iterator DiagnosticList::const_iterator::operator++(int) {
  auto before = *this;
  ++*this;
  return before;
}

}  // namespace kpi::model
