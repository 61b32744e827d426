#pragma once
// libzip's functions that zip_archive.cpp calls, loaded with the first workbook opened
// (util::SharedLibrary), not at start-up (private to src/grid/).
#include <zip.h>

#include <string>

#include "kpi/util/shared_library.hpp"

// clang-format off
#define KPI_LIBZIP_FUNCTIONS(X) \
  X(zip_error_init) \
  X(zip_error_fini) \
  X(zip_error_strerror) \
  X(zip_error_code_zip) \
  X(zip_source_buffer_create) \
  X(zip_source_free) \
  X(zip_open_from_source) \
  X(zip_discard) \
  X(zip_name_locate) \
  X(zip_stat_init) \
  X(zip_stat_index) \
  X(zip_strerror) \
  X(zip_get_error) \
  X(zip_fopen_index) \
  X(zip_fread) \
  X(zip_file_strerror) \
  X(zip_fclose)
// clang-format on

namespace kpi::grid {

KPI_LIBRARY_TABLE(ZipLibrary, KPI_LIBZIP_FUNCTIONS);

const ZipLibrary& zip_library();

}  // namespace kpi::grid
