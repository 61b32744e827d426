// Terminal table for staff: the summary first, then each sheet's observation rows, fitted to
// the terminal's width (text_table.hpp) in the chosen language.
#include <fmt/format.h>

#include "kpi/report/summary_rows.hpp"
#include "table_parts.hpp"

namespace kpi::report {
namespace {

TextStyle style_of(const ReportOptions& options) {
  TextStyle style;
  style.width = options.width;
  style.ambiguous_width = options.ambiguous_width;
  style.color = options.color;
  auto lang = options.lang;
  style.note = [lang](const std::string& title, const std::string& text) {
    if (lang == Lang::ja) return fmt::format("{}（{}）：{}", term(lang, Term::note), title, text);
    return fmt::format("{} ({}): {}", term(lang, Term::note), title, text);
  };
  return style;
}

void write_lines(std::ostream& out, const std::vector<std::string>& lines) {
  for (const auto& line : lines) out << line << '\n';
}

void write_rendered(std::ostream& out, const RenderedTable& table, const TextStyle& style,
                    Lang lang) {
  write_lines(out, table.lines);
  if (table.dropped.empty()) return;
  std::string names;
  for (const auto& title : table.dropped)
    names += (names.empty() ? "" : (lang == Lang::ja ? "、" : ", ")) + title;
  auto line = lang == Lang::ja ? fmt::format("（{}：{}。--width 0 ですべて表示）",
                                             term(lang, Term::columns_left_out), names)
                               : fmt::format("({}: {}; --width 0 shows every column)",
                                             term(lang, Term::columns_left_out), names);
  write_lines(out, wrap_for(line, style));
}

}  // namespace

void write_table(std::ostream& out, const ReportContext& context) {
  const auto& options = context.options;
  auto lang = options.lang;
  auto style = style_of(options);
  write_lines(out, wrap_for(summary_title(lang, options.view), style));
  write_rendered(out, render_text_table(summary_text_table(context.summary, lang), style), style,
                 lang);
  for (const auto& sheet : context.result.sheets) {
    out << '\n';
    write_lines(out, wrap_for(sheet_title(lang, sheet), style));
    if (sheet.parsed.indicators.empty()) continue;
    write_rendered(out, render_text_table(observation_text_table(sheet, options), style), style,
                   lang);
  }
}

}  // namespace kpi::report
