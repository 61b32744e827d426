#include "kpi/text/decode.hpp"

#include <unicode/ucnv.h>
#include <unicode/ustring.h>

#include <algorithm>
#include <bit>
#include <cstdint>
#include <cstring>
#include <memory>
#include <optional>
#include <utility>
#include <vector>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <fmt/format.h>

namespace kpi::text {
namespace {

constexpr std::string_view utf8_bom = "\xEF\xBB\xBF";
constexpr std::size_t shown_bytes = 4;  // offending bytes quoted in a message

unsigned char byte_at(std::string_view s, std::size_t i) {
  return static_cast<unsigned char>(s[i]);
}

// -- lines ------------------------------------------------------------------------------

// LF, CRLF and a lone CR each end a line (CRLF counted at its LF).
bool ends_line(std::string_view s, std::size_t i) {
  return s[i] == '\n' || (s[i] == '\r' && (i + 1 == s.size() || s[i + 1] != '\n'));
}

// 1-based line of byte `offset` in text with any line ends (ASCII-compatible bytes).
int line_at(std::string_view s, std::size_t offset) {
  int line = 1;
  for (std::size_t i = 0; i < offset && i < s.size(); ++i) line += ends_line(s, i);
  return line;
}

// CRLF and CR made LF, in place (the text only shrinks).
void unify_line_ends(std::string& s) {
  auto first_cr = s.find('\r');
  if (first_cr == std::string::npos) return;
  std::size_t out = first_cr;
  for (std::size_t i = first_cr; i < s.size(); ++i) {
    if (s[i] == '\r') {
      s[out++] = '\n';
      if (i + 1 < s.size() && s[i + 1] == '\n') ++i;
    } else {
      s[out++] = s[i];
    }
  }
  s.resize(out);
}

// "0x81 0x0A": the bytes a message is about.
std::string hex_bytes(std::string_view bytes) {
  std::string out;
  for (std::size_t i = 0; i < bytes.size() && i < shown_bytes; ++i)
    out += fmt::format("{}0x{:02X}", i ? " " : "", byte_at(bytes, i));
  return out;
}

// "byte 0xFF", "bytes 0xE3 0x81".
std::string bytes_text(std::string_view bytes) {
  return fmt::format("byte{} {}", bytes.size() == 1 ? "" : "s", hex_bytes(bytes));
}

// -- UTF-8 ------------------------------------------------------------------------------

// Length of the UTF-8 sequence a lead byte starts, 0 if it cannot start one.
std::size_t utf8_sequence_length(unsigned char c) {
  if (c < 0x80) return 1;
  if (c >= 0xC2 && c <= 0xDF) return 2;
  if (c >= 0xE0 && c <= 0xEF) return 3;
  if (c >= 0xF0 && c <= 0xF4) return 4;
  return 0;
}

// Index of the first byte at or after `i` that is not ASCII, skipping eight bytes at a time.
std::size_t skip_ascii(std::string_view s, std::size_t i) {
  constexpr std::uint64_t high_bits = 0x8080808080808080ULL;
  for (std::uint64_t word = 0; i + sizeof word <= s.size(); i += sizeof word) {
    std::memcpy(&word, s.data() + i, sizeof word);
    if (word & high_bits) break;
  }
  while (i < s.size() && byte_at(s, i) < 0x80) ++i;
  return i;
}

// A three-byte sequence whose lead byte admits every continuation (E1-EC, EE, EF: no
// overlong form, no surrogate): kana, kanji and full-width forms, most of a Japanese sheet.
bool is_plain_three_byte(std::string_view s, std::size_t i) {
  unsigned char c = byte_at(s, i);
  bool plain_lead = (c >= 0xE1 && c <= 0xEC) || c == 0xEE || c == 0xEF;
  return plain_lead && i + 3 <= s.size() && (byte_at(s, i + 1) & 0xC0) == 0x80 &&
         (byte_at(s, i + 2) & 0xC0) == 0x80;
}

// Index of the first byte at or after `i` that does not start a plain three-byte sequence
// (is_plain_three_byte), four bytes loaded at a time: a run of Japanese text in one loop.
std::size_t skip_plain_three_byte(std::string_view s, std::size_t i) {
  for (std::uint32_t w = 0; i + sizeof w <= s.size(); i += 3) {
    std::memcpy(&w, s.data() + i, sizeof w);
    if constexpr (std::endian::native == std::endian::big) w = __builtin_bswap32(w);
    unsigned lead = w & 0xFF;
    bool plain_lead = lead - 0xE1u <= 0xECu - 0xE1u || lead - 0xEEu <= 1;  // E1-EC, EE, EF
    if (!plain_lead || (w & 0xC0C000u) != 0x808000u) return i;
  }
  while (i < s.size() && is_plain_three_byte(s, i)) i += 3;
  return i;
}

// Where the sixteen bytes from s[i] (a character boundary) end, past the last character
// starting among them, when each of those is ASCII or a plain three-byte sequence (the bytes
// of a Japanese sheet); 0 when one is not or fewer than eighteen bytes are left (or no SSE2).
std::size_t plain_block_end(std::string_view s, std::size_t i) {
#if defined(__SSE2__)
  if (i + 18 > s.size()) return 0;
  auto load = [&](std::size_t k) {
    return _mm_loadu_si128(reinterpret_cast<const __m128i*>(s.data() + i + k));
  };
  auto bytes_of = [](unsigned char c) { return _mm_set1_epi8(static_cast<char>(c)); };
  auto mask_of = [](__m128i x) { return static_cast<unsigned>(_mm_movemask_epi8(x)); };
  auto continuations_in = [&](__m128i x) {
    return mask_of(_mm_cmpeq_epi8(_mm_and_si128(x, bytes_of(0xC0)), bytes_of(0x80)));
  };
  auto up_to = [&](__m128i x, unsigned char first, unsigned char count) {  // first..first+count
    return _mm_cmpeq_epi8(_mm_subs_epu8(_mm_sub_epi8(x, bytes_of(first)), bytes_of(count)),
                          _mm_setzero_si128());
  };
  __m128i x = load(0);
  unsigned ascii = ~mask_of(x) & 0xFFFFu;
  unsigned leads = mask_of(_mm_or_si128(up_to(x, 0xE1, 0xEC - 0xE1), up_to(x, 0xEE, 1)));
  unsigned continuations = continuations_in(x);
  if ((ascii | leads | continuations) != 0xFFFFu) return 0;
  if (continuations != ((leads << 1 | leads << 2) & 0xFFFFu)) return 0;
  if (leads & ~(continuations_in(load(1)) & continuations_in(load(2)))) return 0;
  return i + 16 + (leads >> 15 & 1u) * 2 + (leads >> 14 & 1u);
#else
  (void)s, (void)i;
  return 0;
#endif
}

// Offset of the first ill-formed UTF-8 sequence, or npos.
std::size_t first_invalid_utf8(std::string_view s) {
  std::size_t i = 0, n = s.size(), next_block = 0;
  while (i < n) {
    if (i >= next_block) {  // sixteen bytes at a time; after a miss, a character at a time
      if (auto end = plain_block_end(s, i)) {
        i = end;
        continue;
      }
      next_block = i + 16;
    }
    unsigned char c = byte_at(s, i);
    if (c < 0x80) {
      i = skip_ascii(s, i);
      continue;
    }
    if (is_plain_three_byte(s, i)) {
      i = skip_plain_three_byte(s, i + 3);
      continue;
    }
    std::size_t len = utf8_sequence_length(c);
    if (len == 0 || i + len > n) return i;
    unsigned min = len == 2 ? 0x80 : len == 3 ? 0x800 : 0x10000;
    unsigned cp = c & (0x7F >> len);
    for (std::size_t k = 1; k < len; ++k) {
      if ((byte_at(s, i + k) & 0xC0) != 0x80) return i;
      cp = (cp << 6) | (byte_at(s, i + k) & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return i;
    i += len;
  }
  return std::string_view::npos;
}

// The ill-formed sequence at `bad`: the lead byte and the continuation bytes that fit it.
std::string_view ill_formed_at(std::string_view s, std::size_t bad) {
  std::size_t len = utf8_sequence_length(byte_at(s, bad)), end = bad + 1;
  while (len > 1 && end < s.size() && end < bad + len && (byte_at(s, end) & 0xC0) == 0x80) ++end;
  return s.substr(bad, end - bad);
}

std::string utf8_bytes_text(std::string_view s, std::size_t bad) {
  return bytes_text(ill_formed_at(s, bad));
}

// True when s[bad..] is the start of a multi-byte character cut off by the end of the file.
bool is_cut_character(std::string_view s, std::size_t bad) {
  auto tail = s.substr(bad);
  std::size_t len = utf8_sequence_length(byte_at(tail, 0));
  if (len < 2 || tail.size() >= len) return false;
  for (std::size_t k = 1; k < tail.size(); ++k)
    if ((byte_at(tail, k) & 0xC0) != 0x80) return false;
  return true;
}

// -- files that are not text ------------------------------------------------------------

struct BinaryFormat {
  std::string_view magic;
  const char* message;
};

constexpr BinaryFormat binary_formats[] = {
    {"%PDF-", "a PDF file, not text: extract its text first (e.g. pdftotext -layout)"},
    {"PK\x03\x04",
     "a ZIP archive (an .xlsx or .docx?), not text: save the sheet as tab-separated "
     "text or CSV"},
    {"\xD0\xCF\x11\xE0",
     "an OLE document (an .xls or .doc?), not text: save the sheet as "
     "tab-separated text or CSV"},
    {"\x89PNG", "a PNG image, not text"},
    {"\x1F\x8B", "gzip-compressed data, not text: decompress it first"},
};

const char* binary_format(std::string_view bytes) {
  for (const auto& f : binary_formats)
    if (bytes.substr(0, f.magic.size()) == f.magic) return f.message;
  return nullptr;
}

// -- ICU conversion -----------------------------------------------------------------------

struct Conversion {
  std::string utf8;  // converted text, up to the first error
  UErrorCode status = U_ZERO_ERROR;
  std::size_t error_offset = 0;  // byte offset of the offending sequence
  std::string bad_bytes;         // the offending sequence
};

struct ConverterCloser {
  void operator()(UConverter* c) const { ucnv_close(c); }
};

// Converts with ICU, stopping at the first illegal, unmapped or (at the end) cut sequence.
Conversion convert(std::string_view bytes, const char* charset) {
  Conversion out;
  std::unique_ptr<UConverter, ConverterCloser> from(ucnv_open(charset, &out.status));
  if (U_FAILURE(out.status)) return out;
  ucnv_setToUCallBack(from.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &out.status);
  // Each byte of the supported charsets yields at most one UTF-16 unit.
  std::vector<UChar> units(bytes.size() + 1);
  UChar* target = units.data();
  const char* source = bytes.data();
  ucnv_toUnicode(from.get(), &target, units.data() + units.size(), &source,
                 bytes.data() + bytes.size(), nullptr, true, &out.status);
  auto consumed = static_cast<std::size_t>(source - bytes.data());
  if (U_FAILURE(out.status)) {
    char bad[32];
    int8_t bad_length = sizeof bad;
    UErrorCode ignored = U_ZERO_ERROR;
    ucnv_getInvalidChars(from.get(), bad, &bad_length, &ignored);
    out.bad_bytes.assign(bad, static_cast<std::size_t>(std::max<int8_t>(bad_length, 0)));
    out.error_offset = consumed - std::min(consumed, out.bad_bytes.size());
  }
  // UTF-16 -> UTF-8: at most 3 bytes per unit.
  auto length = static_cast<int32_t>(target - units.data());
  out.utf8.resize(static_cast<std::size_t>(length) * 3);
  int32_t written = 0;
  UErrorCode utf8_status = U_ZERO_ERROR;
  u_strToUTF8(out.utf8.data(), static_cast<int32_t>(out.utf8.size()), &written, units.data(),
              length, &utf8_status);
  out.utf8.resize(U_SUCCESS(utf8_status) ? static_cast<std::size_t>(written) : 0);
  if (U_FAILURE(utf8_status) && U_SUCCESS(out.status)) out.status = utf8_status;
  return out;
}

int lines_in(std::string_view utf8) {
  return line_at(utf8, utf8.size());
}

// -- UTF-16 without a byte order mark -------------------------------------------------------

// Code units of Japanese text: ASCII, Latin-1, punctuation and symbols (※ → ▲ ①), CJK
// symbols, kana, kanji, compatibility kanji, full- and half-width forms.
bool is_plausible_unit(unsigned u) {
  return (u >= 0x20 && u < 0x7F) || u == '\t' || u == '\n' || u == '\r' ||
         (u >= 0xA0 && u <= 0xFF) || (u >= 0x2000 && u <= 0x27BF) || (u >= 0x3000 && u <= 0x33FF) ||
         (u >= 0x4E00 && u <= 0x9FFF) || (u >= 0xF900 && u <= 0xFAFF) ||
         (u >= 0xFF00 && u <= 0xFFEF);
}

// Japanese text in UTF-16: nearly every unit plausible, with line ends, and ASCII units
// (digits, spaces, line ends: a zero high byte) not rare. ASCII, UTF-8 or Shift_JIS read as
// UTF-16 lack those zero bytes, and binary data is not plausible text. All-zero units (NUL
// padding) count neither way.
bool looks_like_utf16(std::string_view b, bool little) {
  constexpr std::size_t sample_bytes = 64 * 1024, min_units = 8;
  std::size_t units = 0, plausible = 0, ascii = 0, line_ends = 0;
  std::size_t n = std::min(b.size(), sample_bytes) & ~std::size_t{1};
  // An ASCII unit has a zero byte: a sample without one (UTF-8, Shift_JIS) is no UTF-16.
  if (b.substr(0, n).find('\0') == std::string_view::npos) return false;
  for (std::size_t i = 0; i < n; i += 2) {
    unsigned low = byte_at(b, i + (little ? 0 : 1)), high = byte_at(b, i + (little ? 1 : 0));
    unsigned unit = high << 8 | low;
    if (unit == 0) continue;
    ++units;
    plausible += is_plausible_unit(unit);
    ascii += high == 0;
    line_ends += unit == '\n' || unit == '\r';
  }
  return units >= min_units && plausible * 100 >= units * 95 && line_ends > 0 &&
         ascii * 50 >= units;
}

// -- results ----------------------------------------------------------------------------

Decoded failure(std::string encoding, int line, std::string message) {
  Decoded out;
  out.encoding = std::move(encoding);
  out.error_line = line;
  out.error = std::move(message);
  return out;
}

bool is_padding(char c) {
  return c == '\0' || c == '\x1A' || c == '\n' || c == ' ' || c == '\t';
}

// NUL bytes: padding at the end of the file is dropped with a warning (the text before it is
// intact); anywhere else the file is binary data and the text cannot be trusted.
void take_nul_bytes(Decoded& d) {
  auto first_nul = d.utf8.find('\0');
  if (first_nul == std::string::npos) return;
  std::size_t padding = d.utf8.size();
  while (padding > 0 && is_padding(d.utf8[padding - 1])) --padding;
  if (first_nul < padding) {
    d = failure(d.encoding, line_at(d.utf8, first_nul),
                "NUL byte: binary data, not text: expected a sheet saved as text (.txt, .tsv or "
                ".csv)");
    return;
  }
  auto nuls = static_cast<std::size_t>(
      std::count(d.utf8.begin() + static_cast<std::ptrdiff_t>(padding), d.utf8.end(), '\0'));
  d.warnings.push_back(
      {line_at(d.utf8, padding), fmt::format("{} NUL byte{} padding the end of the file ignored",
                                             nuls, nuls == 1 ? "" : "s")});
  d.utf8.erase(
      std::remove(d.utf8.begin() + static_cast<std::ptrdiff_t>(padding), d.utf8.end(), '\0'),
      d.utf8.end());
}

// Decoded UTF-8 text, taken over: line ends unified, NUL padding dropped.
Decoded success(std::string&& utf8, std::string encoding) {
  Decoded out;
  out.encoding = std::move(encoding);
  out.utf8 = std::move(utf8);
  unify_line_ends(out.utf8);
  take_nul_bytes(out);
  return out;
}

Decoded success(std::string_view utf8, std::string encoding) {
  return success(std::string(utf8), std::move(encoding));
}

// `utf8` as decoded text. `owner` is the buffer `utf8` lies in when the caller gave it up
// (decode_owned): the text is then taken from it, the bytes around it cut, instead of copied.
Decoded success_in(std::string_view utf8, std::string* owner, std::string encoding) {
  if (!owner) return success(utf8, std::move(encoding));
  auto head = static_cast<std::size_t>(utf8.data() - owner->data());
  owner->resize(head + utf8.size());
  owner->erase(0, head);
  return success(std::move(*owner), std::move(encoding));
}

void warn_cut_end(Decoded& d, std::string_view label, std::string_view dropped) {
  if (!d.ok()) return;
  d.warnings.push_back(
      {lines_in(d.utf8),
       fmt::format("the file ends inside a {} character (cut short?): its last {} ignored", label,
                   bytes_text(dropped))});
}

// UTF-8 text; a character cut in half by the end of the file is dropped with a warning.
// nullopt when the bytes are not UTF-8 (`owner`, as success_in, is then left as it was).
std::optional<Decoded> from_utf8(std::string_view bytes, const char* label, std::string* owner) {
  auto bad = first_invalid_utf8(bytes);
  if (bad == std::string_view::npos) return success_in(bytes, owner, label);
  if (!is_cut_character(bytes, bad)) return std::nullopt;
  std::string dropped(bytes.substr(bad));  // its bytes go with the owner's
  Decoded out = success_in(bytes.substr(0, bad), owner, label);
  warn_cut_end(out, "UTF-8", dropped);
  return out;
}

// Text in `charset` (known from a BOM or the byte pattern: `why`).
Decoded from_charset(std::string_view bytes, const char* charset, const char* label,
                     std::string_view why) {
  auto c = convert(bytes, charset);
  if (c.status == U_TRUNCATED_CHAR_FOUND) {
    Decoded out = success(std::move(c.utf8), label);
    warn_cut_end(out, label, bytes.substr(c.error_offset));
    return out;
  }
  if (U_FAILURE(c.status))
    return failure(label, lines_in(c.utf8),
                   fmt::format("invalid {} {} at byte {}: expected {} text ({})", label,
                               bytes_text(c.bad_bytes), c.error_offset, label, why));
  return success(std::move(c.utf8), label);
}

// Offset of the first control byte no text sheet holds (trailing padding aside; form feeds
// come from pdftotext, vertical tabs from Excel), or npos.
std::size_t first_control_byte(std::string_view s) {
  std::size_t end = s.size();
  while (end > 0 && is_padding(s[end - 1])) --end;
  for (std::size_t i = 0; i < end; ++i) {
    unsigned char c = byte_at(s, i);
    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v') return i;
  }
  return std::string_view::npos;
}

Decoded binary_data(std::string_view bytes, std::size_t control) {
  return failure("binary", line_at(bytes, control),
                 fmt::format("binary data, not text (control byte 0x{:02X} at byte {}): expected "
                             "a sheet saved as text (.txt, .tsv or .csv)",
                             byte_at(bytes, control), control));
}

// Neither UTF-8 nor Shift_JIS: binary data, or blame the encoding that read further.
Decoded neither(std::string_view bytes, std::size_t utf8_bad, const Conversion& sjis) {
  if (auto control = first_control_byte(bytes); control != std::string_view::npos)
    return binary_data(bytes, control);
  if (sjis.error_offset > utf8_bad)
    return failure("Shift_JIS", lines_in(sjis.utf8),
                   fmt::format("invalid Shift_JIS (CP932) {} at byte {}: the file reads as "
                               "Shift_JIS up to here; expected Shift_JIS or UTF-8 text",
                               bytes_text(sjis.bad_bytes), sjis.error_offset));
  return failure("unknown", line_at(bytes, utf8_bad),
                 fmt::format("invalid UTF-8 {} at byte {}, and not Shift_JIS (CP932) text "
                             "either: expected UTF-8 or Shift_JIS text",
                             utf8_bytes_text(bytes, utf8_bad), utf8_bad));
}

Decoded utf8_or_shift_jis(std::string_view bytes, std::string* owner) {
  if (auto utf8 = from_utf8(bytes, "UTF-8", owner)) return std::move(*utf8);
  auto sjis = convert(bytes, "windows-31j");
  // Most byte strings are "valid" Shift_JIS; control bytes tell binary data from text.
  if (U_SUCCESS(sjis.status) || sjis.status == U_TRUNCATED_CHAR_FOUND)
    if (auto control = first_control_byte(bytes); control != std::string_view::npos)
      return binary_data(bytes, control);
  if (U_SUCCESS(sjis.status)) return success(std::move(sjis.utf8), "Shift_JIS");
  if (sjis.status == U_TRUNCATED_CHAR_FOUND) {
    Decoded out = success(std::move(sjis.utf8), "Shift_JIS");
    warn_cut_end(out, "Shift_JIS", bytes.substr(sjis.error_offset));
    return out;
  }
  return neither(bytes, first_invalid_utf8(bytes), sjis);
}

}  // namespace

bool is_valid_utf8(std::string_view bytes) {
  return first_invalid_utf8(bytes) == std::string_view::npos;
}

std::string to_valid_utf8(std::string_view bytes) {
  std::string out;
  out.reserve(bytes.size());
  while (!bytes.empty()) {
    auto bad = first_invalid_utf8(bytes);
    out.append(bytes.substr(0, bad));
    if (bad == std::string_view::npos) break;
    out.append("\xEF\xBF\xBD");
    bytes.remove_prefix(bad + 1);
  }
  return out;
}

namespace {

// decode() of `bytes`; `owner`, when given, the buffer they are, given up (success_in).
Decoded decode_from(std::string_view bytes, std::string* owner) {
  if (const char* what = binary_format(bytes)) return failure("binary", 1, what);
  if (bytes.substr(0, 3) == utf8_bom) {
    auto rest = bytes.substr(3);
    if (auto utf8 = from_utf8(rest, "UTF-8-BOM", owner)) return std::move(*utf8);
    auto bad = first_invalid_utf8(rest);
    return failure("UTF-8-BOM", line_at(rest, bad),
                   fmt::format("invalid UTF-8 {} at byte {}: expected UTF-8 text (the file "
                               "starts with a UTF-8 byte order mark)",
                               utf8_bytes_text(rest, bad), bad + utf8_bom.size()));
  }
  if (bytes.size() >= 2 && bytes[0] == '\xFF' && bytes[1] == '\xFE')
    return from_charset(bytes.substr(2), "UTF-16LE", "UTF-16LE",
                        "the file starts with a UTF-16LE byte order mark");
  if (bytes.size() >= 2 && bytes[0] == '\xFE' && bytes[1] == '\xFF')
    return from_charset(bytes.substr(2), "UTF-16BE", "UTF-16BE",
                        "the file starts with a UTF-16BE byte order mark");
  if (looks_like_utf16(bytes, true))
    return from_charset(bytes, "UTF-16LE", "UTF-16LE", "taken for UTF-16LE from its zero bytes");
  if (looks_like_utf16(bytes, false))
    return from_charset(bytes, "UTF-16BE", "UTF-16BE", "taken for UTF-16BE from its zero bytes");
  return utf8_or_shift_jis(bytes, owner);
}

}  // namespace

Decoded decode(std::string_view bytes) {
  return decode_from(bytes, nullptr);
}

Decoded decode_owned(std::string bytes) {
  return decode_from(bytes, &bytes);
}

}  // namespace kpi::text
