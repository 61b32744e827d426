#pragma once
// read -> decode -> detect -> parse -> compute -> verify, for every input path.
#include <optional>
#include <string>
#include <vector>

#include "kpi/calc/profile.hpp"
#include "kpi/model/diagnostic_list.hpp"
#include "kpi/model/sheet.hpp"
#include "kpi/verify/rate_check.hpp"

namespace kpi {

struct PipelineOptions {
  std::optional<std::string> input_format;  // --input-format: skip detection
  std::optional<calc::Profile> profile;     // --profile: overrides the built-in ones
  int jobs = 0;                             // 0 = hardware concurrency
  std::optional<std::string> sheet;         // --sheet: the workbook sheet to read
  verify::RateCheckOptions rate_check;      // check --tolerance
  bool quote_lines = true;  // keep the source lines the model refers to (check quotes them)
};

// The threads one step of the pipeline may use: --jobs, or 0 for every core.
inline unsigned threads_for(const PipelineOptions& options) {
  return options.jobs > 0 ? static_cast<unsigned>(options.jobs) : 0u;
}

struct PipelineResult {
  std::vector<model::Sheet> sheets;      // input order, one per readable file
  model::DiagnosticList diagnostics;     // input problems, all of them
  std::vector<model::Finding> findings;  // cross-row problems
  bool input_error = false;              // exit 2: some input was unusable
};

// Sheet from text already in memory (tests, fuzzing).
model::Sheet process_text(std::string_view text, std::string_view path, std::string encoding,
                          const PipelineOptions& options);

PipelineResult run_pipeline(const std::vector<std::string>& paths, const PipelineOptions& options);

// All files named by `paths`: files as given, directories walked recursively (sorted,
// hidden entries and symlink loops skipped). Problems go to `diagnostics`.
std::vector<std::string> expand_paths(const std::vector<std::string>& paths,
                                      std::vector<model::Diagnostic>& diagnostics,
                                      std::vector<bool>* from_directory = nullptr);

}  // namespace kpi
