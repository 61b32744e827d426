// The same sheet in UTF-8, UTF-8 with BOM, CP932 (Shift_JIS), UTF-16LE/BE with BOM and CRLF
// line ends gives identical indicators.
#include <catch2/catch.hpp>

#include <filesystem>

#include <unicode/ucnv.h>
#include <unicode/ustring.h>

#include "kpi/formats/registry.hpp"
#include "kpi/pipeline.hpp"
#include "kpi/report/json.hpp"
#include "kpi/text/decode.hpp"
#include "sheets.hpp"

namespace {

// `utf8` with the characters CP932 cannot hold (₂, ³ ...) replaced by '?', as a CP932 file
// of the same sheet would have them.
std::string cp932_representable(const std::string& utf8) {
  UErrorCode status = U_ZERO_ERROR;
  UConverter* conv = ucnv_open("windows-31j", &status);
  ucnv_setSubstChars(conv, "?", 1, &status);
  std::u16string wide(utf8.size() + 1, u'\0');
  int32_t wide_len = 0;
  u_strFromUTF8(wide.data(), static_cast<int32_t>(wide.size()), &wide_len, utf8.data(),
                static_cast<int32_t>(utf8.size()), &status);
  std::string bytes(utf8.size() * 2 + 16, '\0');
  int32_t n = ucnv_fromUChars(conv, bytes.data(), static_cast<int32_t>(bytes.size()), wide.data(),
                              wide_len, &status);
  ucnv_close(conv);
  REQUIRE(U_SUCCESS(status));
  bytes.resize(static_cast<std::size_t>(n));
  auto back = kpi::text::decode(bytes);
  REQUIRE(back.ok());
  return back.utf8;
}

std::string crlf(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '\n') out += '\r';
    out += c;
  }
  return out;
}

// The indicators as JSON, the source path left out.
std::string indicators_of(const std::string& bytes) {
  auto decoded = kpi::text::decode(bytes);
  REQUIRE(decoded.ok());
  auto sheet = kpi::process_text(decoded.utf8, "sheet", decoded.encoding, {});
  auto j = nlohmann::ordered_json::array();
  for (const auto& ind : sheet.parsed.indicators) j.push_back(kpi::report::indicator_json(ind));
  return j.dump();
}

std::vector<std::string> bundled_sheets() {
  std::vector<std::string> out;
  for (const auto& e : std::filesystem::recursive_directory_iterator(KPI_DATA_DIR)) {
    if (!e.is_regular_file() || e.path().extension() == ".json" || e.path().extension() == ".md")
      continue;
    auto text = kpi::text::decode(kpi::testing::read_bytes(e.path().string()));
    if (text.ok() && kpi::formats::detect_format(text.utf8)) out.push_back(e.path().string());
  }
  return out;
}

}  // namespace

TEST_CASE("every bundled sheet reads the same in every encoding", "[encoding]") {
  auto sheets = bundled_sheets();
  REQUIRE_FALSE(sheets.empty());
  for (const auto& path : sheets) {
    INFO(path);
    auto utf8 = kpi::text::decode(kpi::testing::read_bytes(path)).utf8;
    auto expected = indicators_of(utf8);
    CHECK(expected.size() > 100);
    CHECK(indicators_of("\xEF\xBB\xBF" + utf8) == expected);
    CHECK(indicators_of(crlf(utf8)) == expected);
    auto sjis_text = cp932_representable(utf8);
    CHECK(indicators_of(kpi::testing::encode_as(sjis_text, "windows-31j")) ==
          indicators_of(sjis_text));
    CHECK(indicators_of("\xFF\xFE" + kpi::testing::encode_as(utf8, "UTF-16LE")) == expected);
    CHECK(indicators_of("\xFE\xFF" + kpi::testing::encode_as(crlf(utf8), "UTF-16BE")) == expected);
  }
}
