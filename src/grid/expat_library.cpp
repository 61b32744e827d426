#include "expat_library.hpp"

namespace kpi::grid {

const ExpatLibrary& expat_library() {
  static const ExpatLibrary loaded = [] {
    util::SharedLibrary library(KPI_EXPAT_SONAME);
    ExpatLibrary table;
#define KPI_LOAD(name) KPI_LIBRARY_LOAD(library, table, name)
    KPI_EXPAT_FUNCTIONS(KPI_LOAD)
#undef KPI_LOAD
    table.error = library.error();
    return table;
  }();
  return loaded;
}

}  // namespace kpi::grid
