#include "kpi/report/json_writer.hpp"

#include <charconv>
#include <cmath>
#include <cstring>
#include <nlohmann/json.hpp>

#include "kpi/text/decode.hpp"

namespace kpi::report {
namespace {

constexpr std::size_t flush_size = 1 << 16;
constexpr std::size_t indent_step = 2;
constexpr std::string_view line_break_and_spaces =
    "\n                                                                ";
constexpr std::string_view spaces = line_break_and_spaces.substr(1);

// The escape nlohmann writes for `c` (a quote, backslash or control character).
std::string_view escape_of(unsigned char c, char (&hex)[6]) {
  switch (c) {
    case '"':
      return "\\\"";
    case '\\':
      return "\\\\";
    case '\b':
      return "\\b";
    case '\t':
      return "\\t";
    case '\n':
      return "\\n";
    case '\f':
      return "\\f";
    case '\r':
      return "\\r";
    default: {
      constexpr const char* digits = "0123456789abcdef";
      hex[0] = '\\', hex[1] = 'u', hex[2] = '0', hex[3] = '0';
      hex[4] = digits[c >> 4], hex[5] = digits[c & 0xF];
      return {hex, 6};
    }
  }
}

bool needs_escape(unsigned char c) {
  return c < 0x20 || c == '"' || c == '\\';
}

constexpr std::uint64_t ones = 0x0101010101010101ull, high_bits = 0x8080808080808080ull;

std::uint64_t word_at(std::string_view s, std::size_t i) {
  std::uint64_t x;
  std::memcpy(&x, s.data() + i, sizeof x);
  return x;
}

// Nonzero when one of the eight bytes of `x` is a control character, quote or backslash
// (exact zero-byte tests, SWAR).
std::uint64_t escapes_in(std::uint64_t x) {
  auto zero_in = [](std::uint64_t y) { return (y - ones) & ~y & high_bits; };
  auto below_space = (x - ones * 0x20) & ~x & high_bits;
  return below_space | zero_in(x ^ (ones * '"')) | zero_in(x ^ (ones * '\\'));
}

// The first byte from `i` that needs an escape, or s.size(): eight bytes at a time while none
// of them is a control character, quote or backslash (exact zero-byte tests, SWAR).
std::size_t next_escape(std::string_view s, std::size_t i) {
  for (; i + 8 <= s.size(); i += 8)
    if (escapes_in(word_at(s, i))) break;
  while (i < s.size() && !needs_escape(static_cast<unsigned char>(s[i]))) ++i;
  return i;
}

// Whether `s` is printable ASCII without a quote or backslash, eight bytes at a time: what
// escaped_ would copy as it is (the contract's field names, paths, codes).
bool is_plain_ascii_text(std::string_view s) {
  std::size_t i = 0;
  for (; i + 8 <= s.size(); i += 8)
    if (auto x = word_at(s, i); (x & high_bits) | escapes_in(x)) return false;
  for (; i < s.size(); ++i) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x80 || needs_escape(c)) return false;
  }
  return true;
}

// Whether `s` is UTF-8: its ASCII head skipped eight bytes at a time (keys, numbers, codes),
// the rest validated from its first byte above 0x7F.
bool is_utf8(std::string_view s) {
  std::size_t i = 0;
  for (; i + 8 <= s.size(); i += 8)
    if (word_at(s, i) & high_bits) break;
  while (i < s.size() && static_cast<unsigned char>(s[i]) < 0x80) ++i;
  return i == s.size() || text::is_valid_utf8(s.substr(i));
}

}  // namespace

JsonWriter::JsonWriter(std::ostream& out) : out_(&out) {
  buffer_.reserve(flush_size + flush_size / 4);
  open_.reserve(8);
}

JsonWriter::JsonWriter(ElementsAt place) : out_(nullptr) {
  buffer_.reserve(flush_size + flush_size / 4);
  open_.reserve(place.depth + 8);
  open_.assign(place.depth, Level{false, false});  // only their number matters outside
  if (!open_.empty()) open_.back() = Level{true, place.first};
}

JsonWriter::~JsonWriter() {
  flush();
}

