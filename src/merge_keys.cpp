#include "kpi/merge_keys.hpp"

#include <algorithm>
#include <vector>

#include "kpi/text/name_form.hpp"
#include "kpi/text/normalize.hpp"
#include "kpi/text/strings.hpp"

namespace kpi {
namespace {

std::string without_spaces(std::string_view s) {
  std::string out;
  for (auto word : text::words(s)) out += word;
  return out;
}

}  // namespace

std::vector<std::string_view> code_points(std::string_view s) {
  std::vector<std::string_view> out;
  for (std::size_t i = 0; i < s.size();) {
    auto b = static_cast<unsigned char>(s[i]);
    std::size_t n = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
    n = std::min(n, s.size() - i);
    out.push_back(s.substr(i, n));
    i += n;
  }
  return out;
}

std::string municipality_key(std::string_view municipality) {
  return text::ascii_lower(std::string(text::trim(municipality)));
}

std::string id_key(std::string_view id) {
  return text::ascii_lower(without_spaces(text::normalize(id)));
}

std::string name_key(std::string_view name) {
  return text::name_form(name);
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
  auto x = code_points(a), y = code_points(b);
  std::vector<std::size_t> row(y.size() + 1);
  for (std::size_t j = 0; j <= y.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= x.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= y.size(); ++j) {
      std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (x[i - 1] == y[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[y.size()];
}

bool is_near(std::string_view a, std::string_view b) {
  if (a == b) return false;
  auto d = edit_distance(a, b);
  auto shortest = std::min(code_points(a).size(), code_points(b).size());
  return d <= (shortest < 4 ? 1u : 2u);
}

}  // namespace kpi
