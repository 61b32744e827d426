#include "xlsxwriter_library.hpp"

namespace kpi::report::xlsx {

KPI_LIBRARY_ACCESSOR(XlsxWriterLibrary, lxw, KPI_XLSXWRITER_SONAME, KPI_XLSXWRITER_FUNCTIONS)

}  // namespace kpi::report::xlsx
