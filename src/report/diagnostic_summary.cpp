#include "kpi/report/diagnostic_summary.hpp"

#include <cstdint>
#include <unordered_map>
#include <utility>

#include <fmt/format.h>

namespace kpi::report {
namespace {

// Diagnostics per file and rule (DiagnosticList's key of the two: no text is read). They come
// in runs of one file and rule (a file's merge conflicts, its skipped rows), so the last key's
// counter is kept at hand.
class FileRuleCounts {
 public:
  std::size_t& operator[](std::uint64_t key) {
    if (last_ != counts_.end() && last_->first == key) return last_->second;
    last_ = counts_.try_emplace(key, 0).first;
    return last_->second;
  }

 private:
  std::unordered_map<std::uint64_t, std::size_t> counts_;
  std::unordered_map<std::uint64_t, std::size_t>::iterator last_ = counts_.end();
};

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
  // One pass: the first diagnostic left out of each file and rule holds the place of its note,
  // which is written once the count is known.
  FileRuleCounts seen;
  std::vector<model::Diagnostic> out;
  std::vector<std::pair<std::size_t, std::size_t*>> notes;  // place in out, count
  for (auto it = diagnostics.begin(); it != diagnostics.end(); ++it) {
    auto& count = seen[it.file_and_rule()];
    auto n = count++;
    if (n == shown) notes.emplace_back(out.size(), &count);
    if (n <= shown) out.push_back(*it);
  }
  for (auto [at, count] : notes) out[at] = more_note(out[at], *count - shown);
  return out;
}

}  // namespace kpi::report
