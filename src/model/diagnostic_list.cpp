#include "kpi/model/diagnostic_list.hpp"

#include <unistd.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <limits>
#include <span>
#include <stdexcept>
#include <string_view>

namespace kpi::model {
namespace {

// A record: u32 length of the rest, u8 severity, i32 line, u32 row and column of the cell,
// the numbers of its path, sheet and code in the list's TextIds, then the message's bytes
// (host byte order: the file lives as long as the run). A path, sheet or code is kept once
// per list, not once per record.
constexpr std::size_t length_bytes = sizeof(std::uint32_t);
constexpr std::size_t read_ahead = std::size_t{64} << 10;
// Where the three text numbers start in a record, after its length field; then the message.
constexpr std::size_t ids_at =
    sizeof(std::uint8_t) + sizeof(std::int32_t) + 2 * sizeof(std::uint32_t);
constexpr std::size_t message_at = ids_at + 3 * sizeof(std::uint32_t);

using TextNumbers = std::array<std::uint32_t, 3>;  // of the path, the sheet and the code

void encode(std::string& out, const SourceLocation& location, Severity severity,
            const TextNumbers& texts, std::string_view message) {
  // The record's size is known first: one resize, then its fields copied into place.
  auto size = message_at + message.size();
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
  for (auto number : texts) put_at(number);
  std::memcpy(at, message.data(), message.size());
}

template <typename T>
T take(std::string_view& in) {
  T value{};
  if (in.size() < sizeof value) throw std::runtime_error("diagnostics: damaged record");
  std::memcpy(&value, in.data(), sizeof value);
  in.remove_prefix(sizeof value);
  return value;
}

std::uint32_t length_at(std::string_view bytes) {
  std::uint32_t n = 0;
  std::memcpy(&n, bytes.data(), sizeof n);
  return n;
}

// The text numbers of whole `records`, given in `from`, made numbers in `to`, in place (a
// record keeps its size). `hints` are the numbers `to` gave last; the last given are returned.
TextNumbers renumber(std::span<char> records, const util::TextIds& from, util::TextIds& to,
                     TextNumbers hints = {}) {
  for (std::size_t at = 0; at < records.size();) {
    std::string_view record(records.data() + at, records.size() - at);
    char* numbers = records.data() + at + length_bytes + ids_at;
    for (auto& hint : hints) {
      std::uint32_t number = 0;
      std::memcpy(&number, numbers, sizeof number);
      number = to.id_of(from.text(number), hint);
      std::memcpy(numbers, &number, sizeof number);
      numbers += sizeof number;
    }
    at += length_bytes + length_at(record);
  }
  return hints;
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
      count_(other.count_),
      errors_(other.errors_),
      texts_(std::move(other.texts_)),
      hints_(other.hints_) {
  other.recent_.clear();
  other.spilled_bytes_ = 0;
  other.spills_.clear();
  other.marks_.clear();
  other.count_ = 0;
  other.errors_ = 0;
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
  errors_ = other.errors_;
  texts_ = std::move(other.texts_);
  hints_ = other.hints_;
  other.recent_.clear();
  other.spilled_bytes_ = 0;
  other.spills_.clear();
  other.marks_.clear();
  other.count_ = 0;
  other.errors_ = 0;
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
  TextNumbers numbers{texts_.id_of(location.path, hints_[0]),
                      texts_.id_of(location.sheet, hints_[1]), texts_.id_of(code, hints_[2])};
  encode(recent_, location, severity, numbers, message);
  ++count_;
  errors_ += severity == Severity::error;
  if (recent_.size() > memory_limit_) spill();
}

void DiagnosticList::append(DiagnosticList&& other) {
  if (empty() && !spilled()) {  // nothing before: the other list, files and all, becomes this
    auto limit = memory_limit_;
    *this = std::move(other);
    memory_limit_ = limit;
    other = DiagnosticList(other.memory_limit_);
    if (recent_.size() > memory_limit_) spill();
    return;
  }
  // The other's records keep their sizes (only their text numbers may change): its marks move
  // by the bytes before them.
  auto before = spilled_bytes_ + recent_.size();
  for (auto m : other.marks_) marks_.push_back(before + m);
  if (other.spilled() && take_files_of(other)) return;
  copy_records_of(other, other.texts_);
}

bool DiagnosticList::take_files_of(DiagnosticList& other) {
  if (!spill()) return false;
  // This list's number for each of the other's texts (a run names a few thousand at most).
  std::vector<std::uint32_t> ours(other.texts_.size());
  for (std::uint32_t id = 0; id < ours.size(); ++id) ours[id] = texts_.id_of(other.texts_.text(id));
  for (auto& s : other.spills_) {
    auto numbering = ours;
    if (!s.numbering.empty())  // a file the other took over: its numbers, then ours
      for (auto& number : numbering = s.numbering) number = ours[number];
    spills_.push_back({s.file, spilled_bytes_ + s.start, s.bytes, std::move(numbering)});
  }
  other.spills_.clear();
  spilled_bytes_ += other.spilled_bytes_;
  // The records the other holds in memory follow, renumbered (at most its memory limit).
  append_renumbered(other.recent_, other.texts_);
  count_ += other.count_;
  errors_ += other.errors_;
  other = DiagnosticList(other.memory_limit_);
  if (recent_.size() > memory_limit_) spill();
  return true;
}

// The other's records (numbered in `from`), whole, a chunk at a time (a record never straddles
// a temporary file and memory), with their path, sheet and code numbered in this list's texts.
void DiagnosticList::copy_records_of(DiagnosticList& other, const util::TextIds& from) {
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
    append_renumbered(std::string_view(chunk).substr(0, whole), from);
    at += whole;
    if (recent_.size() > memory_limit_) spill();
  }
  append_renumbered(other.recent_, from);
  count_ += other.count_;
  errors_ += other.errors_;
  if (recent_.size() > memory_limit_) spill();
  other = DiagnosticList(other.memory_limit_);
}

// Whole records numbered in `from`, appended with their texts numbered in this list's.
void DiagnosticList::append_renumbered(std::string_view records, const util::TextIds& from) {
  auto start = recent_.size();
  recent_.append(records);
  if (&from == &texts_) return;
  auto added = std::span(recent_).subspan(start);
  hints_ = renumber(added, from, texts_, hints_);
}

// The records in memory go to the end of the newest temporary file. Without a temporary file
// (none can be made, the disk is full) they stay in memory: slower to run out, never lost.
bool DiagnosticList::spill() {
  if (memory_limit_ == std::numeric_limits<std::size_t>::max()) return false;  // never, or failed
  if (spills_.empty() || !spills_.back().numbering.empty()) {  // records go to an own file
    std::FILE* file = std::tmpfile();
    if (!file) {
      memory_limit_ = std::numeric_limits<std::size_t>::max();
      return false;
    }
    spills_.push_back({file, spilled_bytes_, 0, {}});
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
    numbering_ = nullptr;
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
      const auto& numbering = list_->spill_at(offset_).numbering;  // the window is in one file
      numbering_ = numbering.empty() ? nullptr : &numbering;
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
  if (!decoded_) {
    auto v = view();
    // Names repeat from one record to the next: looked up only when they change.
    if (!(current_.location.path == v.path)) current_.location.path = v.path;
    current_.location.line = v.line;
    if (!(current_.location.sheet == v.sheet)) current_.location.sheet = v.sheet;
    current_.location.cell = v.cell;
    current_.severity = v.severity;
    current_.code.assign(v.code);
    current_.message.assign(v.message);
    decoded_ = true;
  }
  return current_;
}

DiagnosticList::View DiagnosticList::const_iterator::view() const {
  std::string_view in = record();
  View v;
  v.severity = static_cast<Severity>(take<std::uint8_t>(in));
  v.line = take<std::int32_t>(in);
  v.cell.row = take<std::uint32_t>(in);
  v.cell.column = take<std::uint32_t>(in);
  for (auto* text : {&v.path, &v.sheet, &v.code})
    *text = list_->texts_.text(list_number(take<std::uint32_t>(in)));
  v.message = in;
  return v;
}

std::uint64_t DiagnosticList::const_iterator::file_and_rule() const {
  TextNumbers numbers{};
  std::memcpy(numbers.data(), record().data() + ids_at, sizeof numbers);
  return std::uint64_t{list_number(numbers[0])} << 32 | list_number(numbers[2]);
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
