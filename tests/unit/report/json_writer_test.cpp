// JsonWriter writes what nlohmann's Json::dump(2, ' ', false, replace) writes for the same
// values: escapes, UTF-8 that is not, doubles (shortest digits and their layout), integers at
// their limits, and the indentation of nested and empty containers.
#include <catch2/catch.hpp>

#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <sstream>

#include "kpi/report/json.hpp"
#include "kpi/report/json_writer.hpp"

namespace {

using kpi::report::Json;
using kpi::report::JsonWriter;

std::string dumped(const Json& j) {
  return j.dump(2, ' ', false, Json::error_handler_t::replace);
}

template <typename Write>
std::string written(Write write) {
  std::ostringstream out;
  {
    JsonWriter writer(out);
    write(writer);
  }
  return out.str();
}

std::string written_string(const std::string& s) {
  return written([&](JsonWriter& w) { w.string(s); });
}

std::string written_number(double x) {
  return written([&](JsonWriter& w) { w.number(x); });
}

}  // namespace

TEST_CASE("JsonWriter escapes strings as nlohmann's dump", "[report][json]") {
  std::string every_control;
  for (int c = 0; c < 0x20; ++c) every_control += static_cast<char>(c);
  std::vector<std::string> texts = {
      "",
      "plain",
      every_control,
      std::string("nul \0 inside", 12),
      "quote \" backslash \\ slash / del \x7f",
      "line separators \u2028 \u2029, BOM \ufeff, noncharacter \uffff",
      "4-byte 😀 𠮷, 3-byte 高岡 ▲, 2-byte é",
      "\xff",
      "cut at the end \xE3\x81",
      "lone continuation a\x80z",
      "overlong \xC0\xAF and \xE0\x80\xAF",
      "surrogate \xED\xA0\x80 high \xED\xBF\xBF",
      "beyond U+10FFFF \xF4\x90\x80\x80",
      "invalid lead \xF5\x80\x80\x80 and \xFE",
      "mixed \x01 \xC3 \" \xE2\x82",
      "\xE2\x80\xA8\xC3",
  };
  for (const auto& text : texts) {
    INFO(text);
    CHECK(written_string(text) == dumped(Json(text)));
  }
}

TEST_CASE("JsonWriter finds an escape at any offset of a long string", "[report][json]") {
  std::string base = "高岡 abcdefghijklmnopqrstuvwxyz 0123456789 ▲ end";
  for (char special : {'\0', '\x1f', '\n', '"', '\\', '\x7f', ' ', '!', '#', '[', ']'}) {
    for (std::size_t at = 0; at <= base.size(); ++at) {
      auto text = base;
      text.insert(at, 1, special);
      INFO(at);
      REQUIRE(written_string(text) == dumped(Json(text)));
    }
  }
}

TEST_CASE("JsonWriter escapes keys as nlohmann's dump", "[report][json]") {
  Json expected = Json::object();
  expected["a\"b\n"] = 1;
  expected["\xff"] = 2;
  expected[""] = 3;
  expected["rate_percent"] = 4;  // plain ASCII: copied as it is
  expected["~ \x7f\\/"] = 5;     // DEL and a backslash: the escaping path
  expected["◎"] = 6;
  auto text = written([](JsonWriter& w) {
    w.begin_object();
    // Keys from the data (key_text); a key written in the source is checked when compiled.
    w.key_text("a\"b\n").integer(1);
    w.key_text("\xff").integer(2);
    w.key("").integer(3);
    w.key("rate_percent").integer(4);
    w.key_text("~ \x7f\\/").integer(5);
    w.key(std::string("◎")).integer(6);
    w.end_object();
  });
  CHECK(text == dumped(expected));
}

