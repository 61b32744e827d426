#pragma once
// JSON text written as it is produced, byte for byte what nlohmann's Json::dump(2, ' ', false,
// error_handler_t::replace) writes for the same values: two-space indentation, `"key": value`,
// UTF-8 copied with `"`, `\\` and control characters escaped (text that is not UTF-8 gets
// U+FFFD as nlohmann gives it), doubles in nlohmann's shortest round-trip form ("100.0",
// "1e-05", NaN and infinities as null). The text goes into a reused buffer handed to the
// stream in large chunks, not one stream call per token.
#include <array>
#include <cstdint>
#include <memory>
#include <ostream>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "kpi/model/shared_name.hpp"

namespace kpi::report {

class JsonWriter {
 public:
  explicit JsonWriter(std::ostream& out);
  // A writer of elements of an array open at `depth` (the document's own arrays are at 1),
  // kept for take() instead of written to a stream: the text they have at that place in a
  // document, so that runs of elements written apart (in parallel) can be joined by
  // elements(). `first`: they begin the array (no comma before the first).
  struct ElementsAt {
    std::size_t depth;
    bool first;
    std::size_t room = 0;  // bytes the elements are expected to take (the room made at once)
  };
  explicit JsonWriter(ElementsAt place);
  ~JsonWriter();  // flushes
  JsonWriter(const JsonWriter&) = delete;
  JsonWriter& operator=(const JsonWriter&) = delete;

  // A field name written in the source ("indicators"): checked when it is compiled to be
  // printable ASCII without a quote or backslash, and kept as the bytes key() writes,
  // `"name": `, padded to a fixed size so that they are copied in one fixed-size move.
  class FieldName {
   public:
    static constexpr std::size_t padded_size = 32;

    template <std::size_t N>
    consteval FieldName(const char (&name)[N]) : size_(N - 1 + 4) {  // NOLINT: implicit
      static_assert(N - 1 + 4 <= padded_size, "a field name of at most 28 bytes");
      text_[0] = '"';
      for (std::size_t i = 0; i + 1 < N; ++i) {
        auto byte = static_cast<unsigned char>(name[i]);
        if (byte < 0x20 || byte >= 0x80 || name[i] == '"' || name[i] == '\\')
          throw "a field name in the source must be plain ASCII";  // a compile error
        text_[i + 1] = name[i];
      }
      text_[N] = '"', text_[N + 1] = ':', text_[N + 2] = ' ';
    }
    std::string_view view() const { return {text_.data() + 1, size_ - 4}; }
    // `"name": ` and padding up to padded_size bytes.
    const char* written() const { return text_.data(); }
    std::size_t written_size() const { return size_; }

   private:
    std::array<char, padded_size> text_{};
    std::size_t size_;
  };

  // Inside an object every value (scalar or container) follows its key: key("a").string("b").
  JsonWriter& key(FieldName name);
  // A key from the data (a grade, a formula): escaped as any string.
  template <class Text>
  requires(std::is_convertible_v<const Text&, std::string_view> &&
           !std::is_array_v<Text>) JsonWriter& key(const Text& name) {
    return key_text(name);
  }
  JsonWriter& key_text(std::string_view name);
  void begin_object();
  void end_object();
  void begin_array();
  void end_array();

  void null();
  void boolean(bool value);
  void integer(std::int64_t value);
  void unsigned_integer(std::uint64_t value);
  void number(double value);
  // units * 10^-scale (scale > 0) as number() writes the nearest double: its own digits when
  // it has at most 15 (the shortest text of that double), else through the double.
  void decimal_number(std::int64_t units, int scale);
  void string(std::string_view text);
  // A shared name (a path, a sheet): written as string() does, the written text of the last
  // two kept, for the names repeated by every KPI and observation of a sheet.
  template <class Name>
  requires std::is_same_v<Name, model::SharedName>
  void string(const Name& name) { shared_string_(name); }

  // Elements written by a JsonWriter(ElementsAt) for the array open here, at its place.
  void elements(std::string_view text);
  std::size_t depth() const { return open_.size(); }
  bool array_is_empty() const { return !open_.empty() && open_.back().array && open_.back().empty; }
  // Bytes written by a writer of elements, handed over whole (no copy, no zero-filled room).
  class Text {
   public:
    Text() = default;
    Text(std::unique_ptr<char[]> bytes, std::size_t size) : bytes_(std::move(bytes)), size_(size) {}
    std::string_view view() const { return {bytes_.get(), size_}; }

   private:
    std::unique_ptr<char[]> bytes_;
    std::size_t size_ = 0;
  };
  Text take();  // the text written so far (a writer of elements); the writer starts afresh

  void flush();  // hands the buffered text to the stream

 private:
  struct Level {
    bool array;
    bool empty;
  };
  void value_start_();  // the comma, line break and indentation of an array element
  void line_start_(std::size_t depth);
  void end_(char close);
  void shared_string_(const model::SharedName& name);
  void string_body_(std::string_view text);                      // the quoted, escaped text
  void escaped_(std::string_view utf8, std::size_t plain_head);  // [0, plain_head): as is
  void replaced_(std::string_view not_utf8);
  // Room for `n` more bytes at buffer_[used_] (the caller adds what it wrote to used_).
  char* room_(std::size_t n) {
    if (n > capacity_ - used_) make_room_(n);
    return buffer_.get() + used_;
  }
  void make_room_(std::size_t n);
  void put_(std::string_view text);
  void put_(char c);

  std::ostream* out_;  // none for a writer of elements
  // [0, used_) is written, [used_, capacity_) is room (not zeroed: written before it is read).
  std::unique_ptr<char[]> buffer_;
  std::size_t capacity_ = 0;
  std::size_t used_ = 0;
  std::vector<Level> open_;
  struct WrittenName {
    const char* name = nullptr;  // a SharedName's text, the same for the same name
    std::string text;
  };
  std::array<WrittenName, 2> written_names_;
  std::size_t next_name_slot_ = 0;
};

}  // namespace kpi::report
