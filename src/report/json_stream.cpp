#include "kpi/report/json_stream.hpp"

#include <exception>
#include <thread>

#include "json_fields.hpp"
#include "kpi/report/json_writer.hpp"
#include "kpi/util/in_order.hpp"

namespace kpi::report {
namespace {

constexpr std::size_t indicators_per_run = 128;

// A run of elements rendered on a worker: its text, or what stopped it.
struct RenderedRun {
  std::string text;
  std::exception_ptr error;
};

// The elements of the array open in `out`, `runs` runs of them rendered on `workers` threads
// by render(writer, run) and written in order: the same bytes as rendering them one after the
// other into `out`, for the runs know their place (depth, whether they begin the array).
template <class Render>
void write_runs(JsonWriter& out, std::size_t runs, unsigned workers, Render render) {
  if (workers <= 1 || runs <= 1) {
    for (std::size_t run = 0; run < runs; ++run) render(out, run);
    return;
  }
  JsonWriter::ElementsAt place{out.depth(), out.array_is_empty()};
  util::for_each_in_order(
      runs, workers, 2 * std::size_t{workers},
      [&](std::size_t run) {
        RenderedRun rendered;
        try {
          JsonWriter writer({place.depth, place.first && run == 0});
          render(writer, run);
          rendered.text = writer.take();
        } catch (...) {  // a temporary file that cannot be read back, memory
          rendered.error = std::current_exception();
        }
        return rendered;
      },
      [&](std::size_t, RenderedRun rendered) {
        if (rendered.error) std::rethrow_exception(rendered.error);
        out.elements(rendered.text);
      });
}

// The long arrays (a national run's indicators and diagnostics) in runs on every core.
struct ParallelArrays {
  unsigned workers;

  void indicators(JsonWriter& out, const PipelineResult& result) const {
    std::vector<const model::Indicator*> all;
    for (const auto& sheet : result.sheets)
      for (const auto& ind : sheet.parsed.indicators) all.push_back(&ind);
    auto runs = (all.size() + indicators_per_run - 1) / indicators_per_run;
    write_runs(out, runs, workers, [&](JsonWriter& writer, std::size_t run) {
      auto end = std::min(all.size(), (run + 1) * indicators_per_run);
      for (auto i = run * indicators_per_run; i < end; ++i) fields::indicator(writer, *all[i]);
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
  unsigned workers =
      jobs > 0 ? static_cast<unsigned>(jobs) : std::max(1u, std::thread::hardware_concurrency());
  fields::document(writer, result, summary, ParallelArrays{workers});
  writer.flush();
}

}  // namespace kpi::report
