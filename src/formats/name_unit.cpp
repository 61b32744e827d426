#include "kpi/formats/name_unit.hpp"

#include <array>

#include "kpi/text/era.hpp"
#include "kpi/text/normalize.hpp"
#include "kpi/text/strings.hpp"

namespace kpi::formats {
namespace {

// A unit is short: "千t-CO2", "人/年度" at most.
constexpr std::size_t longest_unit_bytes = 24;

// Words a bracket after a name holds that are remarks about it, not its unit.
constexpr std::array<std::string_view, 14> remarks = {"累計", "再掲", "速報", "見込", "暫定",
                                                      "参考", "年度", "平均", "各年", "単年",
                                                      "新規", "目標", "実績", "以上"};

}  // namespace

std::string unit_in_name(std::string_view name) {
  auto t = text::normalize(text::trim(name));
  if (t.empty() || t.back() != ')') return {};
  auto open = t.rfind('(');
  if (open == std::string::npos || open == 0) return {};
  auto inside = text::trim(std::string_view(t).substr(open + 1, t.size() - open - 2));
  if (inside.empty() || inside.size() > longest_unit_bytes) return {};
  if (text::is_ascii_digit(inside.front()) || text::fiscal_year_in(inside)) return {};  // R5
  for (char c : inside)
    if (c == '(' || c == ')') return {};
  for (auto remark : remarks)
    if (text::contains(inside, remark)) return {};
  return text::replace_all(inside, " ", "");
}

}  // namespace kpi::formats
