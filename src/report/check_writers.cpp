#include "kpi/report/check_writers.hpp"

#include "kpi/model/diagnostic_summary.hpp"

namespace kpi::report {

const std::vector<CheckWriter>& check_writers() {
  static const std::vector<CheckWriter> table = {
      {"text", "path:line: severity: message, then the source line (default)", write_check_text},
      {"json", "every verdict, finding and input problem with its location", write_check_json},
      {"github", "GitHub Actions ::error commands (+ step summary)", write_check_github},
      {"junit", "JUnit XML, one testcase per checked rate", write_check_junit},
      {"sarif", "SARIF 2.1.0 with stable rule ids", write_check_sarif},
  };
  return table;
}

void for_each_read_item(const CheckContext& context, const verify::CheckItems::Visit& visit,
                        const verify::CheckItems::Wanted& wanted) {
  if (context.verbose)
    context.items.for_each(visit, wanted);
  else
    context.items.for_each_summarised(visit, wanted, model::diagnostics_shown_per_rule);
}

const CheckWriter* find_check_writer(std::string_view name) {
  for (const auto& w : check_writers())
    if (w.name == name) return &w;
  return nullptr;
}

SourceLines::SourceLines(const PipelineResult& result) {
  for (const auto& sheet : result.sheets) by_path_.emplace(sheet.path, &sheet);
}

std::string_view SourceLines::at(const model::SourceLocation& loc) const {
  auto it = by_path_.find(loc.path);
  return it == by_path_.end() ? std::string_view{} : it->second->line_text(loc.line);
}

}  // namespace kpi::report
