#pragma once
// Text that normalize() leaves as it is, recognised without ICU: ASCII, kana, CJK ideographs
// and the common Japanese punctuation and brackets (most cells of a Japanese sheet). Lets a
// parser read such text as a view instead of normalising a copy of it.
#include <string>
#include <string_view>
#include <vector>

#include "kpi/text/mapped.hpp"

namespace kpi::text {

// True when every character of `utf8` is one that normalize() keeps and that composes with
// nothing: then normalize(utf8) == utf8. False says nothing (the text may still be NFKC).
bool is_stable_text(std::string_view utf8);

// text::append_words(s, out) and is_stable_text(s) in one pass over `s` (a line of a sheet is
// split into words and tested once).
bool append_words_checking_stable(std::string_view s, std::vector<std::string_view>& out);

// Where the sixteen bytes from s[i] (a character boundary) end, past the last character
// starting among them, when each of those characters is stable and no space (ASCII or a kana,
// kanji or CJK punctuation that is_stable_text keeps); 0 when one is not, or when fewer than
// eighteen bytes are left (or without SSE2). A line of prose is read sixteen bytes at a time.
std::size_t stable_word_block_end(std::string_view s, std::size_t i);

// True when squeeze_spaces(s) == s: no whitespace but single ASCII spaces between words.
bool is_squeezed(std::string_view s);

// Appends normalize(s[from..]) to `out` character by character, without ICU: stable
// characters as they are; full-width ！..｝, the ideographic space and NBSP as the ASCII NFKC
// makes of them. False (`out` then incomplete) at any other character: it needs ICU. What
// normalize() tries first.
bool append_simple_normalize(std::string_view s, std::size_t from, std::string& out);

// normalize(utf8): `utf8` itself when is_stable_text, else normalised into `buffer`.
std::string_view normalized_view(std::string_view utf8, std::string& buffer);

// normalize_mapped(original), into `out` (its buffers reused): a stable character maps to
// itself without a call to normalize().
void normalize_mapped_into(std::string_view original, MappedText& out);

}  // namespace kpi::text
