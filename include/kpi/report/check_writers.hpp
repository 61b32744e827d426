#pragma once
// Output formats of `kpi-report check`: text, json, github, junit, sarif. One line each in
// check_writers.cpp.
#include <ostream>
#include <string_view>
#include <vector>

#include "kpi/pipeline.hpp"
#include "kpi/verify/check_items.hpp"

namespace kpi::report {

struct CheckContext {
  const PipelineResult& result;
  const std::vector<verify::CheckItem>& items;
  bool verbose = false;  // text: also list matches and consistent rates
};

struct CheckWriter {
  std::string_view name;
  std::string_view description;
  void (*write)(std::ostream& out, const CheckContext& context);
};

const std::vector<CheckWriter>& check_writers();
const CheckWriter* find_check_writer(std::string_view name);

void write_check_text(std::ostream& out, const CheckContext& context);
void write_check_json(std::ostream& out, const CheckContext& context);
void write_check_github(std::ostream& out, const CheckContext& context);
void write_check_junit(std::ostream& out, const CheckContext& context);
void write_check_sarif(std::ostream& out, const CheckContext& context);

// The source line of an item's location, or "" (shared by the writers that quote sources).
std::string_view source_line_of(const PipelineResult& result, const model::SourceLocation& loc);

}  // namespace kpi::report
