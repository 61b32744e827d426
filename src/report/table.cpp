// Terminal table for staff: the summary first, then each sheet's observation rows, fitted to
// the terminal's width (text_table.hpp) in the chosen language.
#include <ostream>

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

// The line saying which columns were left out to fit the width, if any.
void write_dropped(std::ostream& out, const std::vector<std::string>& dropped,
                   const TextStyle& style, Lang lang) {
  if (dropped.empty()) return;
  std::string names;
  for (const auto& title : dropped)
    names += (names.empty() ? "" : (lang == Lang::ja ? "、" : ", ")) + title;
  auto line = lang == Lang::ja ? fmt::format("（{}：{}。--width 0 ですべて表示）",
                                             term(lang, Term::columns_left_out), names)
                               : fmt::format("({}: {}; --width 0 shows every column)",
                                             term(lang, Term::columns_left_out), names);
  write_lines(out, wrap_for(line, style));
}

// The table's lines as they are made (a national sheet's rows are never all held).
void write_table_of(std::ostream& out, const TextTable& table, const TextStyle& style, Lang lang) {
  write_dropped(out, write_text_table(out, table, style), style, lang);
}

}  // namespace

void write_table(std::ostream& out, const ReportContext& context) {
  const auto& options = context.options;
  auto lang = options.lang;
  auto style = style_of(options);
  write_lines(out, wrap_for(summary_title(lang, options.view), style));
  write_table_of(out, summary_text_table(context.summary, lang), style, lang);
  for (const auto& sheet : context.result.sheets) {
    out << '\n';
    write_lines(out, wrap_for(sheet_title(lang, sheet), style));
    if (sheet.parsed.indicators.empty()) continue;
    write_table_of(out, observation_text_table(sheet, options), style, lang);
  }
}

}  // namespace kpi::report
