#pragma once
// The JSON document written as it is produced: the same bytes as
// json_text(document_json(result, &summary)), with no tree at all. Both come from the one
// list of fields (src/report/json_fields.hpp): a JsonWriter writes them as text into a reused
// buffer handed to the stream in large chunks, document_json builds them as a tree. The long
// arrays (indicators, diagnostics) are rendered in runs on `jobs` threads (0: every core) and
// written in order.
#include <ostream>

#include "kpi/pipeline.hpp"
#include "kpi/report/summary.hpp"

namespace kpi::report {

void write_json_document(std::ostream& out, const PipelineResult& result, const Summary& summary,
                         int jobs = 0);

}  // namespace kpi::report
