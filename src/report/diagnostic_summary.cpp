#include "kpi/report/diagnostic_summary.hpp"

#include <map>
#include <string>
#include <utility>

#include <fmt/format.h>

namespace kpi::report {
namespace {

// Diagnostics per "path\0rule id". They come in runs of one file and rule (a file's merge
// conflicts, its skipped rows), so the last key's counter is kept at hand. The key is written
// into a reused buffer: a DiagnosticList hands out each diagnostic only while its iterator
// stays on it, so no views are kept.
class FileRuleCounts {
 public:
  std::size_t& operator[](const model::DiagnosticList::View& d) {
    if (last_ != counts_.end() && is_last(d)) return last_->second;  // no key made
    key_.assign(d.path);
    key_ += '\0';
    key_ += d.code;
    last_ = counts_.find(key_);
    if (last_ == counts_.end()) last_ = counts_.emplace(key_, 0).first;
    return last_->second;
  }

 private:
  // Whether `d` has the last key: "path\0code".
  bool is_last(const model::DiagnosticList::View& d) const {
    std::string_view key = last_->first;
    return key.size() == d.path.size() + 1 + d.code.size() && key.starts_with(d.path) &&
           key[d.path.size()] == '\0' && key.ends_with(d.code);
  }

  std::map<std::string, std::size_t> counts_;
  std::map<std::string, std::size_t>::iterator last_ = counts_.end();
  std::string key_;
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
    auto& count = seen[it.view()];
    auto n = count++;
    if (n == shown) notes.emplace_back(out.size(), &count);
    if (n <= shown) out.push_back(*it);
  }
  for (auto [at, count] : notes) out[at] = more_note(out[at], *count - shown);
  return out;
}

}  // namespace kpi::report
