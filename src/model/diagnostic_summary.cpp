#include "kpi/model/diagnostic_summary.hpp"

#include <cstdint>
#include <unordered_map>
#include <utility>

#include <fmt/format.h>

namespace kpi::model {
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

}  // namespace

std::vector<Diagnostic> summarise_diagnostics(const DiagnosticList& diagnostics, std::size_t shown,
                                              Summed summed) {
  // One pass: the first diagnostic left out of each file and rule holds the place of its note,
  // which is written once the count is known.
  FileRuleCounts seen;
  std::vector<Diagnostic> out;
  std::vector<std::pair<std::size_t, std::size_t*>> notes;  // place in out, count
  for (auto it = diagnostics.begin(); it != diagnostics.end(); ++it) {
    if (summed == Summed::all_but_errors && it.view().severity == Severity::error) {
      out.push_back(*it);
      continue;
    }
    auto& count = seen[it.file_and_rule()];
    auto n = count++;
    if (n == shown) notes.emplace_back(out.size(), &count);
    if (n <= shown) out.push_back(*it);
  }
  for (auto [at, count] : notes)
    out[at] = summarised_note(out[at].location.path, out[at].code, *count - shown);
  return out;
}

Diagnostic summarised_note(std::string_view path, std::string_view code, std::size_t more) {
  return {{std::string(path), 0},
          Severity::note,
          "output.summarised",
          fmt::format("… and {} more {} in {} (--verbose for all)", more, code, path)};
}

}  // namespace kpi::model
