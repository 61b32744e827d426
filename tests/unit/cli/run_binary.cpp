#include "cli/run_binary.hpp"

#include <sys/wait.h>

#include <atomic>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace kpi::testing {
namespace {

std::string slurp(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace

Run run_kpi_report(const std::string& args) {
  return run_kpi_report_via("", args);
}

Run run_kpi_report_via(const std::string& prefix, const std::string& args) {
  static std::atomic<int> counter = 0;
  auto dir = std::filesystem::temp_directory_path() /
             ("kpi-cli-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
  std::filesystem::create_directories(dir);
  auto out = dir / "out", err = dir / "err";
  std::string command = prefix + (prefix.empty() ? "" : " ") + quoted(KPI_BINARY) + " " + args +
                        " >" + quoted(out.string()) + " 2>" + quoted(err.string());
  int status = std::system(command.c_str());
  Run run{slurp(out), slurp(err), WIFEXITED(status) ? WEXITSTATUS(status) : -1};
  std::filesystem::remove_all(dir);
  return run;
}

std::string quoted_data(const std::string& relative) {
  return quoted(std::string(KPI_DATA_DIR) + "/" + relative);
}

std::string quoted(const std::string& path) {
  std::string out = "'";
  for (char c : path) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

}  // namespace kpi::testing
