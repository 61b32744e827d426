#include <unicode/normalizer2.h>
#include <unicode/unistr.h>
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdint>
#include <random>

#include <string>
#include <vector>

#include "kpi/text/decode.hpp"
#include "kpi/text/line_reader.hpp"
#include "kpi/text/mapped.hpp"
#include "kpi/text/normalize.hpp"
#include "kpi/text/stable_text.hpp"
#include "kpi/text/strings.hpp"

using namespace kpi::text;

namespace {

std::string utf8_of(char32_t cp) {
  std::string out;
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
  return out;
}

// What normalize() promises, from ICU alone: NFKC, but 〜 ～ and ①..⑳ kept as printed
// (the text between them normalised piece by piece).
std::string nfkc_keeping_protected(const std::string& s) {
  UErrorCode status = U_ZERO_ERROR;
  const auto* nfkc = icu::Normalizer2::getNFKCInstance(status);
  auto piece_nfkc = [&](const std::string& piece) {
    std::string out;
    auto u = nfkc->normalize(icu::UnicodeString::fromUTF8(piece), status);
    return u.toUTF8String(out);
  };
  std::string out, piece;
  for (std::size_t i = 0; i < s.size();) {
    auto lead = static_cast<unsigned char>(s[i]);
    std::size_t len = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
    len = std::min(len, s.size() - i);
    char32_t cp = 0;
    if (len == 3)
      cp = (char32_t{lead} & 0x0F) << 12 |
           (char32_t(static_cast<unsigned char>(s[i + 1])) & 0x3F) << 6 |
           (char32_t(static_cast<unsigned char>(s[i + 2])) & 0x3F);
    if (len == 3 && is_protected_from_nfkc(cp)) {
      out += piece_nfkc(piece) + s.substr(i, 3);
      piece.clear();
    } else {
      piece += s.substr(i, len);
    }
    i += len;
  }
  return out + piece_nfkc(piece);
}

void check_same_as_normalize(const std::string& s) {
  std::string buffer;
  INFO(s);
  if (is_valid_utf8(s)) CHECK(normalize(s) == nfkc_keeping_protected(s));  // else kept as is
  CHECK(normalized_view(s, buffer) == normalize(s));
  if (is_stable_text(s)) CHECK(normalize(s) == s);
  MappedText fast;
  normalize_mapped_into(s, fast);
  auto slow = normalize_mapped(s);
  CHECK(fast.original == slow.original);
  CHECK(fast.normalized == slow.normalized);
  CHECK(fast.source == slow.source);
}

}  // namespace

TEST_CASE("stable text: every BMP character normalises as normalize() does",
          "[text][stable_text]") {
  for (char32_t cp = 1; cp < 0x10000; ++cp) {
    if (cp >= 0xD800 && cp <= 0xDFFF) continue;
    auto ch = utf8_of(cp);
    // Alone, after a kanji and before a combining mark (which may compose with it).
    for (const auto& s : {ch, "漢" + ch + "a", ch + "\xE3\x82\x99", "a" + ch + "\xCC\x81"}) {
      std::string buffer;
      if (normalize(s) != nfkc_keeping_protected(s) || normalized_view(s, buffer) != normalize(s))
        FAIL("U+" << std::hex << static_cast<unsigned>(cp) << " in " << s);
    }
  }
}

TEST_CASE("stable text: sheet cells", "[text][stable_text]") {
  for (std::string s :
       {"", "126品 (R元)", "４７．５％（Ｒ５）", "①農業サポーター登録者 ②", "10～20",
        "ＫＰＩ　（重要業績評価指標）", "か\xE3\x82\x99", "ｶﾞ", "8,000 m³", "CO₂", "\xC2\xA0x",
        "※R4実績は未確定", "→ 30,000 件（R10）", "\xE3\x81", "abc\xFF", "令和６年度末時点"})
    check_same_as_normalize(s);
}

TEST_CASE("stable text: is_squeezed says when squeeze_spaces changes nothing",
          "[text][stable_text]") {
  for (std::string s : {"", "a", "a b", "a  b", " a", "a ", "a\tb",
                        "a\xE3\x80\x80"
                        "b",
                        "a\xC2\xA0"
                        "b",
                        "漢 字", "a\rb"})
    CHECK(is_squeezed(s) == (squeeze_spaces(s) == s));
  // Random mixes of spaces, kana (E3 like U+3000), NBSP's lead C2 in ©, control characters
  // and words, short and long enough to be read sixteen bytes at a time.
  const std::string pieces[] = {
      "a",  " ",        "\t", "\xE3\x80\x80", "\xC2\xA0",     "あ",   "漢",
      "\v", "\xC2\xA9", "\f", "\n",           "\xE3\x80\x82", "\x01", "abcdefgh"};
  std::mt19937 random(3);
  for (int round = 0; round < 40000; ++round) {
    std::string s;
    for (auto n = random() % (round % 2 ? 8 : 30); n > 0; --n)
      s += pieces[random() % std::size(pieces)];
    INFO(s);
    REQUIRE(is_squeezed(s) == (squeeze_spaces(s) == s));
  }
}

