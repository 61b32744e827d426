#include "kpi/formats/worded_text.hpp"

#include <algorithm>

#include "kpi/text/normalize.hpp"
#include "kpi/text/stable_text.hpp"
#include "kpi/text/strings.hpp"

namespace kpi::formats {

// The line normalised word by word, with the whitespace between the words normalised on
// its own: whitespace (ASCII, U+3000, NBSP) is a normalisation boundary on both sides, so the
// pieces joined are text::normalize of the whole line, and each word's normalised text is a
// slice of it.
void WordedText::read_line(std::string_view trimmed) {
  line_words_.clear();
  bool stable = text::append_words_checking_stable(trimmed, line_words_);
  Offsets line{normalized_.size(), 0, words_.size()};
  if (stable) {
    // Most lines: normalised, the line is itself, so each word keeps its offset in it.
    auto base = normalized_.size();
    normalized_.append(trimmed);
    for (auto w : line_words_) {
      auto begin = base + static_cast<std::size_t>(w.data() - trimmed.data());
      words_.push_back({w, {}});
      word_offsets_.push_back({begin, begin + w.size(), 0});
    }
  } else {
    const char* previous_end = trimmed.data();
    for (auto w : line_words_) {
      text::append_normalize(normalized_, std::string_view(previous_end, w.data() - previous_end));
      auto begin = normalized_.size();
      text::append_normalize(normalized_, w);
      words_.push_back({w, {}});
      word_offsets_.push_back({begin, normalized_.size(), 0});
      previous_end = w.data() + w.size();
    }
  }
  line.end = normalized_.size();
  line_offsets_.push_back(line);
}

void WordedText::assign(std::string_view text) {
  normalized_.clear();
  words_.clear();
  lines_.clear();
  word_offsets_.clear();
  line_offsets_.clear();
  normalized_.reserve(text.size() + text.size() / 8);
  // About a word per eight bytes and a line per forty in a sheet's text: room for them once,
  // instead of growing the lists step by step (capped: a huge file of one word reserves little).
  constexpr std::size_t most_reserved = std::size_t{1} << 16;
  auto words = std::min(text.size() / 8, most_reserved);
  auto lines = std::min(text.size() / 40, most_reserved);
  words_.reserve(words);
  word_offsets_.reserve(words);
  lines_.reserve(lines);
  line_offsets_.reserve(lines);
  int number = 0;
  for (std::size_t start = 0; start < text.size();) {
    auto end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    auto trimmed = text::trim(text.substr(start, end - start));
    lines_.push_back({++number, trimmed, {}, {}});
    read_line(trimmed);
    start = end + 1;
  }
  // The buffer is complete: the offsets become views.
  std::string_view all = normalized_;
  auto slice = [&](const Offsets& o) { return all.substr(o.begin, o.end - o.begin); };
  for (std::size_t k = 0; k < words_.size(); ++k) words_[k].normalized = slice(word_offsets_[k]);
  for (std::size_t i = 0; i < lines_.size(); ++i) {
    auto first = line_offsets_[i].first_word;
    auto last = i + 1 < lines_.size() ? line_offsets_[i + 1].first_word : words_.size();
    lines_[i].normalized = slice(line_offsets_[i]);
    lines_[i].words = std::span<const Word>(words_).subspan(first, last - first);
  }
}

}  // namespace kpi::formats
