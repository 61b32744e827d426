#include "kpi/text/name_form.hpp"

#include "kpi/text/normalize.hpp"
#include "kpi/text/strings.hpp"

namespace kpi::text {
namespace {

bool is_ascii_alnum(char c) {
  return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

}  // namespace

std::string name_form(std::string_view printed) {
  std::string out;
  const std::string normalized = normalize(printed);  // words() views into it
  for (auto word : words(normalized)) {
    if (!out.empty() && is_ascii_alnum(out.back()) && is_ascii_alnum(word.front())) out += ' ';
    out += word;
  }
  return out;
}

}  // namespace kpi::text
