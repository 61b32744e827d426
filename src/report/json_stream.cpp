#include "kpi/report/json_stream.hpp"

#include "json_fields.hpp"
#include "kpi/report/json_writer.hpp"

namespace kpi::report {

void write_json_document(std::ostream& out, const PipelineResult& result, const Summary& summary) {
  JsonWriter writer(out);
  fields::document(writer, result, summary);
  writer.flush();
}

}  // namespace kpi::report
