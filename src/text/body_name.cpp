#include "kpi/text/body_name.hpp"

#include <array>

#include "kpi/text/name_form.hpp"
#include "kpi/text/normalize.hpp"
#include "kpi/text/strings.hpp"

namespace kpi::text {
namespace {

constexpr char32_t prefecture_mark = U'県';

bool is_suffix(char32_t c) {
  return c == U'市' || c == U'町' || c == U'村' || c == U'区' || c == U'県' || c == U'都' ||
         c == U'府';
}

bool is_kanji(char32_t c) {
  return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || c == U'々' || c == U'ヶ' ||
         c == U'ケ';
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
  while (i < end &&
         std::u32string_view(U"〇一二三四五六七八九十").find(line[i]) != std::u32string_view::npos)
    ++i;
  if (i > begin + 1 && i < end && (line[i] == U'期' || line[i] == U'次' || line[i] == U'回'))
    return i + 1;
  return begin;
}

// The most kanji a name and the term count run into it take before its suffix (第二期 or
// 令和五年度 and a six-character name): a longer run is a sentence, and the walk back stays
// short on a line of nothing but kanji.
constexpr std::size_t longest_run = 12;

// The name ending at the suffix at `at`, or "" when the kanji there are no name.
std::u32string name_ending_at(const std::u32string& line, std::size_t at) {
  std::size_t begin = at;
  while (begin > 0 && is_kanji(line[begin - 1]) && line[begin - 1] != prefecture_mark) {
    if (at - begin == longest_run) return {};
    --begin;
  }
  bool after_number =
      begin > 0 && line[begin - 1] < 0x80 && is_ascii_digit(static_cast<char>(line[begin - 1]));
  bool after_boundary = begin == 0 || after_number || is_space(line[begin - 1]) ||
                        is_mark(line[begin - 1]) || line[begin - 1] == prefecture_mark;
  if (!after_boundary) return {};
  if (after_number) begin = skip_count_words(line, begin, at);
  begin = skip_kanji_count(line, begin, at);
  std::size_t stem = at - begin;
  if (stem < 2 || stem > 6) return {};
  char32_t last = line[at - 1], suffix = line[at];
  bool list_of_kinds = (suffix == U'町' || suffix == U'村') &&
                       (last == U'市' || last == U'町' || last == U'村');  // 市町村
  if (list_of_kinds || !ends_name(line, at + 1)) return {};
  return line.substr(begin, stem + 1);
}

}  // namespace

std::string body_name_in(std::string_view title) {
  // Line by line: a name is near the top, and the lines below it are never normalised.
  for (auto line_text : lines(title)) {
    auto line = join_spaced_kanji(to_utf32(normalize(line_text)));
    for (std::size_t i = 0; i < line.size(); ++i)
      if (is_suffix(line[i]))
        if (auto name = name_ending_at(line, i); !name.empty()) return to_utf8(name);
  }
  return {};
}

std::string body_name_form(std::string_view printed) {
  return name_form(printed);
}

}  // namespace kpi::text
