#pragma once
// Runs the built kpi-report binary through the shell and captures what it printed.
#include <string>

namespace kpi::testing {

struct Run {
  std::string out;  // stdout
  std::string err;  // stderr
  int exit_code = -1;
};

// `args` is appended to the binary's path as shell text (quote paths yourself).
Run run_kpi_report(const std::string& args);
// As run_kpi_report, with `prefix` before the binary (e.g. a command that drops privileges).
Run run_kpi_report_via(const std::string& prefix, const std::string& args);
// `path` quoted for the shell.
std::string quoted(const std::string& path);
// Absolute path of a bundled sheet, quoted for the shell.
std::string quoted_data(const std::string& relative);

}  // namespace kpi::testing
