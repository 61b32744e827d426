#pragma once
// Private to report/: a JSON array's elements rendered in runs on several threads and
// written in order (the report's indicators and diagnostics, check's items).
#include <atomic>
#include <cstddef>
#include <exception>
#include <string>

#include "kpi/report/json_writer.hpp"
#include "kpi/util/in_order.hpp"

namespace kpi::report {

// A run of elements rendered on a worker: its text, or what stopped it.
struct RenderedRun {
  JsonWriter::Text text;
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
  // Runs are alike: each is given at once the room of the longest so far and a little more,
  // so that it does not grow (and copy itself) on the way.
  std::atomic<std::size_t> longest{0};
  util::for_each_in_order(
      runs, workers, 2 * std::size_t{workers},
      [&](std::size_t run) {
        RenderedRun rendered;
        try {
          auto room = longest.load(std::memory_order_relaxed);
          JsonWriter writer({place.depth, place.first && run == 0, room + room / 8});
          render(writer, run);
          rendered.text = writer.take();
          auto size = rendered.text.view().size();
          for (auto seen = room; size > seen && !longest.compare_exchange_weak(seen, size);) {
          }
        } catch (...) {  // a temporary file that cannot be read back, memory
          rendered.error = std::current_exception();
        }
        return rendered;
      },
      [&](std::size_t, RenderedRun rendered) {
        if (rendered.error) std::rethrow_exception(rendered.error);
        out.elements(rendered.text.view());
      });
}

}  // namespace kpi::report
