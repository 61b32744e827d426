#include "kpi/formats/value_tokens.hpp"

#include <algorithm>

#include "kpi/text/normalize.hpp"
#include "kpi/text/number.hpp"
#include "kpi/text/strings.hpp"

namespace kpi::formats {
namespace {

bool is_minus_mark(std::string_view normalized) {
  return normalized == "▲" || normalized == "△";
}

bool is_value_suffix(std::string_view rest) {
  return rest.empty() || rest == "%" || rest == "以上" || rest == "以下";
}

}  // namespace

std::optional<ValueToken> value_token(std::string_view original_word) {
  ValueToken t;
  t.original = std::string(original_word);
  t.normalized = text::normalize(original_word);
  if (text::is_no_value(t.normalized)) return t;
  auto number = text::find_number(t.normalized);
  if (!number || number->begin != 0 ||
      !is_value_suffix(std::string_view(t.normalized).substr(number->end)))
    return std::nullopt;
  t.number = number->number;
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
    // "▲ 441": a minus mark written apart from its number.
    if (token->number && i > 0 && is_minus_mark(text::normalize(words[i - 1]))) {
      std::size_t mark = static_cast<std::size_t>(words[i - 1].data() - line.data());
      token->original = std::string(line.substr(mark, start + words[i].size() - mark));
      token->normalized = text::normalize(token->original);
      token->number->units = -token->number->units;
      token->begin = mark;
      --i;
    }
    run.begin = token->begin;
    run.tokens.push_back(std::move(*token));  // right to left; inserting in front is quadratic
  }
  std::reverse(run.tokens.begin(), run.tokens.end());
  return run;
}

}  // namespace kpi::formats
