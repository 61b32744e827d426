#include "xlsxwriter_library.hpp"

namespace kpi::report::xlsx {

const XlsxWriterLibrary& lxw() {
  static const XlsxWriterLibrary loaded = [] {
    util::SharedLibrary library(KPI_XLSXWRITER_SONAME);
    XlsxWriterLibrary table;
#define KPI_LOAD(name) KPI_LIBRARY_LOAD(library, table, name)
    KPI_XLSXWRITER_FUNCTIONS(KPI_LOAD)
#undef KPI_LOAD
    table.error = library.error();
    return table;
  }();
  return loaded;
}

}  // namespace kpi::report::xlsx
