#pragma once
// libxlsxwriter's functions that the xlsx report (src/report/xlsx*.cpp) calls, loaded when the
// first xlsx report is written (util::SharedLibrary), not at start-up.
#include <xlsxwriter.h>

#include <string>

#include "kpi/util/shared_library.hpp"

// clang-format off
#define KPI_XLSXWRITER_FUNCTIONS(X) \
  X(chart_add_series) \
  X(chart_axis_set_name) \
  X(chart_legend_set_position) \
  X(chart_series_set_categories) \
  X(chart_series_set_fill) \
  X(chart_series_set_name_range) \
  X(chart_series_set_values) \
  X(chart_title_set_name) \
  X(format_set_align) \
  X(format_set_bg_color) \
  X(format_set_bold) \
  X(format_set_font_size) \
  X(format_set_num_format) \
  X(format_set_text_wrap) \
  X(lxw_strerror) \
  X(lxw_workbook_free) \
  X(workbook_add_chart) \
  X(workbook_add_format) \
  X(workbook_add_worksheet) \
  X(workbook_close) \
  X(workbook_new_opt) \
  X(worksheet_autofilter) \
  X(worksheet_conditional_format_range) \
  X(worksheet_freeze_panes) \
  X(worksheet_insert_chart_opt) \
  X(worksheet_set_column) \
  X(worksheet_write_boolean) \
  X(worksheet_write_number) \
  X(worksheet_write_string)
// clang-format on

namespace kpi::report::xlsx {

KPI_LIBRARY_TABLE(XlsxWriterLibrary, KPI_XLSXWRITER_FUNCTIONS);

// The table, loaded on the first call.
const XlsxWriterLibrary& lxw();

}  // namespace kpi::report::xlsx
