#pragma once
// JSON text written as it is produced, byte for byte what nlohmann's Json::dump(2, ' ', false,
// error_handler_t::replace) writes for the same values: two-space indentation, `"key": value`,
// UTF-8 copied with `"`, `\\` and control characters escaped (text that is not UTF-8 gets
// U+FFFD as nlohmann gives it), doubles in nlohmann's shortest round-trip form ("100.0",
// "1e-05", NaN and infinities as null). The text goes into a reused buffer handed to the
// stream in large chunks, not one stream call per token.
#include <cstdint>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace kpi::report {

class JsonWriter {
 public:
  explicit JsonWriter(std::ostream& out);
  ~JsonWriter();  // flushes
  JsonWriter(const JsonWriter&) = delete;
  JsonWriter& operator=(const JsonWriter&) = delete;

  // Inside an object every value (scalar or container) follows its key: key("a").string("b").
  JsonWriter& key(std::string_view name);
  void begin_object();
  void end_object();
  void begin_array();
  void end_array();

  void null();
  void boolean(bool value);
  void integer(std::int64_t value);
  void unsigned_integer(std::uint64_t value);
  void number(double value);
  void string(std::string_view text);

  void flush();  // hands the buffered text to the stream

 private:
  struct Level {
    bool array;
    bool empty;
  };
  void value_start_();  // the comma, line break and indentation of an array element
  void line_start_(std::size_t depth);
  void end_(char close);
  void escaped_(std::string_view utf8);
  void replaced_(std::string_view not_utf8);

  std::ostream& out_;
  std::string buffer_;
  std::vector<Level> open_;
};

}  // namespace kpi::report
