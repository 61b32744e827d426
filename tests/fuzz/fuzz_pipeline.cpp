// The whole path of one file after reading: decode -> detect -> parse -> rates
// (process_text) -> cross-row findings -> every report and check writer. The JSON
// document must parse back.
#include <sstream>

#include "fuzz_check.hpp"
#include "kpi/pipeline.hpp"
#include "kpi/report/check_writers.hpp"
#include "kpi/report/json.hpp"
#include "kpi/report/writers.hpp"
#include "kpi/text/decode.hpp"
#include "kpi/verify/findings.hpp"

namespace {

kpi::PipelineResult result_of(const kpi::text::Decoded& decoded) {
  kpi::PipelineResult result;
  auto sheet = kpi::process_text(decoded.utf8, "fuzz.txt", decoded.encoding, {});
  for (const auto& d : sheet.parsed.diagnostics) {
    result.diagnostics.push_back(d);
    result.input_error |= d.severity == kpi::model::Severity::error;
  }
  if (sheet.usable) {
    kpi::fuzz::check_parse_output(sheet.parsed, decoded.utf8, "fuzz.txt");
    result.sheets.push_back(std::move(sheet));
  } else {
    FUZZ_REQUIRE(result.input_error);  // an unusable file always says why
  }
  result.findings = kpi::verify::find_cross_row_problems(result.sheets);
  return result;
}

void write_reports(const kpi::PipelineResult& result) {
  for (const auto& writer : kpi::report::report_writers()) {
    std::ostringstream out;
    kpi::report::render(writer, out, result);
    if (writer.name == "json") (void)kpi::report::Json::parse(out.str());
  }
  kpi::verify::CheckItems items(result, {});
  for (const auto& writer : kpi::report::check_writers()) {
    std::ostringstream out;
    writer.write(out, {result, items, true});
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const unsigned char* data, std::size_t size) {
  auto decoded = kpi::text::decode(kpi::fuzz::as_text(data, size));
  if (!decoded.ok()) return 0;  // fuzz_decode covers the failures
  write_reports(result_of(decoded));
  return 0;
}
