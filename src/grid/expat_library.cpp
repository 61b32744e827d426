#include "expat_library.hpp"

namespace kpi::grid {

KPI_LIBRARY_ACCESSOR(ExpatLibrary, expat_library, KPI_EXPAT_SONAME, KPI_EXPAT_FUNCTIONS)

}  // namespace kpi::grid
