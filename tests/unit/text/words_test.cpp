// text::words splits on ASCII whitespace, the ideographic space (U+3000) and NBSP, whatever
// surrounds them (kana and punctuation share U+3000's lead byte E3, ± shares NBSP's C2).
#include <catch2/catch.hpp>

#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "kpi/text/stable_text.hpp"
#include "kpi/text/strings.hpp"

namespace {

// The words of `s`, found one piece at a time: what text::words must give.
std::vector<std::string> reference_words(const std::string& s) {
  std::vector<std::string> out;
  std::string word;
  for (std::size_t i = 0; i < s.size();) {
    std::size_t space = 0;
    if (std::string_view(" \t\n\r\v\f").find(s[i]) != std::string_view::npos)
      space = 1;
    else if (s.compare(i, 3, "\xE3\x80\x80") == 0)
      space = 3;
    else if (s.compare(i, 2, "\xC2\xA0") == 0)
      space = 2;
    if (!space) {
      word += s[i++];
      continue;
    }
    if (!word.empty()) out.push_back(word), word.clear();
    i += space;
  }
  if (!word.empty()) out.push_back(word);
  return out;
}

// `s` without the spaces around it, removed one at a time: what text::trim must give.
std::string reference_trim(std::string s) {
  auto space_at_front = [&]() -> std::size_t {
    if (!s.empty() && std::string_view(" \t\n\r\v\f").find(s[0]) != std::string_view::npos)
      return 1;
    if (s.compare(0, 3, "\xE3\x80\x80") == 0) return 3;
    return s.compare(0, 2, "\xC2\xA0") == 0 ? 2 : 0;
  };
  auto space_at_back = [&]() -> std::size_t {
    auto ends = [&](std::string_view e) {
      return s.size() >= e.size() && s.compare(s.size() - e.size(), e.size(), e) == 0;
    };
    if (!s.empty() && std::string_view(" \t\n\r\v\f").find(s.back()) != std::string_view::npos)
      return 1;
    if (ends("\xE3\x80\x80")) return 3;
    return ends("\xC2\xA0") ? 2 : 0;
  };
  while (auto n = space_at_front()) s.erase(0, n);
  while (auto n = space_at_back()) s.erase(s.size() - n);
  return s;
}

}  // namespace

TEST_CASE("trim: removes every kind of space around the text, nothing else", "[text][words]") {
  const std::vector<std::string> pieces = {
      " ",    "\t", "\xE3\x80\x80", "\xC2\xA0", "\xE3\x81\x82", "\x80",
      "\xA0", "a",  "\xE3",         "\xC2",     "漢",           "\n"};
  std::mt19937 rng(4);
  std::uniform_int_distribution<std::size_t> pick(0, pieces.size() - 1), length(0, 6);
  for (int round = 0; round < 20000; ++round) {
    std::string s;
    for (auto n = length(rng); n > 0; --n) s += pieces[pick(rng)];
    INFO(s);
    REQUIRE(std::string(kpi::text::trim(s)) == reference_trim(s));
  }
}

TEST_CASE("words: split on every kind of space, next to kana and cut characters", "[text][words]") {
  const std::vector<std::string> pieces = {
      " ",  "\t",   "\xE3\x80\x80", "\xC2\xA0", "\xE3\x81\x82", "\xE3\x80\x81", "\xC2\xB1", "a",
      "58", "\xE3", "\xE3\x80",     "\xC2",     "漢",           "\n",           "%",        "."};
  std::mt19937 rng(3);
  std::uniform_int_distribution<std::size_t> pick(0, pieces.size() - 1), length(0, 12);
  for (int round = 0; round < 20000; ++round) {
    std::string s;
    for (auto n = length(rng); n > 0; --n) s += pieces[pick(rng)];
    auto words = kpi::text::words(s);
    std::vector<std::string> got(words.begin(), words.end());
    INFO(s);
    REQUIRE(got == reference_words(s));
  }
  CHECK(kpi::text::words("目標値　実績値 達成率\xC2\xA0R5") ==
        std::vector<std::string_view>{"目標値", "実績値", "達成率", "R5"});
}

TEST_CASE("words and stability in one pass: what append_words and is_stable_text say",
          "[text][words]") {
  // Spaces of every kind, stable and unstable characters (full-width Ａ, ±, ①, ～, a four-byte
  // character) and cut ones, in random mixes.
  const std::vector<std::string> pieces = {
      " ",  "\t",   "\xE3\x80\x80", "\xC2\xA0",     "\xE3\x81\x82", "\xE3\x80\x81", "\xC2\xB1", "a",
      "58", "\xE3", "\xE3\x80",     "\xC2",         "漢",           "\n",           "Ａ",       "①",
      "～", "𠀋",   "\xE0\x80\x80", "\xED\xA0\x80", "\v",           "\r",           "\x80",     "ｶ",
      "%"};
  std::mt19937 rng(8);
  std::uniform_int_distribution<std::size_t> pick(0, pieces.size() - 1), length(0, 40);
  std::vector<std::string_view> got, expected;
  for (int round = 0; round < 30000; ++round) {
    std::string s;
    for (auto n = length(rng); n > 0; --n) s += pieces[pick(rng)];
    got.assign(1, "before");  // appended to, like append_words
    expected = got;
    bool stable = kpi::text::append_words_checking_stable(s, got);
    kpi::text::append_words(s, expected);
    INFO(s);
    REQUIRE(got == expected);
    REQUIRE(stable == kpi::text::is_stable_text(s));
  }
}
