// text::decode on arbitrary bytes: encoding detection (BOMs, UTF-16 without BOM, UTF-8,
// Shift_JIS/CP932) and the ICU conversion. Decoded text must be UTF-8 with LF line ends;
// a failure must say what was expected and where; decode_owned gives what decode gives.
#include "fuzz_check.hpp"
#include "kpi/text/decode.hpp"

namespace {

// LF, CRLF and a lone CR each end a line, as decode counts them; every line end of the decoded
// text (also UTF-16's) comes from at least one of these bytes.
long line_ends(std::string_view bytes) {
  long n = 0;
  for (std::size_t i = 0; i < bytes.size(); ++i)
    n += bytes[i] == '\n' || (bytes[i] == '\r' && (i + 1 == bytes.size() || bytes[i + 1] != '\n'));
  return n;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const unsigned char* data, std::size_t size) {
  auto bytes = kpi::fuzz::as_text(data, size);
  auto decoded = kpi::text::decode(bytes);
  if (decoded.ok()) {
    FUZZ_REQUIRE(kpi::text::is_valid_utf8(decoded.utf8));
    FUZZ_REQUIRE(decoded.utf8.find('\r') == std::string::npos);
    FUZZ_REQUIRE(!decoded.encoding.empty());
  } else {
    FUZZ_REQUIRE(decoded.utf8.empty());
    FUZZ_REQUIRE(decoded.error_line >= 1);
    FUZZ_REQUIRE(decoded.error_line <= line_ends(bytes) + 1);
  }
  // Decoding the bytes taken over (in their own buffer when they are UTF-8) gives the same.
  auto owned = kpi::text::decode_owned(std::string(bytes));
  FUZZ_REQUIRE(owned.utf8 == decoded.utf8 && owned.encoding == decoded.encoding);
  FUZZ_REQUIRE(owned.error == decoded.error && owned.error_line == decoded.error_line);
  FUZZ_REQUIRE(owned.warnings.size() == decoded.warnings.size());
  // Valid UTF-8 (without BOM and not taken for UTF-16) must come back unchanged but for line ends.
  if (kpi::text::is_valid_utf8(bytes) && decoded.encoding == "UTF-8")
    FUZZ_REQUIRE(decoded.utf8.size() <= bytes.size());
  return 0;
}
