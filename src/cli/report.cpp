// `kpi-report report`: read sheets, print them in one of the report formats.
#include <algorithm>
#include <cstdlib>
#include <optional>
#include <sstream>
#include <string_view>

#include <fmt/format.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "commands.hpp"
#include "kpi/report/writers.hpp"
#include "kpi/text/era.hpp"
#include "kpi/text/normalize.hpp"
#include "kpi/text/strings.hpp"
#include "kpi/util/alongside.hpp"
#include "kpi/util/keep_until_exit.hpp"
#include "output.hpp"

namespace kpi::cli {
namespace {

struct ReportFlags {
  InputFlags input;
  std::string format = "table";
  std::string output;
  std::string lang;  // "" = from the environment
  std::string year;
  int width = -1;  // -1 = $COLUMNS or the terminal's, else no limit
  int ambiguous_width = 1;
  std::string encoding;  // "" = UTF-8
  bool verbose = false;
};

std::vector<std::string> writer_names() {
  std::vector<std::string> names;
  for (const auto& w : report::report_writers()) names.emplace_back(w.name);
  return names;
}

// "2023", "FY2023", "R5", "令和5年度", "r5" → 2023; the whole argument must be the year
// ("x R5 y" is no year).
std::optional<int> whole_fiscal_year(std::string_view text) {
  auto t = text::trim(text);
  if (t.size() > 2 && (t[0] == 'F' || t[0] == 'f') && (t[1] == 'Y' || t[1] == 'y'))
    t.remove_prefix(2);
  if (t.size() == 4 && std::all_of(t.begin(), t.end(), text::is_ascii_digit)) {
    int n = std::stoi(std::string(t));
    if (n >= 1900 && n <= 2199) return n;
  }
  auto year = text::find_fiscal_year(t);
  if (!year || year->begin != 0) return std::nullopt;
  auto rest = t.substr(year->end);
  if (rest.empty() || rest == "年度" || rest == "年" || rest == "度") return year->fiscal_year;
  return std::nullopt;
}

int parse_year(const std::string& text) {
  if (auto year = whole_fiscal_year(text::normalize(text))) return *year;
  throw UsageError("--year: expected a fiscal year such as 2023, R5 or 令和5年度, got \"" + text +
                   "\"");
}

// --width, else $COLUMNS, else the width of the terminal standard output is (shells set
// COLUMNS without exporting it), else no limit.
int terminal_width(int flag, const std::string& output) {
  if (flag >= 0) return flag;
  if (const char* columns = std::getenv("COLUMNS")) {
    int n = std::atoi(columns);
    if (n > 0) return n;
  }
  winsize size{};
  if ((output.empty() || output == "-") && ::isatty(STDOUT_FILENO) &&
      ::ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 0)
    return size.ws_col;
  return 0;
}

// From this many diagnostics on, they are printed on a thread of their own while the report is
// written (about 1 ms of printing, several times what starting the thread costs).
constexpr std::size_t print_alongside_from = 1000;

bool wants_color(const std::string& output) {
  const char* no_color = std::getenv("NO_COLOR");
  if (no_color && *no_color) return false;
  return (output.empty() || output == "-") && ::isatty(STDOUT_FILENO);
}

report::ReportOptions options_of(const ReportFlags& flags) {
  report::ReportOptions options;
  options.lang = report::lang_from_name(flags.lang).value_or(report::lang_from_environment());
  if (!flags.year.empty()) options.view.year = parse_year(flags.year);
  options.width = terminal_width(flags.width, flags.output);
  options.ambiguous_width = flags.ambiguous_width;
  options.color = wants_color(flags.output);
  if (!flags.encoding.empty()) options.encoding = flags.encoding;
  return options;
}

}  // namespace

int write_with(const report::ReportWriter& writer, const InputFlags& input,
               report::ReportOptions options, const std::string& output, bool verbose) {
  bool to_stdout = output.empty() || output == "-";
  if (writer.traits.binary && to_stdout && ::isatty(STDOUT_FILENO))
    throw UsageError(fmt::format(
        "kpi-report: error: --format {} writes a binary file, not text for a terminal: write it "
        "with -o report.{} or redirect it (> report.{})",
        writer.name, writer.name, writer.name));
  auto options_in = resolve_input(input);
  options.jobs = input.jobs;       // the writer's threads too
  options_in.quote_lines = false;  // no report format quotes source lines (check does)
  auto result = run_pipeline(input.paths, options_in);
  bool written = false;
  auto print = [&] { print_diagnostics(result, verbose); };
  auto write = [&] {
    written = emit_streamed(
        [&](std::ostream& out) {
          if (!result.sheets.empty() || writer.traits.writes_without_sheets)
            report::render(writer, out, result, options);
        },
        output);
  };
  // A national run's diagnostics (read back from their temporary file) are printed while the
  // report is written, when the two do not share a terminal or a file; else first, as ever. A
  // few are printed first too: a thread costs more than they do.
  bool many = result.diagnostics.size() >= print_alongside_from || result.diagnostics.spilled();
  if (many && output_apart_from_stderr(output))
    util::alongside(print, write);
  else
    print(), write();
  if (!written) return exit_usage;
  int code = result.input_error ? exit_usage : exit_clean;
  util::keep_until_exit(std::move(result));  // written and flushed: not freed piece by piece
  return code;
}

std::function<int()> setup_report(CLI::App& command) {
  auto flags = std::make_shared<ReportFlags>();
  add_input_flags(command, flags->input);
  command.add_option("-f,--format", flags->format, "output format")
      ->check(CLI::IsMember(writer_names()))
      ->capture_default_str();
  command.add_option("-o,--output", flags->output,
                     "write to this file (atomically) instead of stdout");
  command
      .add_option("--lang", flags->lang,
                  "ja or en (default: LC_ALL / LC_MESSAGES / LANG; ja* is Japanese)")
      ->check(CLI::IsMember({"ja", "en"}));
  command.add_option("--year", flags->year,
                     "show one fiscal year: 2023, R5 or 令和5年度 (the summary counts it)");
  command
      .add_option("--width", flags->width,
                  "table width in columns (default: $COLUMNS or the terminal's; 0 = no limit)")
      ->check(CLI::Range(0, 10000));
  command
      .add_option("--ambiguous-width", flags->ambiguous_width,
                  "columns of East Asian ambiguous-width characters (▲ ① ⇒): 1 or 2")
      ->check(CLI::IsMember({1, 2}))
      ->capture_default_str();
  command
      .add_option("--encoding", flags->encoding,
                  "CSV encoding: UTF-8 (with BOM, the default) or cp932 (Shift_JIS for old Excel)")
      ->check(CLI::IsMember({"UTF-8", "cp932"}, CLI::ignore_case));
  add_verbose_flag(command, flags->verbose);
  return [flags] {
    const auto& writer = *report::find_report_writer(flags->format);
    if (!flags->encoding.empty() && !writer.traits.has_encoding)
      throw UsageError("kpi-report: error: --encoding applies to --format csv only");
    return write_with(writer, flags->input, options_of(*flags), flags->output, flags->verbose);
  };
}

}  // namespace kpi::cli