TEST_CASE("LineReader reads the lines text::lines lists", "[text][stable_text]") {
  for (std::string s : {"", "\n", "a", "a\n", "a\n\n", "\n\nb", "a\nb\nc", "a\r\nb\n"}) {
    std::vector<std::string_view> read;
    LineReader reader(s);
    for (std::string_view line; reader.next(line);) read.push_back(line);
    CHECK(read == lines(s));
  }
}

TEST_CASE("stable text: a block of sixteen bytes is passed over only when all of it is stable",
          "[text][stable_text]") {
  // Every three-byte character at every offset of the block: passed over (to the end of the
  // character that starts last in it) only when normalize() keeps it and it is no space.
  auto utf8_of = [](char32_t cp) {
    return std::string{static_cast<char>(0xE0 | cp >> 12),
                       static_cast<char>(0x80 | (cp >> 6 & 0x3F)),
                       static_cast<char>(0x80 | (cp & 0x3F))};
  };
  std::size_t passed = 0;
  for (char32_t cp = 0x800; cp < 0x10000; ++cp) {
    if (cp >= 0xD800 && cp <= 0xDFFF) continue;
    bool stable = is_kept_by_normalize(cp) && cp != 0x3000;
    for (std::size_t at : {0, 1, 7, 13, 14, 15}) {
      auto s = std::string(at, 'a') + utf8_of(cp) + std::string(20, 'b');
      auto end = stable_word_block_end(s, 0);
      INFO(static_cast<std::uint32_t>(cp) << " at " << at);
      if (!stable) REQUIRE(end == 0);
      if (end) {
        REQUIRE(end == std::max<std::size_t>(16, at + 3));
        ++passed;
      }
    }
  }
#if defined(__SSE2__)
  CHECK(passed > 6 * 20000);  // kanji and kana at least
#endif
  // Spaces, cut characters and stray continuation bytes stop a block; fewer than eighteen
  // bytes are not read as one.
  for (std::string odd : {" ", "\t", "\xE3\x80\x80", "\xC2\xA0", "\x80", "\xE6\xBC", "\xE6",
                          "\xEF\xBC\x88", "\x01"}) {
    auto s = "漢字" + odd + std::string(20, 'x');
    CHECK(stable_word_block_end(s, 0) == 0);
  }
  CHECK(stable_word_block_end("漢字かなカナ", 0) == 18);  // eighteen bytes: a block, read
  CHECK(stable_word_block_end("漢字かなカx", 0) == 0);    // sixteen: too few
  std::string prose = "引き続き、若い世代が安心して結婚";
  CHECK(stable_word_block_end(prose, 0) % 3 == 0);
}

TEST_CASE("stable text: long texts read sixteen bytes at a time are stable as each character",
          "[text][stable_text]") {
  auto utf8_of = [](char32_t cp) {
    return std::string{static_cast<char>(0xE0 | cp >> 12),
                       static_cast<char>(0x80 | (cp >> 6 & 0x3F)),
                       static_cast<char>(0x80 | (cp & 0x3F))};
  };
  for (char32_t cp = 0x800; cp < 0x10000; ++cp) {
    if (cp >= 0xD800 && cp <= 0xDFFF) continue;
    for (std::size_t at : {0, 5, 14, 15, 17}) {
      auto s = std::string(at, ' ') + utf8_of(cp) + "\t漢字かな カナ。\n";
      INFO(static_cast<std::uint32_t>(cp) << " at " << at);
      REQUIRE(is_stable_text(s) == is_kept_by_normalize(cp));
      std::string buffer;
      REQUIRE(normalized_view(s, buffer) == normalize(s));
    }
  }
}

TEST_CASE("stable text: a run read sixteen bytes at a time stops where a character is not stable",
          "[text][stable_text]") {
  // Two- and four-byte characters, cut characters and stray continuation bytes after long
  // stable runs of ASCII (tabs and control characters included) and of kana and kanji.
  for (std::string odd : {"\xC3\xA9", "\xF0\x9F\x98\x80", "\xE3\x80\x80", "\xEF\xBC\x91", "\x80",
                          "\xE6\xBC", "\xE2\x91\xA0"}) {
    for (std::size_t at = 0; at < 40; ++at) {
      for (const std::string& fill : {std::string("a\t\x01 "), std::string("漢かナ、")}) {
        std::string s;
        while (s.size() < at) s += fill;
        auto text = s + odd + s + s;
        INFO(text);
        std::string buffer;
        bool kept = odd == "\xE2\x91\xA0";  // ① is kept as printed
        CHECK(is_stable_text(text) == kept);
        CHECK(normalized_view(text, buffer) == normalize(text));
        CHECK(is_stable_text(s + s + s));
      }
    }
  }
}
