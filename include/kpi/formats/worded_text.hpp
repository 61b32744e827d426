#pragma once
// A text read once for its value tokens (formats/value_tokens.hpp): every line trimmed and
// normalised (text::normalize), each word viewing into the printed and the normalised text.
// A line normalisation leaves as it is (most of a sheet) views into the printed text; the
// others are normalised word by word into one buffer. Nothing is allocated per line or word.
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "kpi/formats/value_tokens.hpp"

namespace kpi::formats {

struct WordedLine {
  int number = 0;               // 1-based
  std::string_view original;    // trimmed (text::trim), as printed
  std::string_view normalized;  // text::normalize(original)
  std::span<const Word> words;  // text::words(original), with their normalised text
};

class WordedText {
 public:
  WordedText() = default;
  explicit WordedText(std::string_view text) { assign(text); }
  // Views into the buffers: neither copied nor moved.
  WordedText(const WordedText&) = delete;
  WordedText& operator=(const WordedText&) = delete;

  // Reads the lines of `text` (text::lines), which must outlive the views; the buffers of
  // the previous text are reused.
  void assign(std::string_view text);
  const std::vector<WordedLine>& lines() const { return lines_; }

 private:
  struct Offsets {  // of an unstable line's or word's text in normalized_, and its index
    std::size_t begin = 0, end = 0, index = 0;
  };
  void read_line(std::string_view trimmed);

  std::string normalized_;  // the unstable lines normalised
  std::vector<Word> words_;
  std::vector<WordedLine> lines_;
  std::vector<Offsets> word_offsets_, line_offsets_;  // of the unstable lines and their words
  std::vector<std::size_t> first_words_;              // per line: index of its first word
  std::vector<std::string_view> line_words_;          // the words of the line being read
};

}  // namespace kpi::formats
