#pragma once
// Private to the CLI: the subcommand table and the shared option handling.
#include <optional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "kpi/pipeline.hpp"
#include "kpi/report/writers.hpp"

namespace kpi::cli {

enum ExitCode { exit_clean = 0, exit_findings = 1, exit_usage = 2 };

// Options every command that reads sheets shares (the low-level flags).
struct InputFlags {
  std::vector<std::string> paths;
  std::string input_format;
  std::string sheet;
  std::string profile_path;
  int jobs = 0;
};

void add_input_flags(CLI::App& command, InputFlags& flags);
// Resolves flags into pipeline options; throws UsageError on a bad profile file.
PipelineOptions resolve_input(const InputFlags& flags);
// Prints the diagnostics as `path:line: severity: message` to stderr: repeated ones per file
// and rule summed up after the first few (model/diagnostic_summary.hpp), all when verbose.
void print_diagnostics(const PipelineResult& result, bool verbose);

// Reads `input` and writes it with `writer` to `output` (stdout when empty, streamed);
// report and convert are this with different flags.
int write_with(const report::ReportWriter& writer, const InputFlags& input,
               report::ReportOptions options, const std::string& output, bool verbose);
// -v, --verbose of report and convert: every diagnostic, none summed up.
void add_verbose_flag(CLI::App& command, bool& verbose);

struct UsageError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

struct Command {
  const char* name;
  const char* description;
  // Registers the subcommand's flags; returns the function that runs it after parsing.
  std::function<int()> (*setup)(CLI::App& command);
};

std::function<int()> setup_report(CLI::App& command);
std::function<int()> setup_check(CLI::App& command);
std::function<int()> setup_formats(CLI::App& command);
std::function<int()> setup_convert(CLI::App& command);

}  // namespace kpi::cli
