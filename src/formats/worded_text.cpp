#include "kpi/formats/worded_text.hpp"

#include <algorithm>

#include "kpi/text/normalize.hpp"
#include "kpi/text/stable_text.hpp"
#include "kpi/text/strings.hpp"

namespace kpi::formats {

// Most lines are stable (text::append_words_checking_stable): normalised, such a line is
// itself, so the line and its words view into the printed text, nothing copied. Any other line
// is normalised word by word, with the whitespace between the words normalised on its own:
// whitespace (ASCII, U+3000, NBSP) is a normalisation boundary on both sides, so the pieces
// joined are text::normalize of the whole line, and each word's normalised text is a slice of
// it. Its offsets in normalized_ become views once the buffer is complete.
void WordedText::read_line(std::string_view trimmed) {
  line_words_.clear();
  bool stable = text::append_words_checking_stable(trimmed, line_words_);
  first_words_.push_back(words_.size());
  if (stable) {
    lines_.back().normalized = trimmed;
    for (auto w : line_words_) words_.push_back({w, w});
    return;
  }
  Offsets line{normalized_.size(), 0, lines_.size() - 1};
  const char* previous_end = trimmed.data();
  for (auto w : line_words_) {
    text::append_normalize(normalized_, std::string_view(previous_end, w.data() - previous_end));
    auto begin = normalized_.size();
    text::append_normalize(normalized_, w);
    word_offsets_.push_back({begin, normalized_.size(), words_.size()});
    words_.push_back({w, {}});
    previous_end = w.data() + w.size();
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
  first_words_.clear();
  // About a word per eight bytes and a line per forty in a sheet's text: room for them once,
  // instead of growing the lists step by step (capped: a huge file of one word reserves little).
  constexpr std::size_t most_reserved = std::size_t{1} << 16;
  auto words = std::min(text.size() / 8, most_reserved);
  auto lines = std::min(text.size() / 40, most_reserved);
  words_.reserve(words);
  lines_.reserve(lines);
  first_words_.reserve(lines);
  int number = 0;
  for (std::size_t start = 0; start < text.size();) {
    auto end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    auto trimmed = text::trim(text.substr(start, end - start));
    lines_.push_back({++number, trimmed, {}, {}});
    read_line(trimmed);
    start = end + 1;
  }
  // The lists are complete: offsets and first words become views.
  std::string_view all = normalized_;
  auto slice = [&](const Offsets& o) { return all.substr(o.begin, o.end - o.begin); };
  for (const auto& o : word_offsets_) words_[o.index].normalized = slice(o);
  for (const auto& o : line_offsets_) lines_[o.index].normalized = slice(o);
  std::span<const Word> all_words = words_;
  for (std::size_t i = 0; i < lines_.size(); ++i) {
    auto first = first_words_[i];
    auto last = i + 1 < lines_.size() ? first_words_[i + 1] : words_.size();
    lines_[i].words = all_words.subspan(first, last - first);
  }
}

}  // namespace kpi::formats
