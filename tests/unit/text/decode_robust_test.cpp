// Decoding what files really hold: cut short, padded with NUL bytes, binary, UTF-16 without a
// byte order mark, Shift_JIS broken in the middle. Usable text is kept with a warning saying
// what was dropped; otherwise the error says what was expected, at which line.
#include <catch2/catch.hpp>

#include <unicode/ucnv.h>

#include <random>
#include <string>
#include <vector>

#include "kpi/text/decode.hpp"

using kpi::text::decode;

namespace {

std::string encode(const std::string& utf8, const char* charset) {
  UErrorCode status = U_ZERO_ERROR;
  std::string out(utf8.size() * 4 + 8, '\0');
  int32_t n = ucnv_convert(charset, "UTF-8", out.data(), static_cast<int32_t>(out.size()),
                           utf8.data(), static_cast<int32_t>(utf8.size()), &status);
  REQUIRE(U_SUCCESS(status));
  out.resize(static_cast<std::size_t>(n));
  return out;
}

// Mostly kanji, as the commentary of a sheet: few ASCII code units.
const std::string japanese =
    "県外への転出超過が増加し、全体として１１３人の転出超過となった。\n引き続き取り組む。\n";

}  // namespace

TEST_CASE("UTF-16 without a byte order mark, even when mostly kanji", "[text][decode][robust]") {
  for (const char* charset : {"UTF-16LE", "UTF-16BE"}) {
    INFO(charset);
    auto d = decode(encode(japanese, charset));
    REQUIRE(d.ok());
    CHECK(d.encoding == charset);
    CHECK(d.utf8 == japanese);
  }
}

TEST_CASE("ASCII and UTF-8 text are not taken for UTF-16", "[text][decode][robust]") {
  CHECK(decode("R5 58.2 58.6 99.0% 60.0\n").encoding == "UTF-8");
  CHECK(decode(japanese).encoding == "UTF-8");
  CHECK(decode(encode(japanese, "windows-31j")).encoding == "Shift_JIS");
  auto padded = decode("abc\n" + std::string(100, '\0'));
  CHECK(padded.encoding == "UTF-8");
}

TEST_CASE("NUL padding at the end is dropped with a warning", "[text][decode][robust]") {
  auto d = decode("a\nb\n" + std::string(100, '\0'));
  REQUIRE(d.ok());
  CHECK(d.utf8 == "a\nb\n");
  REQUIRE(d.warnings.size() == 1);
  CHECK(d.warnings[0].line == 2);
  CHECK(d.warnings[0].message == "100 NUL bytes padding the end of the file ignored");
  auto only = decode(std::string(8, '\0'));
  REQUIRE(only.ok());
  CHECK(only.utf8.empty());
  CHECK(only.warnings.size() == 1);
}

TEST_CASE("a NUL byte inside the text is binary data, with its line", "[text][decode][robust]") {
  auto d = decode(std::string("a\nb\0c\nd\n", 8));
  CHECK_FALSE(d.ok());
  CHECK(d.error_line == 2);
  CHECK(d.utf8.empty());
  CHECK_THAT(d.error, Catch::StartsWith("NUL byte: binary data, not text"));
}

TEST_CASE("a character cut by the end of the file is dropped with a warning",
          "[text][decode][robust]") {
  std::string utf8 = "県\n市";
  auto d = decode(utf8.substr(0, utf8.size() - 1));
  REQUIRE(d.ok());
  CHECK(d.encoding == "UTF-8");
  CHECK(d.utf8 == "県\n");
  REQUIRE(d.warnings.size() == 1);
  CHECK(d.warnings[0].line == 2);
  CHECK(d.warnings[0].message ==
        "the file ends inside a UTF-8 character (cut short?): its last bytes 0xE5 0xB8 ignored");

  auto sjis = encode("県の数値\n市", "windows-31j");
  auto s = decode(sjis.substr(0, sjis.size() - 1));
  REQUIRE(s.ok());
  CHECK(s.encoding == "Shift_JIS");
  CHECK(s.utf8 == "県の数値\n");
  REQUIRE(s.warnings.size() == 1);
  CHECK_THAT(s.warnings[0].message, Catch::Contains("inside a Shift_JIS character"));

  auto utf16 = "\xFF\xFE" + encode("県\n市", "UTF-16LE");
  auto u = decode(utf16.substr(0, utf16.size() - 1));
  REQUIRE(u.ok());
  CHECK(u.utf8 == "県\n");
  CHECK(u.warnings.size() == 1);
}

