#include "sheets.hpp"

#include <fstream>
#include <sstream>
#include <stdexcept>

#include <unicode/ucnv.h>
#include <catch2/catch.hpp>

#include "kpi/pipeline.hpp"
#include "kpi/text/decode.hpp"

namespace kpi::testing {

std::string data_path(const std::string& relative) {
  return std::string(KPI_DATA_DIR) + "/" + relative;
}

std::string read_bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

model::Sheet load_sheet(const std::string& relative) {
  auto path = data_path(relative);
  auto decoded = text::decode(read_bytes(path));
  REQUIRE(decoded.ok());
  return process_text(decoded.utf8, path, decoded.encoding, {});
}

std::string encode_as(const std::string& utf8, const char* charset) {
  UErrorCode status = U_ZERO_ERROR;
  std::string out(utf8.size() * 4 + 16, '\0');
  int32_t n = ucnv_convert(charset, "UTF-8", out.data(), static_cast<int32_t>(out.size()),
                           utf8.data(), static_cast<int32_t>(utf8.size()), &status);
  REQUIRE(U_SUCCESS(status));
  out.resize(static_cast<std::size_t>(n));
  return out;
}

const model::Indicator& find_indicator(const model::Sheet& sheet, const std::string& id, int seq) {
  for (const auto& ind : sheet.parsed.indicators)
    if (ind.id == id && ind.seq == seq) return ind;
  FAIL("no indicator " << id << " #" << seq);
  throw std::logic_error("unreachable");
}

const model::Observation& find_observation(const model::Indicator& ind, int fiscal_year) {
  for (const auto& o : ind.observations)
    if (o.fiscal_year == fiscal_year) return o;
  FAIL("no FY" << fiscal_year << " observation in " << ind.id);
  throw std::logic_error("unreachable");
}

PipelineResult one_sheet_run(const std::string& path, const std::string& format,
                             model::ParseOutput parsed) {
  PipelineResult result;
  auto& sheet = result.sheets.emplace_back();
  sheet.path = path;
  sheet.format = format;
  sheet.usable = true;
  sheet.parsed = std::move(parsed);
  return result;
}

PipelineResult with_kpis_repeated(const PipelineResult& from, int copies) {
  PipelineResult result;
  result.sheets.push_back(from.sheets.front());
  auto& indicators = result.sheets.front().parsed.indicators;
  auto one = indicators;
  for (int c = 1; c < copies; ++c) indicators.insert(indicators.end(), one.begin(), one.end());
  return result;
}

}  // namespace kpi::testing
