#include "kpi/report/json_stream.hpp"

#include "json_fields.hpp"
#include "json_runs.hpp"
#include "kpi/report/json_writer.hpp"
#include "kpi/util/thread_count.hpp"

namespace kpi::report {
namespace {

constexpr std::size_t indicators_per_run = 128;
constexpr std::size_t findings_per_run = 512;

// The long arrays (a national run's indicators, findings and diagnostics) in runs on every
// core.
struct ParallelArrays {
  unsigned workers;

  void indicators(JsonWriter& out, const PipelineResult& result) const {
    std::vector<const model::Indicator*> all;
    for (const auto& sheet : result.sheets)
      for (const auto& ind : sheet.parsed.indicators) all.push_back(&ind);
    in_runs(out, all, indicators_per_run, [](JsonWriter& writer, const model::Indicator* ind) {
      fields::indicator(writer, *ind);
    });
  }

  void findings(JsonWriter& out, const std::vector<model::Finding>& list) const {
    in_runs(out, list, findings_per_run,
            [](JsonWriter& writer, const model::Finding& f) { fields::finding(writer, f); });
  }

  // The elements of `list`, `per_run` to a run, each written by write(writer, element).
  template <class List, class Write>
  void in_runs(JsonWriter& out, const List& list, std::size_t per_run, Write write) const {
    auto runs = (list.size() + per_run - 1) / per_run;
    write_runs(out, runs, workers, [&](JsonWriter& writer, std::size_t run) {
      auto end = std::min(list.size(), (run + 1) * per_run);
      for (auto i = run * per_run; i < end; ++i) write(writer, list[i]);
    });
  }

  void diagnostics(JsonWriter& out, const model::DiagnosticList& list) const {
    write_runs(out, list.mark_count(), workers, [&](JsonWriter& writer, std::size_t run) {
      for (auto it = list.mark(run), end = list.mark(run + 1); it != end; ++it)
        fields::diagnostic(writer, it.view());
    });
  }
};

}  // namespace

void write_json_document(std::ostream& out, const PipelineResult& result, const Summary& summary,
                         int jobs) {
  JsonWriter writer(out);
  unsigned workers = util::thread_count(jobs);
  fields::document(writer, result, summary, ParallelArrays{workers});
  writer.flush();
}

}  // namespace kpi::report