TEST_CASE("broken Shift_JIS is blamed on Shift_JIS, at its line", "[text][decode][robust]") {
  auto sjis =
      encode("県の数値\n待機児童の数\n", "windows-31j") + "\xFF" + encode("人\n", "windows-31j");
  auto d = decode(sjis);
  CHECK_FALSE(d.ok());
  CHECK(d.error_line == 3);
  CHECK_THAT(d.error, Catch::StartsWith("invalid Shift_JIS (CP932) byte 0xFF at byte"));
}

TEST_CASE("broken UTF-8 is blamed on UTF-8, at its line, whatever the line ends",
          "[text][decode][robust]") {
  auto d = decode("県\r市\r\n町\r\xFF村\n");
  CHECK_FALSE(d.ok());
  CHECK(d.error_line == 4);
  CHECK_THAT(d.error, Catch::StartsWith("invalid UTF-8 byte 0xFF at byte"));
}

TEST_CASE("binary files say what they are", "[text][decode][robust]") {
  CHECK_THAT(decode("%PDF-1.7\n\xE2\xE3\xCF\xD3").error, Catch::StartsWith("a PDF file, not text"));
  CHECK_THAT(decode(std::string("PK\x03\x04\x14\0\0\0", 8)).error, Catch::Contains(".xlsx"));
  auto noise = decode(std::string("\x01\x02\xF0\x80zz", 6));
  CHECK_THAT(noise.error, Catch::StartsWith("binary data, not text (control byte 0x01 at byte 0)"));
  CHECK(noise.error_line == 1);
}

TEST_CASE("UTF-8 validation agrees with ICU at every offset of the fast paths",
          "[text][decode][robust]") {
  // Every ill-formed or edge sequence, placed after 0..17 ASCII bytes (inside and after the
  // eight-byte ASCII skip) and after kana (the three-byte fast path).
  const std::vector<std::string> sequences = {"\xE3\x81\x82",
                                              "\xEF\xBC\x91",
                                              "\xED\x9F\xBF",
                                              "\xEE\x80\x80",
                                              "\xE0\xA0\x80",
                                              "\xF0\x90\x80\x80",
                                              "\xF4\x8F\xBF\xBF",
                                              "\xC2\x80",
                                              "\xE0\x80\x80",
                                              "\xED\xA0\x80",
                                              "\xC0\xAF",
                                              "\xF4\x90\x80\x80",
                                              "\xE3\x81",
                                              "\xE3\x28\x82",
                                              "\x80",
                                              "\xFF",
                                              "\xEF\xBC\x91\xEF\xBC"};
  auto icu_valid = [](const std::string& s) {
    UErrorCode status = U_ZERO_ERROR;
    std::vector<UChar> out(s.size() * 2 + 4);
    UConverter* c = ucnv_open("UTF-8", &status);
    ucnv_setToUCallBack(c, UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
    ucnv_toUChars(c, out.data(), static_cast<int32_t>(out.size()), s.data(),
                  static_cast<int32_t>(s.size()), &status);
    ucnv_close(c);
    return U_SUCCESS(status);
  };
  // Also after a run of kana and kanji (the run is tested a character at a time), and at the
  // very end of the text.
  for (const auto& seq : sequences)
    for (std::string prefix : {std::string(), std::string("\xE3\x81\x82"),
                               std::string("\xE3\x81\x82\xE6\xBC\xA2\xEF\xBC\x91")})
      for (std::string suffix : {std::string("xyz"), std::string()})
        for (std::size_t ascii = 0; ascii < 18; ++ascii) {
          auto s = prefix + std::string(ascii, 'a') + seq + suffix;
          INFO(ascii << " ASCII bytes before sequence of " << seq.size());
          CHECK(kpi::text::is_valid_utf8(s) == icu_valid(s));
          CHECK(kpi::text::is_valid_utf8(seq + prefix + suffix) ==
                icu_valid(seq + prefix + suffix));
        }
}

TEST_CASE("UTF-8 validation after a long run of three-byte characters, at every offset",
          "[text][decode][robust]") {
  // The run of kana, kanji and full-width forms is read four bytes at a time: an ill-formed
  // sequence, an overlong or surrogate lead (E0, ED) or a cut character right after any number
  // of them, and at the very end of the text, is found where a byte-by-byte reading finds it.
  const std::string run_characters[] = {"\xE3\x81\x82", "\xE6\xBC\xA2", "\xEF\xBC\x91",
                                        "\xEC\x9F\xBF", "\xE1\x80\x80", "\xEE\x80\x80"};
  const std::string breaks[] = {"",
                                "a",
                                "\xE3\x81",
                                "\xE3",
                                "\x80",
                                "\xE3\x28\x82",
                                "\xE0\xA0\x80",
                                "\xE0\x80\x80",
                                "\xED\x9F\xBF",
                                "\xED\xA0\x80",
                                "\xC2\xA0",
                                "\xF0\x90\x80\x80",
                                "\xFF"};
  auto byte_by_byte_valid = [](const std::string& s) {
    for (std::size_t i = 0; i < s.size();) {
      auto c = static_cast<unsigned char>(s[i]);
      std::size_t len = c < 0x80                 ? 1
                        : c >= 0xC2 && c <= 0xDF ? 2
                        : c >= 0xE0 && c <= 0xEF ? 3
                        : c >= 0xF0 && c <= 0xF4 ? 4
                                                 : 0;
      if (len == 0 || i + len > s.size()) return false;
      unsigned cp = c & (0x7F >> len);
      for (std::size_t k = 1; k < len; ++k) {
        auto b = static_cast<unsigned char>(s[i + k]);
        if ((b & 0xC0) != 0x80) return false;
        cp = cp << 6 | (b & 0x3F);
      }
      unsigned least = len == 2 ? 0x80 : len == 3 ? 0x800 : 0x10000;
      if (len > 1 && (cp < least || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))) return false;
      i += len;
    }
    return true;
  };
  // Random lines of such pieces and ASCII, long enough to be read sixteen bytes at a time.
  std::mt19937 rng(12);
  std::uniform_int_distribution<std::size_t> pick(0, std::size(run_characters) + std::size(breaks)),
      length(0, 40);
  for (int round = 0; round < 20000; ++round) {
    std::string s;
    for (auto k = length(rng); k > 0; --k) {
      auto piece = pick(rng);
      s += piece < std::size(run_characters) ? run_characters[piece]
           : piece == std::size(run_characters) + std::size(breaks)
               ? std::string("ab ")
               : breaks[piece - std::size(run_characters)];
    }
    INFO(s.size() << " bytes");
    REQUIRE(kpi::text::is_valid_utf8(s) == byte_by_byte_valid(s));
  }
  for (std::size_t count = 0; count < 12; ++count)
    for (const auto& brk : breaks)
      for (std::string after : {std::string(), std::string("\xE6\xBC\xA2x")}) {
        std::string s;
        for (std::size_t k = 0; k < count; ++k) s += run_characters[k % std::size(run_characters)];
        s += brk + after;
        INFO(count << " characters before a break of " << brk.size() << " bytes");
        CHECK(kpi::text::is_valid_utf8(s) == byte_by_byte_valid(s));
      }
}

