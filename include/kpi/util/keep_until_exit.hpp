#pragma once
// An object handed to the end of the process: never destroyed, its memory returned with the
// process's. For the large result of a run once its output is written and flushed: freeing
// it block by block would only delay the exit (a national workbook's model is a million
// small blocks: 0.05–0.25 s). Only for objects whose destructor releases nothing but memory
// (temporary files made with std::tmpfile are removed by the system). The kept objects stay
// reachable, so a leak checker does not report them. Generic: knows nothing of kpi-report.
#include <type_traits>
#include <utility>
#include <vector>

namespace kpi::util {

template <class T>
void keep_until_exit(T&& object) {
  static auto* const kept = new std::vector<const void*>;  // reachable to the end
  kept->push_back(new std::decay_t<T>(std::forward<T>(object)));
}

}  // namespace kpi::util
