#include "kpi/report/diagnostic_summary.hpp"

#include <map>
#include <string_view>
#include <utility>

#include <fmt/format.h>

namespace kpi::report {
namespace {

using FileRule = std::pair<std::string_view, std::string_view>;  // path, rule id

FileRule file_rule(const model::Diagnostic& d) {
  return {d.location.path, d.code};
}

model::Diagnostic more_note(const model::Diagnostic& first_left_out, std::size_t more) {
  const auto& path = first_left_out.location.path;
  return {
      {path, 0},
      model::Severity::note,
      "output.summarised",
      fmt::format("… and {} more {} in {} (--verbose for all)", more, first_left_out.code, path)};
}

}  // namespace

std::vector<model::Diagnostic> summarise_diagnostics(const model::DiagnosticList& diagnostics,
                                                     std::size_t shown) {
  std::map<FileRule, std::size_t> total;
  for (const auto& d : diagnostics) ++total[file_rule(d)];
  std::map<FileRule, std::size_t> seen;
  std::vector<model::Diagnostic> out;
  for (const auto& d : diagnostics) {
    auto key = file_rule(d);
    auto n = seen[key]++;
    if (n < shown)
      out.push_back(d);
    else if (n == shown)
      out.push_back(more_note(d, total[key] - shown));
  }
  return out;
}

}  // namespace kpi::report
