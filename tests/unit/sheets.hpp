#pragma once
// Test helpers: the bundled real sheets, read through the real pipeline.
#include <string>

#include "kpi/model/sheet.hpp"
#include "kpi/pipeline.hpp"

namespace kpi::testing {

std::string data_path(const std::string& relative);
std::string read_bytes(const std::string& path);
// The whole pipeline (decode, detect, parse, rates) on one bundled sheet.
model::Sheet load_sheet(const std::string& relative);
// `utf8` converted to `charset` ("windows-31j", "UTF-16LE" ...) with ICU.
std::string encode_as(const std::string& utf8, const char* charset);
const model::Indicator& find_indicator(const model::Sheet& sheet, const std::string& id,
                                       int seq = 1);
const model::Observation& find_observation(const model::Indicator& ind, int fiscal_year);
// A run that read one usable sheet: `parsed` as read from `path` in layout `format`.
PipelineResult one_sheet_run(const std::string& path, const std::string& format,
                             model::ParseOutput parsed);
// A run of `from`'s first sheet with its KPIs `copies` times over (a sheet larger than a writer
// or a loop handles on one thread).
PipelineResult with_kpis_repeated(const PipelineResult& from, int copies);

}  // namespace kpi::testing
