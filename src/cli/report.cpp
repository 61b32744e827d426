// `kpi-report report`: read sheets, print them in one of the report formats.
#include "commands.hpp"
#include "kpi/report/writers.hpp"
#include "output.hpp"

namespace kpi::cli {
namespace {

struct ReportFlags {
  InputFlags input;
  std::string format = "table";
  std::string output;
  bool verbose = false;
};

std::vector<std::string> writer_names() {
  std::vector<std::string> names;
  for (const auto& w : report::report_writers()) names.emplace_back(w.name);
  return names;
}

}  // namespace

int write_report(const InputFlags& input, const std::string& format, const std::string& output,
                 bool verbose) {
  auto result = run_pipeline(input.paths, resolve_input(input));
  print_diagnostics(result, verbose);
  bool written = emit_streamed(
      [&](std::ostream& out) {
        if (!result.sheets.empty() || format == "json")
          report::find_report_writer(format)->write(out, result);
      },
      output);
  if (!written) return exit_usage;
  return result.input_error ? exit_usage : exit_clean;
}

std::function<int()> setup_report(CLI::App& command) {
  auto flags = std::make_shared<ReportFlags>();
  add_input_flags(command, flags->input);
  command.add_option("-f,--format", flags->format, "output format")
      ->check(CLI::IsMember(writer_names()))
      ->capture_default_str();
  command.add_option("-o,--output", flags->output,
                     "write to this file (atomically) instead of stdout");
  add_verbose_flag(command, flags->verbose);
  return
      [flags] { return write_report(flags->input, flags->format, flags->output, flags->verbose); };
}

}  // namespace kpi::cli
