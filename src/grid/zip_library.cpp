#include "zip_library.hpp"

namespace kpi::grid {

const ZipLibrary& zip_library() {
  static const ZipLibrary loaded = [] {
    util::SharedLibrary library(KPI_LIBZIP_SONAME);
    ZipLibrary table;
#define KPI_LOAD(name) KPI_LIBRARY_LOAD(library, table, name)
    KPI_LIBZIP_FUNCTIONS(KPI_LOAD)
#undef KPI_LOAD
    table.error = library.error();
    return table;
  }();
  return loaded;
}

}  // namespace kpi::grid
