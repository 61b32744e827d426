#pragma once
// Bytes of a file -> UTF-8 text, detecting the encoding (text/encode.hpp goes the other way).
#include <string>
#include <string_view>
#include <vector>

namespace kpi::text {

// Something dropped while decoding (the text is still usable): a character cut in half at
// the end of a truncated file, NUL padding.
struct DecodeWarning {
  int line = 0;  // 1-based line of the decoded text
  std::string message;
};

struct Decoded {
  std::string utf8;      // without BOM; CRLF and CR turned into LF
  std::string encoding;  // "UTF-8", "UTF-8-BOM", "UTF-16LE", "UTF-16BE", "Shift_JIS"
  std::string error;     // non-empty: could not decode (message says what was expected)
  int error_line = 0;    // 1-based line of the first undecodable byte, 0 if unknown
  std::vector<DecodeWarning> warnings;
  bool ok() const { return error.empty(); }
};

Decoded decode(std::string_view bytes);
// decode(), taking the bytes: UTF-8 text (the common case) is decoded in their own buffer,
// without a copy.
Decoded decode_owned(std::string bytes);

// True when `bytes` is well-formed UTF-8.
bool is_valid_utf8(std::string_view bytes);

// `bytes` with every ill-formed UTF-8 sequence replaced by U+FFFD (for messages that quote
// input, such as a JSON parser's "last read" excerpt cut mid-character).
std::string to_valid_utf8(std::string_view bytes);

}  // namespace kpi::text
