#include "zip_library.hpp"

namespace kpi::grid {

KPI_LIBRARY_ACCESSOR(ZipLibrary, zip_library, KPI_LIBZIP_SONAME, KPI_LIBZIP_FUNCTIONS)

}  // namespace kpi::grid
