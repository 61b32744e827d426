#include "kpi/report/diagnostic_summary.hpp"

#include <map>
#include <string>
#include <utility>

#include <fmt/format.h>

namespace kpi::report {
namespace {

// "path\0rule id" of a diagnostic, written into a reused buffer (a DiagnosticList hands out
// each diagnostic only while its iterator stays on it, so no views are kept).
const std::string& file_rule(const model::Diagnostic& d, std::string& key) {
  key.assign(d.location.path);
  key += '\0';
  key += d.code;
  return key;
}

// The count of `key`, made at zero the first time.
std::size_t& count_of(std::map<std::string, std::size_t, std::less<>>& counts,
                      const std::string& key) {
  auto it = counts.find(key);
  if (it == counts.end()) it = counts.emplace(key, 0).first;
  return it->second;
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
  std::map<std::string, std::size_t, std::less<>> total, seen;
  std::string key;
  for (const auto& d : diagnostics) ++count_of(total, file_rule(d, key));
  std::vector<model::Diagnostic> out;
  for (const auto& d : diagnostics) {
    auto n = count_of(seen, file_rule(d, key))++;
    if (n < shown)
      out.push_back(d);
    else if (n == shown)
      out.push_back(more_note(d, total[key] - shown));
  }
  return out;
}

}  // namespace kpi::report
