#include "kpi/text/body_name.hpp"

#include <algorithm>
#include <array>

#include "kpi/text/name_form.hpp"
#include "kpi/text/normalize.hpp"
#include "kpi/text/strings.hpp"

namespace kpi::text {
namespace {

constexpr char32_t prefecture_mark = U'県';

bool is_suffix(char32_t c) {
  return c == U'市' || c == U'町' || c == U'村' || c == U'区' || c == U'県' || c == U'都' ||
         c == U'府' || c == U'道';
}

// The prefectures whose names do not end in 県 (one that does stops a name's walk back by
// itself): printed before a city's name ("東京都八王子市"), they are not part of it.
constexpr std::array<std::u32string_view, 4> prefectures_not_in_ken = {U"北海道", U"東京都",
                                                                       U"京都府", U"大阪府"};

bool is_kanji(char32_t c) {
  return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || c == U'々' || c == U'ヶ' ||
         c == U'ケ';
}

bool is_kanji_numeral(char32_t c) {
  return std::u32string_view(U"〇一二三四五六七八九十").find(c) != std::u32string_view::npos;
}

bool is_digit(char32_t c) {
  return c < 0x80 && is_ascii_digit(static_cast<char>(c));
}

bool is_space(char32_t c) {
  return c == U' ' || c == U'\t' || c == U'\r' || c == 0x3000 || c == 0xA0;
}

// Brackets and punctuation a name may stand between ("「第2期上越市まち…」", "(高岡市)").
bool is_mark(char32_t c) {
  for (char32_t m : U"「」『』()（）【】[]〔〕<>\"'・、。,，:：")
    if (c == m) return true;
  return false;
}

// "金 沢 市" (a PDF spacing a title out) as "金沢市": a run of one-kanji words is one word.
std::u32string join_spaced_kanji(const std::u32string& line) {
  std::u32string out;
  for (std::size_t i = 0; i < line.size(); ++i) {
    bool spaced_kanji = is_space(line[i]) && i > 0 && i + 1 < line.size() &&
                        is_kanji(line[i - 1]) && is_kanji(line[i + 1]) &&
                        (i < 2 || is_space(line[i - 2])) &&
                        (i + 2 >= line.size() || is_space(line[i + 2]));
    if (!spaced_kanji) out.push_back(line[i]);
  }
  return out;
}

bool starts_with_at(const std::u32string& line, std::size_t at, std::u32string_view word) {
  return line.compare(at, word.size(), word) == 0;
}

// What may follow a name in a title: the end, a space or bracket, or a word titles use.
bool ends_name(const std::u32string& line, std::size_t after) {
  if (after >= line.size() || is_space(line[after]) || is_mark(line[after])) return true;
  static constexpr std::array<std::u32string_view, 20> words = {
      U"総合", U"まち", U"創生",   U"版",     U"戦略",   U"地方",  U"人口",
      U"重要", U"第",   U"KPI",    U"長期",   U"基本",   U"計画",  U"進捗",
      U"令和", U"平成", U"の総合", U"の地方", U"の創生", U"の重要"};
  for (auto word : words)
    if (starts_with_at(line, after, word)) return true;
  return false;
}

// Term counts that run into a name: "第2期" leaves "期" before it, "令和5年度" "年度".
std::size_t skip_count_words(const std::u32string& line, std::size_t begin, std::size_t end) {
  static constexpr std::array<std::u32string_view, 7> counters = {U"年度", U"年", U"月", U"日",
                                                                  U"期",   U"次", U"回"};
  bool moved = true;
  while (moved && begin < end) {
    moved = false;
    for (auto word : counters)
      if (begin + word.size() < end && starts_with_at(line, begin, word)) {
        begin += word.size();
        moved = true;
      }
  }
  return begin;
}

// 第二期, 第三次: a count in kanji numerals before the name.
std::size_t skip_kanji_count(const std::u32string& line, std::size_t begin, std::size_t end) {
  if (begin >= end || line[begin] != U'第') return begin;
  std::size_t i = begin + 1;
  while (i < end && is_kanji_numeral(line[i])) ++i;
  if (i > begin + 1 && i < end && (line[i] == U'期' || line[i] == U'次' || line[i] == U'回'))
    return i + 1;
  return begin;
}

// A term count printed right before `begin` (2期, 令和5年度, 第二期), read backwards from it.
bool after_term_count(const std::u32string& line, std::size_t begin) {
  for (std::u32string_view count : {U"年度", U"年", U"期", U"次", U"回"}) {
    if (begin < count.size() + 1 || !starts_with_at(line, begin - count.size(), count)) continue;
    char32_t number = line[begin - count.size() - 1];
    if (is_digit(number) || is_kanji_numeral(number)) return true;
  }
  return false;
}

// Whether a body's name may start at `begin`: at the line's start, or after a space, a
// bracket, a number or 県. `with_prefixes` also after a prefecture or county that does not
// end in 県 (東京都, 北海道, 大阪府, 虻田郡) and after a term count (第2期, 令和5年度): a kana
// name is found whole from its list, so what stands before it is read backwards here, where a
// kanji name's walk back takes those in and steps past them forwards (name_ending_at).
bool name_may_start(const std::u32string& line, std::size_t begin, bool with_prefixes) {
  if (begin == 0) return true;
  char32_t before = line[begin - 1];
  if (is_space(before) || is_mark(before) || is_digit(before) || before == prefecture_mark)
    return true;
  if (!with_prefixes) return false;
  if (before == U'都' || before == U'道' || before == U'府' || before == U'郡') return true;
  return after_term_count(line, begin);
}

// The most kanji a name and the term count run into it take before its suffix (第二期 or
// 令和五年度 and a six-character name): a longer run is a sentence, and the walk back stays
// short on a line of nothing but kanji.
constexpr std::size_t longest_run = 12;

// Where the name in line[begin, at) starts past a prefecture or a county printed before it:
// 東京都八王子市 → 八王子市, 河北郡津幡町 → 津幡町. Counties hold towns and villages only, so
// 大和郡山市 and 郡山市 keep their 郡.
std::size_t past_prefecture_and_county(const std::u32string& line, std::size_t begin,
                                       std::size_t at) {
  for (auto prefecture : prefectures_not_in_ken)
    if (at - begin > prefecture.size() && starts_with_at(line, begin, prefecture)) {
      begin += prefecture.size();
      break;
    }
  if (line[at] == U'町' || line[at] == U'村')
    for (std::size_t i = at; i > begin; --i)
      if (line[i - 1] == U'郡') return i;
  return begin;
}

// The name ending at the suffix at `at`, or "" when the kanji there are no name.
std::u32string name_ending_at(const std::u32string& line, std::size_t at) {
  std::size_t begin = at;
  while (begin > 0 && is_kanji(line[begin - 1]) && line[begin - 1] != prefecture_mark) {
    if (at - begin == longest_run) return {};
    --begin;
  }
  if (!name_may_start(line, begin, false)) return {};
  bool after_number = begin > 0 && is_digit(line[begin - 1]);
  if (after_number) begin = skip_count_words(line, begin, at);
  begin = skip_kanji_count(line, begin, at);
  begin = past_prefecture_and_county(line, begin, at);
  std::size_t stem = at - begin;
  if (line[at] == U'道' && line.compare(begin, stem + 1, prefectures_not_in_ken[0]) != 0)
    return {};  // 道 ends one body's name: 北海道
  if (stem < 2 || stem > 6) return {};
  char32_t last = line[at - 1], suffix = line[at];
  bool list_of_kinds = (suffix == U'町' || suffix == U'村') &&
                       (last == U'市' || last == U'町' || last == U'村');  // 市町村
  if (list_of_kinds || !ends_name(line, at + 1)) return {};
  return line.substr(begin, stem + 1);
}

// The bodies whose names hold kana (さいたま市, 南アルプス市, 伊豆の国市, ニセコ町): a run of
// kana before 市 is as often a sentence's ("このまち市民"), so only these are taken, each
// where a kanji name would be (kana_name_ending_at). Every such city, town and village of
// Japan (2024); a new one is one line.
constexpr std::array<std::u32string_view, 53> kana_names = {
    U"むつ市",     U"つがる市",       U"にかほ市",       U"いわき市",   U"ひたちなか市",
    U"つくば市",   U"つくばみらい市", U"かすみがうら市", U"さくら市",   U"みどり市",
    U"さいたま市", U"ふじみ野市",     U"いすみ市",       U"あきる野市", U"南アルプス市",
    U"かほく市",   U"あわら市",       U"伊豆の国市",     U"あま市",     U"みよし市",
    U"いなべ市",   U"たつの市",       U"南あわじ市",     U"紀の川市",   U"さぬき市",
    U"東かがわ市", U"うきは市",       U"みやま市",       U"えびの市",   U"いちき串木野市",
    U"南さつま市", U"うるま市",       U"ニセコ町",       U"むかわ町",   U"えりも町",
    U"せたな町",   U"新ひだか町",     U"おいらせ町",     U"みなかみ町", U"ときがわ町",
    U"日の出町",   U"おおい町",       U"かつらぎ町",     U"みなべ町",   U"すさみ町",
    U"つるぎ町",   U"東みよし町",     U"まんのう町",     U"いの町",     U"みやこ町",
    U"みやき町",   U"あさぎり町",     U"上ノ国町",
};

// The listed kana name ending at the suffix at `at` (the longest), or "".
std::u32string kana_name_ending_at(const std::u32string& line, std::size_t at) {
  std::u32string_view found;
  for (auto name : kana_names) {
    if (name.size() > at + 1 || name.size() <= found.size() || name.back() != line[at]) continue;
    std::size_t begin = at + 1 - name.size();
    if (starts_with_at(line, begin, name) && name_may_start(line, begin, true)) found = name;
  }
  if (found.empty() || !ends_name(line, at + 1)) return {};
  return std::u32string(found);
}

}  // namespace

std::string body_name_in(std::string_view title) {
  // Line by line: a name is near the top, and the lines below it are never normalised.
  for (auto line_text : lines(title)) {
    auto line = join_spaced_kanji(to_utf32(normalize(line_text)));
    for (std::size_t i = 0; i < line.size(); ++i) {
      if (!is_suffix(line[i])) continue;
      if (auto name = name_ending_at(line, i); !name.empty()) return to_utf8(name);
      if (auto name = kana_name_ending_at(line, i); !name.empty()) return to_utf8(name);
    }
  }
  return {};
}

std::string body_name_form(std::string_view printed) {
  auto name = name_form(printed);
  // A prefecture or county before the body (a 市町村 cell "富山県高岡市", "河北郡津幡町") is
  // left out, as in a title: one body, one name.
  auto chars = to_utf32(name);
  if (chars.size() < 3 || !is_suffix(chars.back()) || chars.back() == U'道') return name;
  std::size_t at = chars.size() - 1, begin = 0;
  for (std::size_t i = 1; i < std::min<std::size_t>(at, 4); ++i)
    if (chars[i] == prefecture_mark && at - (i + 1) >= 2) begin = i + 1;
  begin = past_prefecture_and_county(chars, begin, at);
  if (begin == 0 || at - begin < 2) return name;
  return to_utf8(std::u32string_view(chars).substr(begin));
}

}  // namespace kpi::text
