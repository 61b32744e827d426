#include "kpi/report/summary.hpp"

#include <algorithm>
#include <unordered_map>

#include "kpi/text/name_form.hpp"
#include "kpi/util/parallel_chunks.hpp"
#include "kpi/util/thread_count.hpp"

namespace kpi::report {
namespace {

void add_grade(StatusCounts& c, const std::string& grade, int n = 1) {
  if (grade.empty()) return;
  auto it = std::find_if(c.grades.begin(), c.grades.end(),
                         [&](const auto& g) { return g.first == grade; });
  if (it == c.grades.end())
    c.grades.emplace_back(grade, n);
  else
    it->second += n;
}

void count_kpi(StatusCounts& c, const model::Indicator& ind, const ReportView& view) {
  ++c.kpis;
  const auto* o = current_observation(ind, view.year);
  auto status = o ? o->outcome.status : model::Status::no_data;
  if (status == model::Status::achieved) ++c.achieved;
  if (status == model::Status::behind) ++c.behind;
  if (status == model::Status::no_data) ++c.no_data;
  if (o) add_grade(c, o->outcome.grade);
  if (!view.year) {
    auto pace = ind.pace.status;
    if (pace == model::PaceStatus::on_track || pace == model::PaceStatus::achieved) ++c.on_track;
    if (pace == model::PaceStatus::behind) ++c.pace_behind;
  }
  for (const auto& obs : ind.observations) {
    if (view.year && obs.fiscal_year != *view.year) continue;
    if (!obs.published_rate.number || obs.check.verdict == model::Verdict::unchecked) continue;
    ++c.rates_checked;
    if (obs.check.verdict == model::Verdict::mismatch) ++c.wrong_rates;
  }
}

void merge_into(StatusCounts& total, const StatusCounts& part) {
  total.kpis += part.kpis;
  total.achieved += part.achieved;
  total.behind += part.behind;
  total.no_data += part.no_data;
  for (const auto& [grade, n] : part.grades) add_grade(total, grade, n);
  total.on_track += part.on_track;
  total.pace_behind += part.pace_behind;
  total.rates_checked += part.rates_checked;
  total.wrong_rates += part.wrong_rates;
}

// Groups in the order first met, found by (sheet, key) in constant time; a group shows the
// label it was first met with. The group of the last (sheet, text) asked for is kept: KPIs of
// one sheet and goal come one after another, and their key is then not made again.
class Groups {
 public:
  Groups(std::vector<GroupSummary>& groups, std::vector<std::string>& keys)
      : groups_(groups), keys_(keys) {}
  // The counts of the group of `text` (a sheet's source or a goal) in `sheet`, its key made
  // by key_of(text) the first time.
  template <class KeyOf>
  StatusCounts& of(const std::string& text, const std::string& sheet, KeyOf key_of) {
    if (last_ == npos || text != last_text_ || sheet != last_sheet_) {
      auto [it, added] = index_.try_emplace(sheet + '\0' + key_of(text), groups_.size());
      if (added) {
        groups_.push_back({text, sheet, {}});
        keys_.push_back(it->first);
      }
      last_ = it->second;
      last_text_ = text;
      last_sheet_ = sheet;
    }
    return groups_[last_].counts;
  }

