#include "kpi/report/diagnostic_summary.hpp"

#include <cstdint>
#include <unordered_map>
#include <utility>

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
  for (auto [at, count] : notes)
    out[at] = model::summarised_note(out[at].location.path, out[at].code, *count - shown);
  return out;
}

}  // namespace kpi::report
