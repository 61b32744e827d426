#pragma once
// Items [0, count) made in runs of `per_run` on `workers` threads and handed over in order: the
// same as making them one run after the other. render(begin, end) makes a run's result (a
// text, lines); take(result) is called with each run's result in run order, on the calling
// thread. A run that throws has its exception rethrown when its turn comes (the earliest
// run's, as a serial loop would meet it); the runs under way finish first. Generic: knows
// nothing of kpi-report.
#include <algorithm>
#include <cstddef>
#include <exception>
#include <utility>

#include "kpi/util/in_order.hpp"

namespace kpi::util {

template <typename Render, typename Take>
void in_ordered_runs(std::size_t count, std::size_t per_run, unsigned workers, Render render,
                     Take take) {
  auto runs = (count + per_run - 1) / per_run;
  auto end_of = [&](std::size_t begin) { return std::min(count, begin + per_run); };
  if (workers <= 1 || runs <= 1) {
    for (std::size_t run = 0; run < runs; ++run) take(render(run * per_run, end_of(run * per_run)));
    return;
  }
  using Result = decltype(render(std::size_t{0}, std::size_t{0}));
  struct Made {
    Result result{};
    std::exception_ptr error;
  };
  for_each_in_order(
      runs, workers, 2 * std::size_t{workers},
      [&](std::size_t run) {
        Made made;
        try {
          made.result = render(run * per_run, end_of(run * per_run));
        } catch (...) {
          made.error = std::current_exception();
        }
        return made;
      },
      [&](std::size_t, Made made) {
        if (made.error) std::rethrow_exception(made.error);
        take(std::move(made.result));
      });
}

}  // namespace kpi::util
