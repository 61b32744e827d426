#pragma once
// What `check` reports: every rate verdict, cross-row finding and input problem as one list
// of located items, and which of them fail the run.
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "kpi/pipeline.hpp"
#include "kpi/verify/fail_policy.hpp"

namespace kpi::verify {

// The facts of one rate check, for machines (check JSON `rate`, SARIF `properties`).
struct RateFacts {
  std::string municipality, municipality_name, id, name;  // id as displayed: "No.3 #2"
  int fiscal_year = 0;
  bool revised = false;  // the revised rate (変更後) against the revised target
  model::Value target, actual, published;
  std::optional<model::Decimal> recomputed;  // at the published precision
  std::string formula;                       // ratio | inverse | progress | ...
  std::string basis;                         // "year target", "final target", "revised target"
  std::optional<model::Decimal> difference;  // published − recomputed, in points
  std::string explanation;
};

struct CheckItem {
  model::SourceLocation location;
  model::Severity severity = model::Severity::note;
  std::string rule;     // stable id: rate.mismatch, finding.relisted-differs, input.encoding ...
  std::string title;    // short: "No.22 FY2023"
  std::string message;  // one line
  bool is_rate = false;
  model::Verdict verdict = model::Verdict::unchecked;
  bool fails = false;
  std::optional<RateFacts> rate;            // rates only
  std::vector<model::SourceLocation> rows;  // findings: every row involved
};

struct CheckCounts {
  int match = 0, consistent = 0, mismatch = 0, unchecked = 0, findings = 0, failures = 0;
  int unpublished = 0;  // of the unchecked: no published rate (the rate is only computed)
  bool operator==(const CheckCounts&) const = default;
};

// The items of a run, made when they are read: the input problems, then every rate of every
// sheet, then the cross-row findings. A rate item is made from the model each time it is read
// (into one reused item), so a national run's check holds no second copy of its rates; the
// counts are worked out at once, from the model, without making any item.
class CheckItems {
 public:
  CheckItems(const PipelineResult& result, const FailPolicy& policy);
  CheckItems(const CheckItems&) = delete;
  CheckItems& operator=(const CheckItems&) = delete;

  std::size_t size() const { return size_; }
  const CheckCounts& counts() const { return counts_; }

  using Visit = std::function<void(const CheckItem&)>;
  // Which items are wanted, asked with the item's kind, verdict, severity, `fails` and
  // location filled in (its texts and facts are made only for the wanted ones).
  using Wanted = std::function<bool(const CheckItem&)>;
  void for_each(const Visit& visit, const Wanted& wanted = {}) const;
  // The same, with the input problems that do not fail the run summed up for a reader
  // (model::summarise_diagnostics: of each file's and rule's, the first `shown`, then one note
  // "… and N more" in the place of the next; failing ones are all given).
  void for_each_summarised(const Visit& visit, const Wanted& wanted, std::size_t shown) const;
  // Only the input problems of for_each_summarised (what it visits before the runs of rates
  // and findings).
  void for_each_summarised_diagnostic(const Visit& visit, const Wanted& wanted,
                                      std::size_t shown) const;

  // The items in runs of a few hundred, each never empty (writers render runs on several
  // threads): run k's items in order.
  std::size_t run_count() const { return runs_.size(); }
  // Whether run k holds input problems (for_each_summarised sums them up instead).
  bool holds_diagnostics(std::size_t run) const {
    return runs_.at(run).kind == RunKind::diagnostics;
  }
  void for_each_in_run(std::size_t run, const Visit& visit, const Wanted& wanted = {}) const;
  // Only the items at `positions` (ascending, 0-based within the run) of run k: the others are
  // passed over without being made (a writer that visits a run's items in another order).
  void for_each_at(std::size_t run, std::span<const std::uint32_t> positions,
                   const Visit& visit) const;

 private:
  enum class RunKind { diagnostics, rates, findings };
  struct Run {
    RunKind kind;
    std::size_t sheet = 0;  // rates: the sheet
    std::size_t begin = 0;  // diagnostics: the mark; rates: indicators; findings: findings
    std::size_t end = 0;
  };
  // The places of a run to visit: every one, or the ascending positions given; the others are
  // passed over before their item is made.
  class Places {
   public:
    Places() = default;
    explicit Places(std::span<const std::uint32_t> positions)
        : positions_(positions), every_(false) {}
    bool more() const { return every_ || next_ < positions_.size(); }
    // Whether the place at hand is visited; moves on to the next.
    bool take() {
      if (every_) return true;
      bool wanted = next_ < positions_.size() && positions_[next_] == position_;
      ++position_;
      next_ += wanted;
      return wanted;
    }

   private:
    std::span<const std::uint32_t> positions_;
    bool every_ = true;
    std::size_t next_ = 0;        // the next wanted position, in positions_
    std::uint32_t position_ = 0;  // of the place at hand, in the run
  };
  void visit_run(const Run& run, const Visit& visit, const Wanted& wanted, Places places) const;
  void add_rate_runs(std::size_t sheet);

  const PipelineResult& result_;
  FailPolicy policy_;
  std::vector<Run> runs_;
  std::size_t size_ = 0;
  CheckCounts counts_;
};

// Every item made and kept (a test, a small run, a writer that sorts them).
std::vector<CheckItem> collect_check_items(const PipelineResult& result, const FailPolicy& policy);
CheckCounts count_items(const std::vector<CheckItem>& items);

}  // namespace kpi::verify
