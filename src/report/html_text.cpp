// Small text helpers of the HTML report (html_parts.hpp).
#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "html_parts.hpp"
#include "kpi/text/strings.hpp"

namespace kpi::report::html {

std::string view_text(Lang lang, const ReportView& view) {
  if (!view.year) return std::string(pick(lang, "latest actual of each KPI", "各指標の最新の実績"));
  if (lang == Lang::en) return fiscal_year_label(lang, *view.year);
  return fmt::format("{}（{}）", fiscal_year_label(lang, *view.year), *view.year);
}

std::string percent_text(std::optional<double> percent) {
  if (!percent || !std::isfinite(*percent)) return "—";
  return fmt::format("{:.1f}%", *percent);
}

std::string number_text(double value, int decimals) {
  if (!std::isfinite(value)) return "—";
  auto digits = fmt::format("{:.{}f}", std::abs(value), std::clamp(decimals, 0, 6));
  auto point = std::min(digits.find('.'), digits.size());
  std::string out = value < 0 && digits.find_first_not_of("0.") != std::string::npos ? "-" : "";
  for (std::size_t i = 0; i < point; ++i) {
    if (i > 0 && (point - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out + digits.substr(point);
}

std::string kpi_anchor(std::size_t sheet, std::size_t kpi) {
  return fmt::format("k{}-{}", sheet, kpi);
}

std::string shorten(std::string_view text, int columns) {
  if (text::display_width(text) <= columns) return std::string(text);
  std::string out;
  int used = 0;
  for (std::size_t i = 0; i < text.size();) {
    auto len = static_cast<std::size_t>(
        std::max(1, text::utf8_length(static_cast<unsigned char>(text[i]))));
    auto piece = text.substr(i, len);
    int w = text::display_width(piece);
    if (used + w > columns - 1) break;
    out += piece;
    used += w;
    i += len;
  }
  return out + "…";
}

std::string goal_text(Lang lang, const std::string& goal) {
  return goal.empty() ? std::string(term(lang, Term::no_goal)) : goal;
}

}  // namespace kpi::report::html