TEST_CASE("JsonWriter prints doubles with nlohmann's digits and layout", "[report][json]") {
  using limits = std::numeric_limits<double>;
  std::vector<double> numbers = {0.0,
                                 -0.0,
                                 1.0,
                                 -1.0,
                                 100.0,
                                 0.1,
                                 0.30000000000000004,
                                 1.0 / 3.0,
                                 1e-4,
                                 1e-5,
                                 1.5e-5,
                                 -1e-7,
                                 123456.789,
                                 1e15,
                                 1e16,
                                 1e17,
                                 123456789012345678.0,
                                 1e21,
                                 1e22,
                                 -1e300,
                                 9007199254740993.0,
                                 limits::max(),
                                 limits::lowest(),
                                 limits::min(),
                                 limits::denorm_min(),
                                 limits::epsilon(),
                                 limits::quiet_NaN(),
                                 limits::infinity(),
                                 -limits::infinity()};
  for (double x : numbers) {
    INFO(x);
    CHECK(written_number(x) == dumped(Json(x)));
  }
  // Doubles from every corner of the bit patterns (a fixed pseudo-random sequence): nlohmann's
  // text, except where its grisu2 gives a longer (or a farther) one of the same double, about
  // 1 in 3,000: then one no longer, in the same layout, that reads back as the same double.
  std::uint64_t state = 0x9E3779B97F4A7C15ull;
  int differing = 0;
  for (int i = 0; i < 20000; ++i) {
    state = state * 6364136223846793005ull + 1442695040888963407ull;
    double x;
    std::memcpy(&x, &state, sizeof x);
    if (!std::isfinite(x)) continue;
    INFO(state);
    auto ours = written_number(x), theirs = dumped(Json(x));
    if (ours == theirs) continue;
    ++differing;
    REQUIRE(ours.size() <= theirs.size());
    REQUIRE(std::strtod(ours.c_str(), nullptr) == x);
    REQUIRE((ours.find('e') == std::string::npos) == (theirs.find('e') == std::string::npos));
  }
  CHECK(differing < 40);
}

TEST_CASE("JsonWriter prints a decimal as the double nearest to it", "[report][json]") {
  auto as_decimal = [](std::int64_t units, int scale) {
    return written([&](JsonWriter& w) { w.decimal_number(units, scale); });
  };
  CHECK(as_decimal(639, 1) == "63.9");
  CHECK(as_decimal(-5800, 2) == "-58.0");
  CHECK(as_decimal(0, 3) == "0.0");
  CHECK(as_decimal(1, 12) == "1e-12");
  CHECK(as_decimal(-1, 400) == "-0.0");  // below the doubles: the nearest is zero
  CHECK(as_decimal(12345, 8) == "0.00012345");
  CHECK(as_decimal(1234567890123456789, 2) == written_number(12345678901234567.89));
  std::uint64_t state = 11;
  for (int i = 0; i < 20000; ++i) {  // units of 1 to 19 digits, scales 1 to 12
    state = state * 6364136223846793005ull + 1442695040888963407ull;
    std::int64_t units = static_cast<std::int64_t>(state >> 1);
    for (auto n = (state >> 7) % 19; n > 0; --n) units /= 10;
    if (state & 1) units = -units;
    int scale = 1 + static_cast<int>((state >> 33) % 12);
    INFO(units << "e-" << scale);
    REQUIRE(as_decimal(units, scale) == written_number(kpi::model::nearest_double({units, scale})));
  }
}

TEST_CASE("JsonWriter prints the shortest digits of a double, where nlohmann's are longer",
          "[report][json]") {
  CHECK(written_number(64.17112299465241) == "64.1711229946524");  // nlohmann: ...5241
  CHECK(dumped(Json(64.17112299465241)) == "64.17112299465241");
  CHECK(written_number(2.1809923657139278e+15) == "2.1809923657139278e+15");
}

TEST_CASE("JsonWriter prints integers at their limits as nlohmann's dump", "[report][json]") {
  for (std::int64_t n :
       {std::int64_t{0}, std::int64_t{-1}, std::int64_t{42},
        std::numeric_limits<std::int64_t>::min(), std::numeric_limits<std::int64_t>::max()})
    CHECK(written([&](JsonWriter& w) { w.integer(n); }) == dumped(Json(n)));
  for (std::uint64_t n : {std::uint64_t{0}, std::numeric_limits<std::uint64_t>::max()})
    CHECK(written([&](JsonWriter& w) { w.unsigned_integer(n); }) == dumped(Json(n)));
}

