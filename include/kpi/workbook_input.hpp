#pragma once
// The workbook stage of the pipeline: a .xlsx/.xls/.ods file into one sheet model per
// worksheet that holds a KPI table, each read by the layout that knows it (the Toyama and
// Joetsu layouts through the sheet's tab-separated text, any other by the grid layout on
// the cells themselves).
#include <string>
#include <string_view>
#include <vector>

#include "kpi/grid/grid.hpp"
#include "kpi/model/sheet.hpp"
#include "kpi/pipeline.hpp"

namespace kpi {

// True when `bytes` are a workbook (or an encrypted one) rather than text.
bool is_workbook(std::string_view bytes);

// Sheets read from the workbook `bytes` of file `path`. A workbook that cannot be read, or
// holds no KPI sheet, gives one unusable sheet carrying the error.
std::vector<model::Sheet> process_workbook(std::string_view bytes, const std::string& path,
                                           const PipelineOptions& options);

// One worksheet read as a KPI sheet (tests and fuzzing): the layout is detected unless
// `options.input_format` names one.
model::Sheet process_grid_sheet(const grid::Sheet& sheet, const std::string& path,
                                const std::string& kind, const PipelineOptions& options);

}  // namespace kpi
