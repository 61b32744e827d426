#include "kpi/report/json_writer.hpp"

#include <charconv>
#include <cmath>
#include <cstring>
#include <limits>
#include <nlohmann/json.hpp>

#include "json_bytes.hpp"
#include "kpi/model/decimal.hpp"
#include "kpi/text/decode.hpp"

namespace kpi::report {
namespace {

// Handed to the stream when full: larger than the stdout buffer (64 KiB), which then passes it
// on without copying.
constexpr std::size_t buffer_size = 1 << 17;
constexpr std::size_t indent_step = 2;
constexpr std::string_view line_break_and_spaces =
    "\n                                                                ";
constexpr std::string_view spaces = line_break_and_spaces.substr(1);

// A finite double as nlohmann::json writes it (64.1711229946524, 1e-05, 100000.0, 0.0) from the
// shortest digits that read back as the value: std::to_chars's (Ryu), laid out by nlohmann's
// own format_buffer. nlohmann's grisu2 gives the same digits but in about 1 of 3,000 values a
// longer text of the same double, and takes twice the time. Returns the end of the text.
char* shortest_number(char* out, double value) {
  if (std::signbit(value)) {
    value = -value;
    *out++ = '-';
  }
  if (value == 0) {
    std::memcpy(out, "0.0", 3);
    return out + 3;
  }
  char scientific[32];  // "d.ddde+XX": at most 17 digits, a point, "e-324"
  auto written = std::to_chars(scientific, scientific + sizeof scientific, value,
                               std::chars_format::scientific);
  int digits = 0;
  const char* at = scientific;
  out[digits++] = *at++;
  if (*at == '.')
    for (++at; *at != 'e'; ++at) out[digits++] = *at;
  ++at;  // 'e'
  if (*at == '+') ++at;
  int exponent = 0;
  std::from_chars(at, written.ptr, exponent);
  return nlohmann::detail::dtoa_impl::format_buffer(out, digits, exponent - (digits - 1), -4,
                                                    std::numeric_limits<double>::digits10);
}

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

using json_bytes::next_escape;
using json_bytes::plain_end;

// Whether s[from..] is UTF-8: its ASCII head skipped, the rest validated from its first byte
// above 0x7F.
bool is_utf8_from(std::string_view s, std::size_t from) {
  auto i = json_bytes::ascii_end(s, from);
  return i == s.size() || text::is_valid_utf8(s.substr(i));
}

}  // namespace

JsonWriter::JsonWriter(std::ostream& out) : out_(&out) {
  open_.reserve(8);
}

JsonWriter::JsonWriter(ElementsAt place) : out_(nullptr) {
  open_.reserve(place.depth + 8);
  open_.assign(place.depth, Level{false, false});  // only their number matters outside
  if (!open_.empty()) open_.back() = Level{true, place.first};
  if (place.room > 0) make_room_(place.room);
}

JsonWriter::~JsonWriter() {
  flush();
}

void JsonWriter::flush() {
  if (!out_) return;  // a writer of elements keeps its text
  if (used_ > 0) out_->write(buffer_.get(), static_cast<std::streamsize>(used_));
  used_ = 0;
}

JsonWriter::Text JsonWriter::take() {
  Text text(std::move(buffer_), used_);
  capacity_ = used_ = 0;
  return text;
}

// The buffer is handed to the stream when full (a writer of elements grows it instead, by
// copying what it holds, never the room).
void JsonWriter::make_room_(std::size_t n) {
  if (out_) flush();
  if (used_ + n <= capacity_) return;
  auto capacity = std::max({buffer_size, 2 * capacity_, used_ + n});
  auto bytes = std::make_unique_for_overwrite<char[]>(capacity);
  if (used_ > 0) std::memcpy(bytes.get(), buffer_.get(), used_);
  buffer_ = std::move(bytes);
  capacity_ = capacity;
}

void JsonWriter::put_(std::string_view text) {
  std::memcpy(room_(text.size()), text.data(), text.size());
  used_ += text.size();
}

void JsonWriter::put_(char c) {
  *room_(1) = c;
  ++used_;
}

void JsonWriter::elements(std::string_view text) {
  if (text.empty()) return;
  open_.back().empty = false;
  if (!out_ || text.size() < capacity_ - used_) {
    put_(text);
    return;
  }
  flush();
  out_->write(text.data(), static_cast<std::streamsize>(text.size()));
}

void JsonWriter::line_start_(std::size_t depth) {
  auto width = depth * indent_step;
  auto first = std::min(width, spaces.size());
  put_(line_break_and_spaces.substr(0, 1 + first));
  for (width -= first; width > 0;) {  // deeper than the spaces at hand
    auto chunk = std::min(width, spaces.size());
    put_(spaces.substr(0, chunk));
    width -= chunk;
  }
}

void JsonWriter::value_start_() {
  if (open_.empty() || !open_.back().array) return;  // top level, or after its key
  if (!open_.back().empty) put_(',');
  open_.back().empty = false;
  line_start_(open_.size());
}

JsonWriter& JsonWriter::key(FieldName field) {
  auto width = open_.size() * indent_step;
  constexpr std::size_t blank = 16;  // indentation written as sixteen spaces, then overwritten
  if (width > blank) return key_text(field.view());
  bool comma = !open_.back().empty;
  open_.back().empty = false;
  // Comma, line break, indentation and `"name": ` in one piece, each copy of a fixed size.
  char* out = room_(1 + 1 + blank + FieldName::padded_size);
  char* at = out;
  *at = ',';
  at += comma;
  *at++ = '\n';
  std::memcpy(at, spaces.data(), blank);
  at += width;
  std::memcpy(at, field.written(), FieldName::padded_size);
  at += field.written_size();
  used_ += static_cast<std::size_t>(at - out);
  return *this;
}

JsonWriter& JsonWriter::key_text(std::string_view name) {
  if (!open_.back().empty) put_(',');
  open_.back().empty = false;
  line_start_(open_.size());
  string(name);
  put_(": ");
  return *this;
}

void JsonWriter::begin_object() {
  value_start_();
  put_('{');
  open_.push_back({false, true});
}

void JsonWriter::begin_array() {
  value_start_();
  put_('[');
  open_.push_back({true, true});
}

void JsonWriter::end_(char close) {
  bool empty = open_.back().empty;
  open_.pop_back();
  if (!empty) line_start_(open_.size());
  put_(close);
}

void JsonWriter::end_object() {
  end_('}');
}

void JsonWriter::end_array() {
  end_(']');
}

void JsonWriter::null() {
  value_start_();
  put_("null");
}

void JsonWriter::boolean(bool value) {
  value_start_();
  put_(value ? "true" : "false");
}

void JsonWriter::integer(std::int64_t value) {
  value_start_();
  constexpr std::size_t longest = 24;
  char* out = room_(longest);
  used_ += static_cast<std::size_t>(std::to_chars(out, out + longest, value).ptr - out);
}

void JsonWriter::unsigned_integer(std::uint64_t value) {
  value_start_();
  constexpr std::size_t longest = 24;
  char* out = room_(longest);
  used_ += static_cast<std::size_t>(std::to_chars(out, out + longest, value).ptr - out);
}

// nlohmann's own grisu2 shortest digits and layout (serializer::dump_float).
void JsonWriter::number(double value) {
  value_start_();
  if (!std::isfinite(value)) {
    put_("null");
    return;
  }
  constexpr std::size_t longest = 64;
  char* out = room_(longest);
  used_ += static_cast<std::size_t>(shortest_number(out, value) - out);
}

void JsonWriter::decimal_number(std::int64_t units, int scale) {
  // A decimal of at most 15 significant digits is the shortest text of its nearest double:
  // two such decimals are never the same double (DBL_DIG), so none shorter reads back as it.
  constexpr int most_digits = std::numeric_limits<double>::digits10;
  char digits[24];
  auto magnitude =
      units < 0 ? 0 - static_cast<std::uint64_t>(units) : static_cast<std::uint64_t>(units);
  int length =
      static_cast<int>(std::to_chars(digits, digits + sizeof digits, magnitude).ptr - digits);
  int exponent = -scale;
  while (length > 1 && digits[length - 1] == '0') --length, ++exponent;
  if (units == 0 || length > most_digits || scale > 290) {  // zero, more digits, near underflow
    number(model::nearest_double({units, scale}));
    return;
  }
  value_start_();
  constexpr std::size_t longest = 64;
  char* out = room_(longest);
  char* at = out;
  if (units < 0) *at++ = '-';
  std::memcpy(at, digits, static_cast<std::size_t>(length));
  at = nlohmann::detail::dtoa_impl::format_buffer(at, length, exponent, -4, most_digits);
  used_ += static_cast<std::size_t>(at - out);
}

void JsonWriter::string(std::string_view text) {
  value_start_();
  string_body_(text);
}

void JsonWriter::shared_string_(const model::SharedName& name) {
  value_start_();
  for (const auto& written : written_names_)
    if (written.name == name.data()) return put_(written.text);
  room_(6 * name.size() + 2);  // the most it takes (\u0001 for a byte): written without a flush
  auto start = used_;
  string_body_(name.view());
  auto& slot = written_names_[next_name_slot_];
  next_name_slot_ ^= 1;
  slot.name = name.data();
  slot.text.assign(buffer_.get() + start, used_ - start);
}

void JsonWriter::string_body_(std::string_view text) {
  auto plain = plain_end(text, 0);
  if (plain == text.size()) {  // paths, codes, numbers: copied between quotes
    char* out = room_(text.size() + 2);
    out[0] = '"';
    std::memcpy(out + 1, text.data(), text.size());
    out[text.size() + 1] = '"';
    used_ += text.size() + 2;
  } else if (is_utf8_from(text, plain)) {
    escaped_(text, plain);
  } else {
    replaced_(text);
  }
}

// UTF-8 copied; quote, backslash and control characters escaped (no ensure_ascii).
void JsonWriter::escaped_(std::string_view utf8, std::size_t plain_head) {
  put_('"');
  put_(utf8.substr(0, plain_head));
  char hex[6];
  for (std::size_t plain = plain_head;;) {
    auto i = next_escape(utf8, plain);
    put_(utf8.substr(plain, i - plain));
    if (i == utf8.size()) break;
    put_(escape_of(static_cast<unsigned char>(utf8[i]), hex));
    plain = i + 1;
  }
  put_('"');
}

// Text that is not UTF-8 (a parser's bug): nlohmann's serializer, for its U+FFFD replacement.
void JsonWriter::replaced_(std::string_view not_utf8) {
  using Json = nlohmann::ordered_json;
  std::string text;
  nlohmann::detail::serializer<Json> serializer(
      nlohmann::detail::output_adapter<char, std::string>(text), ' ',
      Json::error_handler_t::replace);
  serializer.dump(Json(std::string(not_utf8)), false, false, 0, 0);
  put_(text);
}

}  // namespace kpi::report
