#pragma once
// Private to text_table.cpp: which columns a text table shows and how wide they are.
#include <cstddef>
#include <string>
#include <vector>

#include "kpi/report/text_table.hpp"

namespace kpi::report {

// A title's pieces: it may break at a space (dropped) or before "（" / "(" (kept).
struct TitleWord {
  std::string text;
  bool after_space = false;
};
std::vector<TitleWord> title_words(const std::string& title);
// The title broken into lines of at most `width` columns (a word wider than that is cut).
std::vector<std::string> title_lines(const std::string& title, int width, int ambiguous_width);

struct Layout {
  std::vector<std::size_t> shown;    // column indexes, in order
  std::vector<int> widths;           // per shown column
  int separator = 2;                 // spaces between columns
  std::vector<std::size_t> dropped;  // columns left out to fit, in table order
};

Layout choose_layout(const TextTable& table, const TextStyle& style);

}  // namespace kpi::report
