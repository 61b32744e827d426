#include "kpi/report/json_writer.hpp"

#include <charconv>
#include <cmath>
#include <nlohmann/json.hpp>

#include "kpi/text/decode.hpp"

namespace kpi::report {
namespace {

constexpr std::size_t flush_size = 1 << 16;
constexpr std::size_t indent_step = 2;
constexpr std::string_view spaces =
    "                                                                ";

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

}  // namespace

JsonWriter::JsonWriter(std::ostream& out) : out_(out) {
  buffer_.reserve(flush_size + flush_size / 4);
  open_.reserve(8);
}

JsonWriter::~JsonWriter() {
  flush();
}

void JsonWriter::flush() {
  out_.write(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
  buffer_.clear();
}

void JsonWriter::line_start_(std::size_t depth) {
  buffer_ += '\n';
  for (auto n = depth * indent_step; n > 0;) {
    auto chunk = std::min(n, spaces.size());
    buffer_.append(spaces.substr(0, chunk));
    n -= chunk;
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
  if (!open_.back().empty) buffer_ += ',';
  open_.back().empty = false;
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
  if (text::is_valid_utf8(text))
    escaped_(text);
  else
    replaced_(text);
}

// UTF-8 copied; quote, backslash and control characters escaped (no ensure_ascii).
void JsonWriter::escaped_(std::string_view utf8) {
  buffer_ += '"';
  std::size_t plain = 0;
  char hex[6];
  for (std::size_t i = 0; i < utf8.size(); ++i) {
    auto c = static_cast<unsigned char>(utf8[i]);
    if (!needs_escape(c)) continue;
    buffer_.append(utf8.data() + plain, i - plain);
    buffer_.append(escape_of(c, hex));
    plain = i + 1;
  }
  buffer_.append(utf8.data() + plain, utf8.size() - plain);
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
