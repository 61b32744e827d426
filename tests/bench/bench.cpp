// kpi-bench: throughput of the pipeline on the bundled sheets, scaled up.
// Not a test: run `build/tests/bench/kpi-bench [repetitions]` and read the numbers.
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "kpi/formats/registry.hpp"
#include "kpi/pipeline.hpp"
#include "kpi/report/json_stream.hpp"
#include "kpi/report/summary.hpp"
#include "kpi/text/decode.hpp"

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

// One sheet's text repeated `times` (the parsers report repeats as duplicates: still linear).
void bench_sheet(const fs::path& path, int times) {
  auto decoded = kpi::text::decode(slurp(path));
  if (!decoded.ok()) return;
  const auto* format = kpi::formats::detect_format(decoded.utf8);
  if (!format) return;
  std::string big;
  big.reserve(decoded.utf8.size() * static_cast<std::size_t>(times));
  for (int i = 0; i < times; ++i) big += decoded.utf8;
  auto start = Clock::now();
  auto sheet = kpi::process_text(big, path.string(), decoded.encoding, {});
  double took = seconds_since(start);
  double mb = static_cast<double>(big.size()) / 1e6;
  fmt::print("{:<10} {:>8.1f} MB  {:>7.3f} s  {:>7.1f} MB/s  {:>6} KPIs  {:>7} skipped rows\n",
             format->name, mb, took, mb / took, sheet.parsed.indicators.size(),
             sheet.parsed.skipped.size());
}

// Many files through run_pipeline with 1 and with all cores.
void bench_files(const fs::path& data, int copies) {
  auto dir = fs::temp_directory_path() / "kpi-bench-files";
  fs::remove_all(dir);
  fs::create_directories(dir);
  std::vector<fs::path> sheets;
  for (const auto& e : fs::recursive_directory_iterator(data))
    if (e.is_regular_file() && e.path().extension() != ".json" && e.path().extension() != ".md")
      sheets.push_back(e.path());
  std::uintmax_t bytes = 0;
  for (int i = 0; i < copies; ++i)
    for (const auto& s : sheets) {
      auto target = dir / fmt::format("{:04}-{}", i, s.filename().string());
      fs::copy_file(s, target);
      bytes += fs::file_size(target);
    }
  for (int jobs : {1, 0}) {
    kpi::PipelineOptions options;
    options.jobs = jobs;
    auto start = Clock::now();
    auto result = kpi::run_pipeline({dir.string()}, options);
    double pipeline = seconds_since(start);
    std::ostringstream json_out;  // what `report --format json` runs: the streamed writer
    kpi::report::write_json_document(json_out, result, kpi::report::summarize(result, {}));
    auto json = json_out.str();
    double took = seconds_since(start);
    fmt::print("  pipeline {:.3f} s, JSON {:.3f} s\n", pipeline, took - pipeline);
    std::size_t kpis = 0;
    for (const auto& s : result.sheets) kpis += s.parsed.indicators.size();
    fmt::print("{} files, {:.1f} MB, jobs={}: {:.3f} s ({:.0f} files/s, {} KPIs, {:.1f} MB JSON)\n",
               copies * sheets.size(), static_cast<double>(bytes) / 1e6,
               jobs ? std::to_string(jobs) : "all", took,
               static_cast<double>(copies * sheets.size()) / took, kpis,
               static_cast<double>(json.size()) / 1e6);
  }
  fs::remove_all(dir);
}

}  // namespace

int main(int argc, char** argv) {
  int times = argc > 1 ? std::atoi(argv[1]) : 100;
  fs::path data = KPI_DATA_DIR;
  fmt::print("single sheet repeated {} times (parse + rates):\n", times);
  for (const auto& e : fs::recursive_directory_iterator(data))
    if (e.is_regular_file() && e.path().extension() != ".json" && e.path().extension() != ".md")
      bench_sheet(e.path(), times);
  fmt::print("\nwhole pipeline over many files:\n");
  bench_files(data, times);
  return 0;
}