 private:
  static constexpr std::size_t npos = static_cast<std::size_t>(-1);
  std::vector<GroupSummary>& groups_;
  std::vector<std::string>& keys_;  // each group's key, for joining summaries of runs
  std::unordered_map<std::string, std::size_t> index_;
  std::size_t last_ = npos;
  std::string last_text_, last_sheet_;
};

bool same_input(const model::Indicator& a, const model::Indicator& b) {
  return a.source.path == b.source.path && a.source.sheet == b.source.sheet;
}

const model::PlanLevel* first_goal(const model::Indicator& ind) {
  for (const auto& level : ind.plan_path)
    if (level.level == "goal") return &level;
  return nullptr;
}

// Whether goal_label gives both the same: their first goal level, or their goal.
bool same_goal(const model::Indicator& a, const model::Indicator& b) {
  const auto* x = first_goal(a);
  const auto* y = first_goal(b);
  if (x == nullptr || y == nullptr) return x == y && a.goal == b.goal;
  return x->code == y->code && x->title == y->title;
}

}  // namespace

std::optional<double> StatusCounts::achieved_percent() const {
  if (achieved + behind == 0) return std::nullopt;
  return 100.0 * achieved / (achieved + behind);
}

std::string goal_label(const model::Indicator& ind) {
  const auto* level = first_goal(ind);
  if (level == nullptr) return ind.goal;
  if (level->title.empty()) return level->code;
  if (level->code.empty() || level->title.find(level->code) != std::string::npos)
    return level->title;
  return level->code + " " + level->title;
}

namespace {

// The groups of a run of KPIs, in the order first met, with their keys.
struct RunSummary {
  std::vector<GroupSummary> sheets, goals;
  std::vector<std::string> sheet_keys, goal_keys;
};

RunSummary summarize_run(const model::Indicator* const* begin, const model::Indicator* const* end,
                         const ReportView& view) {
  RunSummary run;
  Groups sheets(run.sheets, run.sheet_keys), goals(run.goals, run.goal_keys);
  const model::Indicator* previous = nullptr;
  std::string source, goal;  // the previous KPI's, made again only when they change
  for (auto it = begin; it != end; ++it) {
    const auto& ind = **it;
    // The KPI's own input: a JSON document read back keeps its KPIs' sources, so its
    // summary is the original's.
    if (!previous || !same_input(*previous, ind)) source = model::input_text(ind.source);
    if (!previous || !same_goal(*previous, ind)) goal = goal_label(ind);
    previous = &ind;
    count_kpi(sheets.of(source, source, [](const std::string& s) { return s; }), ind, view);
    // Titles are printed text: one goal printed in other widths is still one goal.
    count_kpi(goals.of(goal, source, [](const std::string& text) { return text::name_form(text); }),
              ind, view);
  }
  return run;
}

// Joins the groups of the next run: a group met before takes its counts, a new one goes last.
class GroupJoin {
 public:
  explicit GroupJoin(std::vector<GroupSummary>& groups) : groups_(groups) {}
  void add(std::vector<GroupSummary>& groups, std::vector<std::string>& keys) {
    for (std::size_t g = 0; g < groups.size(); ++g) {
      auto [it, added] = index_.try_emplace(std::move(keys[g]), groups_.size());
      if (added)
        groups_.push_back(std::move(groups[g]));
      else
        merge_into(groups_[it->second].counts, groups[g].counts);
    }
  }

 private:
  std::vector<GroupSummary>& groups_;
  std::unordered_map<std::string, std::size_t> index_;
};

// From this many KPIs on, the summary is counted in runs of this many on several threads.
constexpr std::size_t kpis_per_summary_run = 4096;

}  // namespace

Summary summarize(const PipelineResult& result, const ReportView& view, unsigned threads) {
  std::vector<const model::Indicator*> all;
  for (const auto& sheet : result.sheets)
    for (const auto& ind : sheet.parsed.indicators) all.push_back(&ind);
  auto count = (all.size() + kpis_per_summary_run - 1) / kpis_per_summary_run;
  std::vector<RunSummary> runs(std::max<std::size_t>(count, 1));
  util::for_each_chunk(runs.size(), util::threads_or_cores(threads), 1,
                       [&](std::size_t first, std::size_t last) {
                         for (auto r = first; r < last; ++r) {
                           auto begin = std::min(all.size(), r * kpis_per_summary_run);
                           auto end = std::min(all.size(), begin + kpis_per_summary_run);
                           runs[r] = summarize_run(all.data() + begin, all.data() + end, view);
                         }
                       });
  Summary s;
  s.view = view;
  GroupJoin sheets(s.sheets), goals(s.goals);
  for (auto& run : runs) {
    sheets.add(run.sheets, run.sheet_keys);
    goals.add(run.goals, run.goal_keys);
  }
  for (const auto& g : s.sheets) merge_into(s.total, g.counts);
  for (auto* list : {&s.sheets, &s.goals})
    for (auto& g : *list) std::sort(g.counts.grades.begin(), g.counts.grades.end());
  std::sort(s.total.grades.begin(), s.total.grades.end());
  return s;
}

Summary summarize(const PipelineResult& result, const ReportView& view) {
  return summarize(result, view, 1);
}

}  // namespace kpi::report
