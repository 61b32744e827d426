// `kpi-report convert --to csv|json`: any supported input to the canonical CSV or the JSON
// contract; both read back as input (sheets of one municipality merge into one series).
#include <sstream>

#include "commands.hpp"
#include "kpi/report/writers.hpp"
#include "output.hpp"

namespace kpi::cli {
namespace {

struct ConvertFlags {
  InputFlags input;
  std::string to;
  std::string output;
  bool verbose = false;
};

}  // namespace

std::function<int()> setup_convert(CLI::App& command) {
  auto flags = std::make_shared<ConvertFlags>();
  add_input_flags(command, flags->input);
  command
      .add_option("--to", flags->to,
                  "csv: canonical sheet for Excel (UTF-8 BOM, CRLF); json: kpi-report/1")
      ->required()
      ->check(CLI::IsMember({"csv", "json"}));
  command.add_option("-o,--output", flags->output,
                     "write to this file (atomically) instead of stdout");
  add_verbose_flag(command, flags->verbose);
  return [flags] {
    return write_with(*report::find_convert_writer(flags->to), flags->input, {}, flags->output,
                      flags->verbose);
  };
}

}  // namespace kpi::cli
