// Diagnostics: the note a summary puts in the place of those it leaves out (diagnostic.hpp).
#include <fmt/format.h>

#include "kpi/model/diagnostic.hpp"

namespace kpi::model {

Diagnostic summarised_note(std::string_view path, std::string_view code, std::size_t more) {
  return {{std::string(path), 0},
          Severity::note,
          "output.summarised",
          fmt::format("… and {} more {} in {} (--verbose for all)", more, code, path)};
}

}  // namespace kpi::model
