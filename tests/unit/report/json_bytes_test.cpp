// The JSON writer's scans (sixteen or eight bytes at a time) stop where a byte-by-byte scan
// stops: at a quote, backslash or control character, and for plain text at a byte >= 0x80.
#include <catch2/catch.hpp>

#include <random>
#include <string>

#include "report/json_bytes.hpp"

namespace {

std::size_t reference_stop(std::string_view s, std::size_t i, bool with_high) {
  for (; i < s.size(); ++i) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x20 || c == '"' || c == '\\' || (with_high && c >= 0x80)) break;
  }
  return i;
}

}  // namespace

TEST_CASE("JSON byte scans stop where a byte-by-byte scan stops", "[report][json]") {
  namespace jb = kpi::report::json_bytes;
  std::mt19937 random(12);
  // Mostly plain bytes, now and then one of each kind that stops a scan, at every offset
  // around the 8- and 16-byte steps.
  const std::string stops = std::string("\"\\\x01\x1f\x7f\x80\xe3\xff", 8) + std::string(1, '\0');
  for (int round = 0; round < 20000; ++round) {
    std::string s(random() % 70, 'a');
    for (auto& c : s) c = static_cast<char>(0x20 + random() % 0x5F);  // ' '..'~'
    if (!s.empty() && random() % 4 != 0) s[random() % s.size()] = stops[random() % stops.size()];
    std::size_t from = s.empty() ? 0 : random() % (s.size() + 1);
    INFO(round);
    REQUIRE(jb::next_escape(s, from) == reference_stop(s, from, false));
    REQUIRE(jb::plain_end(s, from) == reference_stop(s, from, true));
    auto ascii = from;
    while (ascii < s.size() && static_cast<unsigned char>(s[ascii]) < 0x80) ++ascii;
    REQUIRE(jb::ascii_end(s, from) == ascii);
  }
}