void JsonWriter::flush() {
  if (!out_) return;  // a writer of elements keeps its text
  out_->write(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
  buffer_.clear();
}

std::string JsonWriter::take() {
  std::string text;
  text.swap(buffer_);
  return text;
}

void JsonWriter::elements(std::string_view text) {
  if (text.empty()) return;
  open_.back().empty = false;
  if (!out_ || buffer_.size() + text.size() < flush_size) {
    buffer_ += text;
    return;
  }
  flush();
  out_->write(text.data(), static_cast<std::streamsize>(text.size()));
}

void JsonWriter::line_start_(std::size_t depth) {
  auto width = depth * indent_step;
  auto first = std::min(width, spaces.size());
  buffer_.append(line_break_and_spaces.substr(0, 1 + first));
  for (width -= first; width > 0;) {  // deeper than the spaces at hand
    auto chunk = std::min(width, spaces.size());
    buffer_.append(spaces.substr(0, chunk));
    width -= chunk;
  }
}

void JsonWriter::value_start_() {
  if (buffer_.size() >= flush_size) flush();
  if (open_.empty() || !open_.back().array) return;  // top level, or after its key
  if (!open_.back().empty) buffer_ += ',';
  open_.back().empty = false;
  line_start_(open_.size());
}

JsonWriter& JsonWriter::key(std::string_view name) {
  if (buffer_.size() >= flush_size) flush();
  bool comma = !open_.back().empty;
  open_.back().empty = false;
  auto width = open_.size() * indent_step;
  constexpr std::size_t longest_plain = 64;
  if (width <= spaces.size() && name.size() <= longest_plain && is_plain_ascii_text(name)) {
    // The contract's field names: comma, line break, indentation and `"name": ` in one append.
    char head[1 + 1 + spaces.size() + 1 + longest_plain + 3];
    std::size_t n = 0;
    if (comma) head[n++] = ',';
    head[n++] = '\n';
    std::memset(head + n, ' ', width);
    n += width;
    head[n++] = '"';
    std::memcpy(head + n, name.data(), name.size());
    n += name.size();
    std::memcpy(head + n, "\": ", 3);
    buffer_.append(head, n + 3);
    return *this;
  }
  if (comma) buffer_ += ',';
  line_start_(open_.size());
  string(name);
  buffer_ += ": ";
  return *this;
}

void JsonWriter::begin_object() {
  value_start_();
  buffer_ += '{';
  open_.push_back({false, true});
}

void JsonWriter::begin_array() {
  value_start_();
  buffer_ += '[';
  open_.push_back({true, true});
}

void JsonWriter::end_(char close) {
  bool empty = open_.back().empty;
  open_.pop_back();
  if (!empty) line_start_(open_.size());
  buffer_ += close;
}

void JsonWriter::end_object() {
  end_('}');
}

void JsonWriter::end_array() {
  end_(']');
}

void JsonWriter::null() {
  value_start_();
  buffer_ += "null";
}

void JsonWriter::boolean(bool value) {
  value_start_();
  buffer_ += value ? "true" : "false";
}

void JsonWriter::integer(std::int64_t value) {
  value_start_();
  char digits[24];
  auto end = std::to_chars(digits, digits + sizeof digits, value).ptr;
  buffer_.append(digits, end);
}

void JsonWriter::unsigned_integer(std::uint64_t value) {
  value_start_();
  char digits[24];
  auto end = std::to_chars(digits, digits + sizeof digits, value).ptr;
  buffer_.append(digits, end);
}

// nlohmann's own grisu2 shortest digits and layout (serializer::dump_float).
void JsonWriter::number(double value) {
  value_start_();
  if (!std::isfinite(value)) {
    buffer_ += "null";
    return;
  }
  char digits[64];
  auto end = nlohmann::detail::to_chars(digits, digits + sizeof digits, value);
  buffer_.append(digits, end);
}

void JsonWriter::string(std::string_view text) {
  value_start_();
  if (is_plain_ascii_text(text)) {  // paths, codes, numbers: copied between quotes
    buffer_ += '"';
    buffer_ += text;
    buffer_ += '"';
  } else if (is_utf8(text)) {
    escaped_(text);
  } else {
    replaced_(text);
  }
}

// UTF-8 copied; quote, backslash and control characters escaped (no ensure_ascii).
void JsonWriter::escaped_(std::string_view utf8) {
  buffer_ += '"';
  char hex[6];
  for (std::size_t plain = 0;;) {
    auto i = next_escape(utf8, plain);
    buffer_.append(utf8.data() + plain, i - plain);
    if (i == utf8.size()) break;
    buffer_.append(escape_of(static_cast<unsigned char>(utf8[i]), hex));
    plain = i + 1;
  }
  buffer_ += '"';
}

// Text that is not UTF-8 (a parser's bug): nlohmann's serializer, for its U+FFFD replacement.
void JsonWriter::replaced_(std::string_view not_utf8) {
  using Json = nlohmann::ordered_json;
  nlohmann::detail::serializer<Json> serializer(
      nlohmann::detail::output_adapter<char, std::string>(buffer_), ' ',
      Json::error_handler_t::replace);
  serializer.dump(Json(std::string(not_utf8)), false, false, 0, 0);
}

}  // namespace kpi::report
