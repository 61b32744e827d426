#include "kpi/report/check_writers.hpp"

#include "kpi/model/diagnostic_summary.hpp"
#include "kpi/util/in_order.hpp"
#include "kpi/util/thread_count.hpp"

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

namespace {

// From this many runs on, the runs are rendered on several threads.
constexpr std::size_t parallel_runs_from = 4;

}  // namespace

void write_read_items(std::ostream& out, const CheckContext& context, const RenderItem& render,
                      const verify::CheckItems::Wanted& wanted) {
  const auto& items = context.items;
  auto into = [&render](std::string& text) {
    return [&render, &text](const verify::CheckItem& item) { render(text, item); };
  };
  if (!context.verbose) {
    std::string text;
    items.for_each_summarised_diagnostic(into(text), wanted, model::diagnostics_shown_per_rule);
    out << text;
  }
  std::vector<std::size_t> runs;  // verbose: every run; else the input problems were summed up
  for (std::size_t run = 0; run < items.run_count(); ++run)
    if (context.verbose || !items.holds_diagnostics(run)) runs.push_back(run);
  auto rendered = [&](std::size_t k) {
    std::string text;
    items.for_each_in_run(runs[k], into(text), wanted);
    return text;
  };
  unsigned workers =
      util::threads_for(runs.size(), parallel_runs_from, util::thread_count(context.jobs));
  if (workers <= 1) {
    for (std::size_t k = 0; k < runs.size(); ++k) out << rendered(k);
    return;
  }
  util::for_each_in_order(runs.size(), workers, 2 * std::size_t{workers}, rendered,
                          [&](std::size_t, const std::string& text) { out << text; });
}

const CheckWriter* find_check_writer(std::string_view name) {
  for (const auto& w : check_writers())
    if (w.name == name) return &w;
  return nullptr;
}

SourceLines::SourceLines(const PipelineResult& result) {
  for (const auto& sheet : result.sheets)
    by_path_.emplace(std::pair<std::string_view, std::string_view>(sheet.path, sheet.sheet_name),
                     &sheet);
}

std::string_view SourceLines::at(const model::SourceLocation& loc) const {
  auto it = by_path_.find({loc.path.view(), loc.sheet.view()});
  return it == by_path_.end() ? std::string_view{} : it->second->line_text(loc.line);
}

}  // namespace kpi::report
