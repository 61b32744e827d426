#include "kpi/formats/value_tokens.hpp"

#include <algorithm>

#include "kpi/formats/printed_value.hpp"
#include "kpi/text/normalize.hpp"
#include "kpi/text/number.hpp"
#include "kpi/text/strings.hpp"

namespace kpi::formats {
namespace {

bool is_minus_mark(std::string_view normalized) {
  return normalized == "▲" || normalized == "△";
}

// A table cell of the PDF holds a bare value: nothing after the number, or only "%", 以上, 以下.
bool is_value_suffix(const PrintedValue& v, std::string_view word) {
  std::string_view rest = word.substr(v.number.end);
  return rest.empty() || rest == "%" || rest == "以上" || rest == "以下";
}

}  // namespace

std::optional<ValueToken> value_token(std::string_view original_word) {
  ValueToken t;
  t.original = std::string(original_word);
  t.normalized = text::normalize(original_word);
  if (text::is_no_value(t.normalized)) return t;
  std::string_view s = t.normalized;
  auto digit = std::find_if(s.begin(), s.end(), text::is_ascii_digit) - s.begin();
  auto v = read_value(s, static_cast<std::size_t>(digit), 0, s.size());
  if (!v || v->begin() != 0 || !is_value_suffix(*v, s)) return std::nullopt;
  t.number = v->number.number;
  t.qualifier = v->suffix.qualifier;
  return t;
}

ValueRun trailing_value_run(std::string_view line) {
  auto words = text::words(line);
  ValueRun run;
  run.begin = line.size();
  std::size_t i = words.size();
  while (i > 0) {
    auto token = value_token(words[i - 1]);
    if (!token) break;
    std::size_t start = static_cast<std::size_t>(words[i - 1].data() - line.data());
    token->begin = start;
    --i;
    // "▲ 441": a minus mark written apart from its number, read with it.
    if (token->number && i > 0 && is_minus_mark(text::normalize(words[i - 1]))) {
      std::size_t mark = static_cast<std::size_t>(words[i - 1].data() - line.data());
      if (auto signed_token = value_token(line.substr(mark, start + words[i].size() - mark))) {
        token = std::move(signed_token);
        token->begin = mark;
        --i;
      }
    }
    run.begin = token->begin;
    run.tokens.push_back(std::move(*token));  // right to left; inserting in front is quadratic
  }
  std::reverse(run.tokens.begin(), run.tokens.end());
  return run;
}

}  // namespace kpi::formats
