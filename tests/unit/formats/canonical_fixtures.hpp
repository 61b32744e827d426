#pragma once
// Shared by the canonical CSV, kpi-json and merge tests: files, pipeline runs, model dumps.
#include <string>
#include <vector>

#include "kpi/pipeline.hpp"

namespace kpi::testing::canonical {

std::string takaoka_sheet();  // path of the bundled Takaoka progress table
std::string slurp(const std::string& path);
// A fresh file under a per-process temporary directory; returns its path.
std::string temp_file(const std::string& name, const std::string& content);

PipelineResult run(const std::vector<std::string>& paths);
std::string as_csv(const PipelineResult& result);
std::string as_json(const PipelineResult& result);
// One CSV text through the pipeline (detection included), as `kpi-report` reads it.
model::Sheet read_text(const std::string& text, const std::string& path = "sheet.csv");

const model::Indicator& indicator(const std::vector<model::Indicator>& all, const std::string& id,
                                  int seq = 1);
const model::Observation& observation(const model::Indicator& ind, int fiscal_year);
// Every parsed field of a KPI (not source locations, not rate checks), numbers with their
// decimals: equal dumps mean equal models.
std::string dump(const model::Indicator& ind);
std::string dump(const model::Value& v);
// Runs the kpi-report binary with `args` (shell text); returns its exit code, stderr in `err`.
int run_binary(const std::string& args, std::string* err = nullptr);
// A diagnostic of `code` whose message contains `part_of_message`, in a sheet's vector or
// a run's DiagnosticList.
template <typename Diagnostics>
bool has_diagnostic(const Diagnostics& all, const std::string& code,
                    const std::string& part_of_message) {
  for (const auto& d : all)
    if (d.code == code && d.message.find(part_of_message) != std::string::npos) return true;
  return false;
}

}  // namespace kpi::testing::canonical
