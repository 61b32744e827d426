#pragma once
// Two pieces of work at once: `side` on a thread of its own while `main` runs on the calling
// thread. Both have ended when this returns; an exception of either propagates (main's first).
// Generic: knows nothing of kpi-report.
#include <exception>
#include <thread>

namespace kpi::util {

template <typename Side, typename Main>
void alongside(Side side, Main main) {
  std::exception_ptr side_error;
  std::thread thread([&] {
    try {
      side();
    } catch (...) {
      side_error = std::current_exception();
    }
  });
  try {
    main();
  } catch (...) {
    thread.join();
    throw;
  }
  thread.join();
  if (side_error) std::rethrow_exception(side_error);
}

}  // namespace kpi::util
