#include "kpi/formats/printed_name.hpp"

#include "kpi/text/pdf_spacing.hpp"
#include "kpi/text/strings.hpp"

namespace kpi::formats {
namespace {

struct Word {
  std::string_view text;  // in text.normalized
  bool starts_span = false;
};

std::vector<Word> words_of(const text::MappedText& text, const std::vector<Span>& spans) {
  std::vector<Word> out;
  std::string_view all = text.normalized;
  for (const auto& s : spans) {
    bool first = true;
    for (auto w : text::words(all.substr(s.begin, s.end - s.begin))) {
      out.push_back({w, first});
      first = false;
    }
  }
  return out;
}

// The printed space between two words of one span: its first character ("　" stays "　").
std::string printed_space(const text::MappedText& text, Span between) {
  auto printed = text.original_slice(between.begin, between.end);
  if (printed.empty()) return " ";
  auto first = printed.substr(
      0, static_cast<std::size_t>(text::utf8_length(static_cast<unsigned char>(printed[0]))));
  return first == "\t" || !text::trim(first).empty() ? " " : std::string(first);
}

}  // namespace

Span span_of(const text::MappedText& text, std::string_view part) {
  auto begin = static_cast<std::size_t>(part.data() - text.normalized.data());
  return {begin, begin + part.size()};
}

std::string_view printed_view(const text::MappedText& text, Span span) {
  std::string_view all = text.normalized;
  auto part = text::trim(all.substr(span.begin, span.end - span.begin));
  auto s = span_of(text, part);
  return text::trim(text.original_slice(s.begin, s.end));
}

std::string printed(const text::MappedText& text, Span span) {
  return std::string(printed_view(text, span));
}

std::string printed_closing_gaps(const text::MappedText& text, const std::vector<Span>& spans) {
  auto words = words_of(text, spans);
  std::vector<std::string_view> views;
  for (const auto& w : words) views.push_back(w.text);
  auto gaps = text::pdf_gaps(views);
  std::string out;
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (i > 0 && !gaps[i - 1]) {
      auto end = span_of(text, words[i - 1].text).end;
      out += words[i].starts_span ? " "
                                  : printed_space(text, {end, span_of(text, words[i].text).begin});
    }
    out += printed(text, span_of(text, words[i].text));
  }
  return out;
}

std::string printed_without(const text::MappedText& text, Span cut) {
  std::string out(text.original_slice(0, cut.begin));
  out += text.original_slice(cut.end, text.normalized.size());
  return std::string(text::trim(out));
}

}  // namespace kpi::formats
