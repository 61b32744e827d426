#pragma once
// The diagnostics of a whole run, in order. A national run has hundreds of thousands of them
// (merge conflicts above all), so they are kept serialised: a message's text and 25 bytes,
// the path, sheet and rule code named by number (each text kept once per list). Past a limit
// the older ones go to an unnamed temporary file: memory stays flat however many files a run
// reads. Appending a spilled list takes its files over, whatever this one holds: its records
// are neither read nor written again, only its few texts are numbered in this list's (each
// file taken over reads its numbers through a table). Records still in the other's memory are
// copied, renumbered. Read back in order by a forward iterator.
#include <array>
#include <cassert>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <iterator>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "kpi/model/diagnostic.hpp"
#include "kpi/util/text_ids.hpp"

namespace kpi::model {

class DiagnosticList {
 public:
  // Serialised bytes held in memory before they are written to the temporary file.
  static constexpr std::size_t default_memory_limit = std::size_t{8} << 20;

  DiagnosticList() = default;
  explicit DiagnosticList(std::size_t memory_limit);
  DiagnosticList(std::initializer_list<Diagnostic> diagnostics);
  DiagnosticList(DiagnosticList&&) noexcept;
  DiagnosticList& operator=(DiagnosticList&&) noexcept;
  DiagnosticList(const DiagnosticList&) = delete;
  DiagnosticList& operator=(const DiagnosticList&) = delete;
  ~DiagnosticList();

  void push_back(const Diagnostic& diagnostic);
  // The same without a Diagnostic (nothing allocated: the text is copied into the list).
  void push_back(const SourceLocation& location, Severity severity, std::string_view code,
                 std::string_view message);
  // Moves every diagnostic of `other` after these, in order; `other` is left empty. Its
  // temporary files become this list's (its records there are not read or written again);
  // only when no temporary file can be made are they copied.
  void append(DiagnosticList&& other);

  std::size_t size() const { return count_; }
  std::size_t error_count() const { return errors_; }  // of severity error, counted as added
  bool empty() const { return count_ == 0; }
  bool spilled() const { return spilled_bytes_ > 0; }  // some are in a temporary file

  // A diagnostic's fields as views into the list's bytes: valid while the iterator that gave
  // them stays on its record (a writer or a count needs no copy of the text).
  struct View {
    std::string_view path;
    int line = 0;
    std::string_view sheet;
    CellRef cell;
    Severity severity = Severity::error;
    std::string_view code;
    std::string_view message;
  };

  class const_iterator {
   public:
    using iterator_category = std::forward_iterator_tag;
    using value_type = Diagnostic;
    using difference_type = std::ptrdiff_t;
    using pointer = const Diagnostic*;
    using reference = const Diagnostic&;

    const_iterator() = default;
    reference operator*() const;  // decoded the first time it is asked for
    pointer operator->() const { return &**this; }
    View view() const;
    // Equal for the records of one list that name the same path and rule code: a key to count
    // them by file and rule without reading a text.
    std::uint64_t file_and_rule() const;
    const_iterator& operator++();
    const_iterator operator++(int);
    bool operator==(const const_iterator& other) const { return offset_ == other.offset_; }

   private:
    friend class DiagnosticList;
    const_iterator(const DiagnosticList* list, std::uint64_t offset);
    void load();                      // finds the record at offset_
    std::string_view record() const;  // its bytes after the length field
    // A text number of the current record as the list numbers it. The table is built by the
    // list itself (append) with a number for every text of the list it came from: a number
    // outside it is a bug in the list, not bad input, so it is asserted, not checked on every
    // read (three times a record).
    std::uint32_t list_number(std::uint32_t number) const {
      if (!numbering_) return number;
      assert(number < numbering_->size());
      return (*numbering_)[number];
    }

    const DiagnosticList* list_ = nullptr;
    std::uint64_t offset_ = 0;        // of the current record in the whole list
    std::uint64_t next_ = 0;          // of the record after it
    std::string window_;              // bytes of the temporary file read ahead
    std::uint64_t window_start_ = 0;  // offset of window_[0]
    bool in_window_ = false;          // the record is in window_, else in the list's memory
    std::size_t record_at_ = 0;       // where its bytes start there (after the length field)
    std::size_t record_size_ = 0;
    // The list's numbers for the text numbers of the window's records (a file taken over from
    // another list); nullptr when they are the list's own.
    const std::vector<std::uint32_t>* numbering_ = nullptr;
    mutable Diagnostic current_;
    mutable bool decoded_ = false;
  };

  const_iterator begin() const { return {this, 0}; }
  const_iterator end() const { return {this, spilled_bytes_ + recent_.size()}; }

  // The list in runs of about `records_per_mark` records, each read by an iterator of its
  // own (a writer renders them in parallel): run k is [mark(k), mark(k + 1)), and
  // mark(mark_count()) is end().
  static constexpr std::size_t records_per_mark = 1024;
  std::size_t mark_count() const { return marks_.size(); }
  const_iterator mark(std::size_t k) const;

 private:
  // Records in a temporary file: the bytes [start, start + bytes) of the whole list. A file
  // taken over from another list names its texts by that list's numbers: `numbering` maps them
  // to this one's (empty: this list's own numbers, and the only file new records go to).
  struct Spill {
    std::FILE* file = nullptr;
    std::uint64_t start = 0;
    std::uint64_t bytes = 0;
    std::vector<std::uint32_t> numbering;
  };
  bool spill();  // false when no temporary file could take them (they stay in memory)
  // The other's files after this list's records, which go to a file first; false (nothing
  // done) when they cannot.
  bool take_files_of(DiagnosticList& other);
  void copy_records_of(DiagnosticList& other, const util::TextIds& from);
  // Whole records numbered in `from` appended, their text numbers made this list's.
  void append_renumbered(std::string_view records, const util::TextIds& from);
  void close_files();
  const Spill& spill_at(std::uint64_t offset) const;  // the one holding the byte at offset
  // Bytes left from `offset` to the end of the temporary file holding it.
  std::uint64_t spilled_after(std::uint64_t offset) const;
  // `n` bytes from `offset` (of the whole list, all in one temporary file) into `out`; false
  // when the file is unreadable.
  bool read_spilled(std::uint64_t offset, std::size_t n, std::string& out) const;

  std::size_t memory_limit_ = default_memory_limit;
  std::string recent_;  // the newest records, serialised
  std::uint64_t spilled_bytes_ = 0;
  std::vector<Spill> spills_;         // the older records (tmpfiles), oldest first; the last grows
  std::vector<std::uint64_t> marks_;  // offsets of records about records_per_mark apart
  std::size_t count_ = 0;
  std::size_t errors_ = 0;
  util::TextIds texts_;  // the paths, sheets and codes the records name by number
  // The numbers of the path, sheet and code given last: a run of one file's records hashes
  // none of them.
  std::array<std::uint32_t, 3> hints_{};
};

}  // namespace kpi::model