TEST_CASE("decoding bytes taken over gives what decoding a view of them gives",
          "[text][decode][robust]") {
  // UTF-8 is decoded in the bytes' own buffer; everything else goes the way of the view. The
  // text, encoding, error, its line and the warnings agree for every kind of file.
  const std::string utf8 = "No.3\t58.2\t58.6\r\n基本目標１\rR5\n";
  const std::vector<std::string> files = {
      "",
      utf8,
      "\xEF\xBB\xBF" + utf8,                      // UTF-8 with a BOM
      "\xEF\xBB\xBF",                             // a BOM alone
      utf8 + std::string(3, '\0'),                // NUL padding
      std::string("a\0b\nc\n", 6),                // a NUL inside: binary data
      utf8 + "\xE5\x9F",                          // a character cut by the end
      encode(japanese, "UTF-16LE"),               // UTF-16 without a BOM
      "\xFF\xFE" + encode(japanese, "UTF-16LE"),  // and with one
      encode(japanese, "windows-31j"),            // Shift_JIS
      "\xEF\xBB\xBF"
      "abc\xFF\n",                                // broken UTF-8 after a BOM
      "PK\x03\x04 not a text",                    // a binary format
      std::string("a\0b\0c\0d\0e\0f\0\n\0", 14),  // ASCII as UTF-16LE
  };
  for (const auto& bytes : files) {
    INFO(bytes.size() << " bytes");
    auto viewed = decode(std::string_view(bytes));
    auto owned = kpi::text::decode_owned(bytes);
    CHECK(owned.utf8 == viewed.utf8);
    CHECK(owned.encoding == viewed.encoding);
    CHECK(owned.error == viewed.error);
    CHECK(owned.error_line == viewed.error_line);
    REQUIRE(owned.warnings.size() == viewed.warnings.size());
    for (std::size_t i = 0; i < owned.warnings.size(); ++i) {
      CHECK(owned.warnings[i].line == viewed.warnings[i].line);
      CHECK(owned.warnings[i].message == viewed.warnings[i].message);
    }
  }
  auto crlf = kpi::text::decode_owned("\xEF\xBB\xBF" + utf8);
  CHECK(crlf.encoding == "UTF-8-BOM");
  CHECK(crlf.utf8 == "No.3\t58.2\t58.6\n基本目標１\nR5\n");
}
