// `kpi-report check`: explain every published rate, list cross-row findings, exit 1 on failures.

#include "commands.hpp"
#include "kpi/report/check_writers.hpp"
#include "kpi/text/number.hpp"
#include "kpi/util/keep_until_exit.hpp"
#include "output.hpp"

namespace kpi::cli {
namespace {

struct CheckFlags {
  InputFlags input;
  std::string format = "text";
  std::string output;
  std::vector<std::string> fail_on;
  std::vector<std::string> no_fail_on;
  std::string tolerance = "0";
  bool verbose = false;
  std::string lang;  // "" = from the environment
};

std::vector<std::string> writer_names() {
  std::vector<std::string> names;
  for (const auto& w : report::check_writers()) names.emplace_back(w.name);
  return names;
}

verify::FailPolicy policy_from(const CheckFlags& flags) {
  auto choice = verify::resolve_fail_policy(flags.fail_on, flags.no_fail_on);
  if (!choice.error.empty()) throw UsageError("kpi-report check: error: " + choice.error);
  return choice.policy;
}

// --tolerance POINTS: a non-negative decimal ("0.5").
model::Decimal tolerance_from(const std::string& text) {
  auto points = text::parse_exact_number(text);
  if (!points || points->units < 0 || text.find('%') != std::string::npos)
    throw UsageError(
        "kpi-report check: error: --tolerance: expected a number of points "
        "(0, 0.5, 1), got '" +
        text + "'");
  return *points;
}

// Every format prints its diagnostics once, on stdout: input problems are items too.
int run_check(const CheckFlags& flags) {
  auto policy = policy_from(flags);
  auto options = resolve_input(flags.input);
  options.rate_check.tolerance = tolerance_from(flags.tolerance);
  auto result = run_pipeline(flags.input.paths, options);
  verify::CheckItems items(result, policy);
  auto lang = report::lang_from_name(flags.lang).value_or(report::lang_from_environment());
  const auto* writer = report::find_check_writer(flags.format);
  report::CheckContext context{result, items, flags.verbose, lang, options.jobs};
  // Written as it is produced: a national run's JSON or SARIF is never held whole.
  auto write = [&](std::ostream& out) { writer->write(out, context); };
  if (!emit_streamed(write, flags.output)) return exit_usage;
  int code = result.input_error            ? exit_usage
             : items.counts().failures > 0 ? exit_findings
                                           : exit_clean;
  // Written and flushed: the run's result is not freed piece by piece.
  util::keep_until_exit(std::move(result));
  return code;
}

}  // namespace

std::function<int()> setup_check(CLI::App& command) {
  auto flags = std::make_shared<CheckFlags>();
  add_input_flags(command, flags->input);
  command.add_option("-f,--format", flags->format, "output format")
      ->check(CLI::IsMember(writer_names()))
      ->capture_default_str();
  command
      .add_option("--fail-on", flags->fail_on,
                  "also fail on: consistent (rates explained only by printed precision), "
                  "unchecked (published rates that cannot be checked: no actual, words), "
                  "finding (findings of every severity); mismatches, error findings and input "
                  "errors always fail")
      ->check(CLI::IsMember(verify::fail_on_names()))
      ->delimiter(',')
      ->expected(1)              // one value per occurrence: the paths after it are not its values
      ->allow_extra_args(false)  // not even when an option follows them (FILE -v)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  command
      .add_option("--no-fail-on", flags->no_fail_on,
                  "take out of the gate: mismatch, finding (error-severity findings); they are "
                  "still reported, as warnings")
      ->check(CLI::IsMember(verify::no_fail_on_names()))
      ->delimiter(',')
      ->expected(1)
      ->allow_extra_args(false)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  command
      .add_option("--tolerance", flags->tolerance,
                  "POINTS: a published rate within this many percentage points of the sheet's "
                  "own formula is consistent (default 0: only printed precision explains)")
      ->capture_default_str();
  command.add_flag("-v,--verbose", flags->verbose,
                   "text: also list matching and consistent rates; text, github: every repeated "
                   "input problem (else summed up after three per file and rule)");
  command
      .add_option("--lang", flags->lang,
                  "text: ja or en (default: LC_ALL / LC_MESSAGES / LANG; ja* is Japanese); "
                  "json, github, junit and sarif stay English")
      ->check(CLI::IsMember({"ja", "en"}));
  command.add_option("-o,--output", flags->output,
                     "write to this file (atomically) instead of stdout");
  return [flags] { return run_check(*flags); };
}

}  // namespace kpi::cli
