#include <catch2/catch.hpp>

#include <unicode/ucnv.h>

#include "kpi/text/decode.hpp"
#include "kpi/text/normalize.hpp"
#include "sheets.hpp"

namespace {

const std::string sample = "県Uターン就職率 増加指標 ％ 58.2\n待機児童の数 維持指標 人 0\n";

}  // namespace

TEST_CASE("UTF-8 with and without BOM", "[text][decode]") {
  auto plain = kpi::text::decode(sample);
  CHECK(plain.ok());
  CHECK(plain.encoding == "UTF-8");
  CHECK(plain.utf8 == sample);
  auto bom = kpi::text::decode("\xEF\xBB\xBF" + sample);
  CHECK(bom.encoding == "UTF-8-BOM");
  CHECK(bom.utf8 == sample);
}

TEST_CASE("Shift_JIS (CP932) and UTF-16 decode to the same text", "[text][decode]") {
  auto sjis = kpi::text::decode(kpi::testing::encode_as(sample, "windows-31j"));
  REQUIRE(sjis.ok());
  CHECK(sjis.encoding == "Shift_JIS");
  CHECK(sjis.utf8 == sample);
  auto le = kpi::text::decode("\xFF\xFE" + kpi::testing::encode_as(sample, "UTF-16LE"));
  REQUIRE(le.ok());
  CHECK(le.encoding == "UTF-16LE");
  CHECK(le.utf8 == sample);
  auto be = kpi::text::decode("\xFE\xFF" + kpi::testing::encode_as(sample, "UTF-16BE"));
  CHECK(be.utf8 == sample);
}

TEST_CASE("CRLF and CR line ends become LF", "[text][decode]") {
  CHECK(kpi::text::decode("a\r\nb\rc\n").utf8 == "a\nb\nc\n");
}

TEST_CASE("undecodable bytes are an error with a line", "[text][decode]") {
  auto bad = kpi::text::decode("ok line\n\x81\x20\xFF\xFE broken\n");
  CHECK_FALSE(bad.ok());
  CHECK(bad.error_line == 2);
  auto only_bom = kpi::text::decode("\xEF\xBB\xBF");
  CHECK(only_bom.ok());
  CHECK(only_bom.utf8.empty());
}

TEST_CASE("NFKC keeps wave dashes and circled numbers", "[text][normalize]") {
  using kpi::text::normalize;
  CHECK(normalize("５８．２％") == "58.2%");
  CHECK(normalize("26～30年度") == "26～30年度");
  CHECK(normalize("R5〜R6") == "R5〜R6");
  CHECK(normalize("①多様な②") == "①多様な②");
  CHECK(normalize("（累計）") == "(累計)");
  CHECK(normalize("人／ha") == "人/ha");
}

TEST_CASE("messages quoting input are made valid UTF-8", "[text][decode]") {
  CHECK(kpi::text::to_valid_utf8("ok") == "ok");
  CHECK(kpi::text::to_valid_utf8("last read: '\xE3\x80'") ==
        "last read: '\xEF\xBF\xBD\xEF\xBF\xBD'");
  CHECK(kpi::text::is_valid_utf8(kpi::text::to_valid_utf8("\xFF\xFE\xE3\x80\x80x")));
}
