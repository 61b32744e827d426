#include "kpi/cli/app.hpp"

#include <algorithm>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>

#include <fmt/format.h>

#include "commands.hpp"
#include "kpi/calc/profile.hpp"
#include "kpi/model/diagnostic_summary.hpp"
#include "kpi_git_revision.hpp"  // generated at every build: KPI_GIT_REVISION

namespace kpi::cli {
namespace {

const Command commands[] = {
    {"report", "read KPI sheets and print them (table, json, markdown, html)", setup_report},
    {"check", "recompute every published rate and cross-check rows; exit 1 on failures",
     setup_check},
    {"convert", "convert any input to the canonical CSV or JSON (both read back as input)",
     setup_convert},
    {"formats", "list the input layouts kpi-report reads", setup_formats},
};

bool is_command(std::string_view arg) {
  for (const auto& c : commands)
    if (arg == c.name) return true;
  return false;
}

// Levenshtein distance, for "did you mean" (names are short ASCII).
std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] != b[j - 1])});
      diagonal = up;
    }
  }
  return row[b.size()];
}

// The command `arg` was probably meant to be: close to a name (a typo), not an existing path.
const char* misspelt_command(const std::string& arg) {
  std::error_code ec;
  if (arg.empty() || arg[0] == '-' || is_command(arg) || std::filesystem::exists(arg, ec))
    return nullptr;
  for (const auto& c : commands) {
    auto limit = std::string_view(c.name).size() <= 4 ? 1u : 2u;
    if (edit_distance(arg, c.name) <= limit) return c.name;
  }
  return nullptr;
}

// `kpi-report sheet.txt` means `kpi-report report sheet.txt`.
std::vector<std::string> with_default_command(int argc, char** argv) {
  std::vector<std::string> args(argv, argv + argc);
  bool has_command = false;
  for (std::size_t i = 1; i < args.size(); ++i)
    if (is_command(args[i])) has_command = true;
  bool asks_global = args.size() > 1 && (args[1] == "--help" || args[1] == "-h" ||
                                         args[1] == "--version" || args[1] == "-V");
  if (!has_command && !asks_global && args.size() > 1) args.insert(args.begin() + 1, "report");
  return args;
}

// `kpi-report 0.1.0 (git 6b1daac-dirty)`: the git revision is taken at every build
// (src/cli/git_revision.cmake); "unknown" when the sources were no git checkout.
std::string version_text() {
  return fmt::format("kpi-report {} (git {})", KPI_VERSION, KPI_GIT_REVISION);
}

int run(int argc, char** argv) {
  CLI::App app{"kpi-report: checked, comparable numbers from municipal KPI progress tables"};
  app.set_version_flag("--version,-V", version_text());
  app.require_subcommand(1);
  std::function<int()> action;
  for (const auto& c : commands) {
    auto* sub = app.add_subcommand(c.name, c.description);
    auto run_it = c.setup(*sub);
    sub->final_callback([&action, run_it] { action = run_it; });
  }
  if (argc > 1)
    if (const char* meant = misspelt_command(argv[1]))
      throw UsageError(fmt::format("kpi-report: error: unknown command '{}' (did you mean {}?)",
                                   argv[1], meant));
  auto args = with_default_command(argc, argv);
  std::vector<char*> raw;
  for (auto& a : args) raw.push_back(a.data());
  try {
    app.parse(static_cast<int>(raw.size()), raw.data());
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return exit_usage;
  }
  return action ? action() : exit_usage;
}

}  // namespace

void add_input_flags(CLI::App& command, InputFlags& flags) {
  command.add_option("paths", flags.paths, "sheet files or directories of sheets")->required();
  command.add_option("--input-format", flags.input_format,
                     "read every input as this layout (see `kpi-report formats`)");
  command.add_option("--sheet", flags.sheet,
                     "read only this sheet of a workbook (default: every sheet with a KPI table)");
  command.add_option("--profile", flags.profile_path,
                     "JSON file with rate conventions, instead of the built-in profiles");
  command.add_option("-j,--jobs", flags.jobs, "files read in parallel (default: all cores)")
      ->check(CLI::NonNegativeNumber);
}

void add_verbose_flag(CLI::App& command, bool& verbose) {
  command.add_flag("-v,--verbose", verbose,
                   "print every diagnostic (default: a rule repeated in a file is summed up "
                   "after the first 3)");
}

PipelineOptions resolve_input(const InputFlags& flags) {
  PipelineOptions options;
  if (!flags.input_format.empty()) options.input_format = flags.input_format;
  if (!flags.sheet.empty()) options.sheet = flags.sheet;
  options.jobs = flags.jobs;
  if (!flags.profile_path.empty()) {
    std::ifstream in(flags.profile_path, std::ios::binary);
    if (!in) throw UsageError(flags.profile_path + ": error: cannot read profile");
    std::stringstream buffer;
    buffer << in.rdbuf();
    try {
      options.profile = calc::parse_profile(buffer.str());
    } catch (const std::runtime_error& e) {
      throw UsageError(flags.profile_path + ":1: error: " + e.what());
    }
  }
  return options;
}

void print_diagnostics(const PipelineResult& result, bool verbose) {
  // stderr is unbuffered: the lines go out in large writes, not one system call each (a
  // national run prints thousands).
  fmt::memory_buffer lines;
  auto write = [&] {
    std::fwrite(lines.data(), 1, lines.size(), stderr);
    lines.clear();
  };
  auto print = [&](const model::Diagnostic& d) {
    fmt::format_to(std::back_inserter(lines), "{}: {}: {}\n", model::location_text(d.location),
                   model::to_string(d.severity), d.message);
    if (lines.size() >= std::size_t{1} << 16) write();
  };
  if (verbose)
    for (const auto& d : result.diagnostics) print(d);
  else
    for (const auto& d : model::summarise_diagnostics(result.diagnostics)) print(d);
  write();
}

int main(int argc, char** argv) {
  std::signal(SIGPIPE, SIG_IGN);
  try {
    return run(argc, argv);
  } catch (const UsageError& e) {
    fmt::print(stderr, "{}\n", e.what());
    return exit_usage;
  } catch (const std::exception& e) {
    fmt::print(stderr, "kpi-report: error: {}\n", e.what());
    return exit_usage;
  }
}

}  // namespace kpi::cli
