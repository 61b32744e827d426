#pragma once
// KPI names as printed. Layouts find a name in normalised text (NFKC: parsing is easy there)
// and keep what the sheet prints behind it (text::MappedText): full-width letters, digits and
// brackets stay; only surrounding whitespace goes, and where a layout knows a space is a PDF
// extraction artefact (text::pdf_gaps), that space. The matching form is text::name_form.
#include <string>
#include <vector>

#include "kpi/text/mapped.hpp"

namespace kpi::formats {

// Bytes [begin, end) of MappedText::normalized.
struct Span {
  std::size_t begin = 0, end = 0;
};

// The span of `part`, a view into text.normalized.
Span span_of(const text::MappedText& text, std::string_view part);

// The printed text behind normalized[span), surrounding whitespace trimmed.
std::string printed(const text::MappedText& text, Span span);
// The same as a view into text.original (no string made: a caller that joins pieces).
std::string_view printed_view(const text::MappedText& text, Span span);

// The printed text behind the words of `spans`, in order. Between two words of one span the
// printed space stays (a run of spaces as its first one), unless text::pdf_gaps calls it an
// artefact; words of different spans are one space apart (or joined, for a gap).
std::string printed_closing_gaps(const text::MappedText& text, const std::vector<Span>& spans);

// The printed text with normalized[cut) left out, trimmed: "名称【再掲（№１２）】" without its
// mark.
std::string printed_without(const text::MappedText& text, Span cut);

}  // namespace kpi::formats
