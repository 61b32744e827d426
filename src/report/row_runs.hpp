#pragma once
// Private to report/: a large sheet's rows made in runs on a writer's threads and written in
// order (the terminal table, the Markdown, the CSV and the HTML), by one rule: from
// parallel_rows_from rows on, rows_per_run rows a run (util::in_ordered_runs).
#include <cstddef>
#include <ostream>
#include <sstream>
#include <string>
#include <utility>

#include "kpi/util/ordered_runs.hpp"
#include "kpi/util/thread_count.hpp"

namespace kpi::report {

inline constexpr std::size_t parallel_rows_from = 4096;
inline constexpr std::size_t rows_per_run = 512;

// The threads `rows` rows are made on: `threads` (0: every core) from parallel_rows_from rows
// on, else one.
inline unsigned row_workers(std::size_t rows, unsigned threads) {
  return util::threads_for(rows, parallel_rows_from, threads);
}

// render(begin, end) for each run of the rows [0, rows), take(result) of each in order.
template <class Render, class Take>
void in_row_runs(std::size_t rows, unsigned threads, Render render, Take take) {
  util::in_ordered_runs(rows, rows_per_run, row_workers(rows, threads), render, take);
}

// write(run_out, i) for each row i of [0, rows), written to `out` in order.
template <class Write>
void write_rows(std::ostream& out, std::size_t rows, unsigned threads, Write write) {
  in_row_runs(
      rows, threads,
      [&](std::size_t begin, std::size_t end) {
        std::ostringstream run;
        for (auto i = begin; i < end; ++i) write(run, i);
        return std::move(run).str();
      },
      [&](const std::string& text) { out << text; });
}

}  // namespace kpi::report
