#include "canonical_fixtures.hpp"

#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include <fmt/format.h>
#include <catch2/catch.hpp>

#include "kpi/report/writers.hpp"

namespace kpi::testing::canonical {

std::string takaoka_sheet() {
  return std::string(KPI_DATA_DIR) + "/takaoka/takaoka-kpi-progress-fy2020-2023.txt";
}

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  REQUIRE(in);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// The test process's own directory of temporary files, removed when the process exits.
struct TempDirectory {
  std::filesystem::path path =
      std::filesystem::temp_directory_path() / fmt::format("kpi-canonical-{}", ::getpid());
  TempDirectory() {
    std::filesystem::remove_all(path);
    std::filesystem::create_directories(path);
  }
  ~TempDirectory() {
    std::error_code ignored;
    std::filesystem::remove_all(path, ignored);
  }
};

std::string temp_file(const std::string& name, const std::string& content) {
  static const TempDirectory dir;
  auto path = (dir.path / name).string();
  std::ofstream(path, std::ios::binary) << content;
  return path;
}

PipelineResult run(const std::vector<std::string>& paths) {
  return run_pipeline(paths, {});
}

std::string as_csv(const PipelineResult& result) {
  std::ostringstream out;
  report::render(*report::find_convert_writer("csv"), out, result);
  return out.str();
}

std::string as_json(const PipelineResult& result) {
  std::ostringstream out;
  report::render(*report::find_convert_writer("json"), out, result);
  return out.str();
}

model::Sheet read_text(const std::string& text, const std::string& path) {
  return process_text(text, path, "UTF-8", {});
}

const model::Indicator& indicator(const std::vector<model::Indicator>& all, const std::string& id,
                                  int seq) {
  for (const auto& ind : all)
    if (ind.id == id && ind.seq == seq) return ind;
  FAIL("no indicator " << id << " #" << seq);
  throw std::logic_error("unreachable");
}

const model::Observation& observation(const model::Indicator& ind, int fiscal_year) {
  for (const auto& o : ind.observations)
    if (o.fiscal_year == fiscal_year) return o;
  FAIL("no FY" << fiscal_year << " in " << ind.id);
  throw std::logic_error("unreachable");
}

std::string dump(const model::Value& v) {
  auto number = v.number ? fmt::format("{}e-{}", v.number->units, v.number->scale) : "none";
  return fmt::format("[{} '{}']", number, v.text);
}

namespace {

std::string year(const std::optional<int>& y) {
  return y ? std::to_string(*y) : "-";
}
std::string name(const char* s) {
  return s ? s : "-";
}

}  // namespace

std::string dump(const model::Indicator& ind) {
  std::string out =
      fmt::format("{}|{}|{}|{}|{}|{}|{}|{}/{}/{}|{}|{}|", ind.municipality, ind.id, ind.seq,
                  ind.name, ind.unit, ind.goal, ind.measure, name(model::to_string(ind.direction)),
                  name(model::to_string(ind.direction_source)), ind.direction_text, ind.cumulative,
                  ind.relisted_of ? "relisted:" + *ind.relisted_of : "-");
  out +=
      fmt::format("baseline {} {} alt", dump(ind.baseline.value), year(ind.baseline.fiscal_year));
  for (const auto& a : ind.baseline.alternatives) out += " " + dump(a);
  out += fmt::format("|final {} {} {}\n", dump(ind.final_target.value),
                     year(ind.final_target.fiscal_year),
                     name(model::to_string(ind.final_target.qualifier)));
  for (const auto& o : ind.observations)
    out += fmt::format("  FY{} t{} a{} afy{} p{} r{} rt{} rr{} n'{}'\n", o.fiscal_year,
                       dump(o.target), dump(o.actual), year(o.actual_fiscal_year), o.provisional,
                       dump(o.published_rate), dump(o.revised->target), dump(o.revised->rate),
                       o.notes);
  return out;
}

int run_binary(const std::string& args, std::string* err) {
  static int counter = 0;
  auto err_path = temp_file(fmt::format("stderr-{}", counter++), "");
  auto command = fmt::format("'{}' {} 2>'{}' >/dev/null", KPI_BINARY, args, err_path);
  int status = std::system(command.c_str());
  if (err) *err = slurp(err_path);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

}  // namespace kpi::testing::canonical
