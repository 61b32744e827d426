// `kpi-report formats`: the input layouts, one line each.
#include <fmt/format.h>

#include "commands.hpp"
#include "kpi/formats/registry.hpp"
#include "output.hpp"

namespace kpi::cli {

std::function<int()> setup_formats(CLI::App&) {
  return [] {
    std::string out;
    for (const auto& f : formats::input_formats())
      out += fmt::format("{:<10} {}\n", f.name, f.description);
    return emit(out, "") ? exit_clean : exit_usage;
  };
}

}  // namespace kpi::cli