TEST_CASE("JsonWriter indents nested and empty containers as nlohmann's dump", "[report][json]") {
  Json expected = Json::object();
  expected["empty_object"] = Json::object();
  expected["empty_array"] = Json::array();
  expected["nested"] = Json::array({Json::array(), Json::array({1, Json::object()}),
                                    Json{{"a", nullptr}, {"b", true}, {"c", false}}});
  expected["deep"] = Json::array({Json::array({Json::array({Json::array({"x"})})})});
  auto text = written([](JsonWriter& w) {
    w.begin_object();
    w.key("empty_object").begin_object();
    w.end_object();
    w.key("empty_array").begin_array();
    w.end_array();
    w.key("nested").begin_array();
    w.begin_array();
    w.end_array();
    w.begin_array();
    w.unsigned_integer(1);
    w.begin_object();
    w.end_object();
    w.end_array();
    w.begin_object();
    w.key("a").null();
    w.key("b").boolean(true);
    w.key("c").boolean(false);
    w.end_object();
    w.end_array();
    w.key("deep").begin_array();
    w.begin_array();
    w.begin_array();
    w.begin_array();
    w.string("x");
    w.end_array();
    w.end_array();
    w.end_array();
    w.end_array();
    w.end_object();
  });
  CHECK(text == dumped(expected));
  CHECK(written([](JsonWriter& w) {
          w.begin_array();
          w.end_array();
        }) == "[]");
}

TEST_CASE("JsonWriter indents deeper than its spaces at hand", "[report][json]") {
  Json expected = "leaf";
  for (int depth = 0; depth < 70; ++depth) expected = Json::array({expected});
  auto text = written([](JsonWriter& w) {
    for (int depth = 0; depth < 70; ++depth) w.begin_array();
    w.string("leaf");
    for (int depth = 0; depth < 70; ++depth) w.end_array();
  });
  CHECK(text == dumped(expected));
}

TEST_CASE("JsonWriter indents keys deeper than its spaces at hand", "[report][json]") {
  Json expected = Json::object({{"leaf", 1}, {"b", 2}});
  for (int depth = 0; depth < 40; ++depth) expected = Json::object({{"k", expected}, {"z", depth}});
  auto text = written([](JsonWriter& w) {
    for (int depth = 0; depth < 40; ++depth) {
      w.begin_object();
      w.key("k");
    }
    w.begin_object();
    w.key("leaf").integer(1);
    w.key("b").integer(2);
    w.end_object();
    for (int depth = 0; depth < 40; ++depth) {  // the innermost first
      w.key("z").integer(depth);
      w.end_object();
    }
  });
  CHECK(text == dumped(expected));
}

TEST_CASE("JsonWriter hands text longer than its buffer to the stream whole", "[report][json]") {
  Json expected = Json::array();
  std::string long_text(100000, 'x');
  for (int i = 0; i < 50; ++i) expected.push_back(long_text + std::to_string(i) + "\"\n");
  auto text = written([&](JsonWriter& w) {
    w.begin_array();
    for (int i = 0; i < 50; ++i) w.string(long_text + std::to_string(i) + "\"\n");
    w.end_array();
  });
  CHECK(text == dumped(expected));
}

TEST_CASE("JsonWriter writes a shared name as the same text, however often it repeats",
          "[report][json]") {
  using kpi::model::SharedName;
  std::vector<std::string> texts = {
      "/data/高岡市/book.xlsx", "KPI進捗", "a\x01\"b\\", "\xff\xfe", "", std::string(5000, '\x02')};
  auto as_views = written([&](JsonWriter& w) {
    w.begin_array();
    for (int round = 0; round < 3; ++round)
      for (const auto& t : texts) w.string(std::string_view(t));
    w.end_array();
  });
  auto as_names = written([&](JsonWriter& w) {
    w.begin_array();
    for (int round = 0; round < 3; ++round)
      for (const auto& t : texts) w.string(SharedName(t));
    w.end_array();
  });
  CHECK(as_names == as_views);
  CHECK(as_names.find(R"("KPI進捗")") != std::string::npos);
}
