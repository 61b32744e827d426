#pragma once
// The JSON document written as it is produced: the same bytes as
// json_text(document_json(result, &summary)), without the whole document as one tree in memory.
// Each source, indicator, finding and diagnostic becomes a small tree (source_json,
// indicator_json, ...) that is written and dropped, so fields added there appear here too.
#include <ostream>

#include "kpi/pipeline.hpp"
#include "kpi/report/summary.hpp"

namespace kpi::report {

void write_json_document(std::ostream& out, const PipelineResult& result, const Summary& summary);

}  // namespace kpi::report
