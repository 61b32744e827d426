#pragma once
// Output formats of `kpi-report check`: text, json, github, junit, sarif. One line each in
// check_writers.cpp.
#include <functional>
#include <map>
#include <ostream>
#include <string_view>
#include <utility>
#include <vector>

#include "kpi/pipeline.hpp"
#include "kpi/report/labels.hpp"
#include "kpi/verify/check_items.hpp"

namespace kpi::report {

struct CheckContext {
  const PipelineResult& result;
  const verify::CheckItems& items;  // made as they are written
  // text: also list matches and consistent rates; text, github: every repeated input problem
  // (else summed up, for_each_read_item)
  bool verbose = false;
  // text: the frame (counts, summary) in English or Japanese; the machine formats (json,
  // github, junit, sarif) are always English
  Lang lang = Lang::en;
  int jobs = 0;  // --jobs: threads a writer may use (0: every core)
};

struct CheckWriter {
  std::string_view name;
  std::string_view description;
  void (*write)(std::ostream& out, const CheckContext& context);
};

const std::vector<CheckWriter>& check_writers();
const CheckWriter* find_check_writer(std::string_view name);

// An item's text for a reader, appended to `text` (safe to call on several threads at once).
using RenderItem = std::function<void(std::string& text, const verify::CheckItem& item)>;
// The items as a person reads them (text, GitHub annotations): every one with --verbose, else
// a file's input problems repeated under one rule summed up after the first few
// (verify::CheckItems::for_each_summarised, as `report` does on stderr). Each item is rendered by
// render() and written to `out` in order; the runs of rates and findings are rendered on
// context.jobs threads.
void write_read_items(std::ostream& out, const CheckContext& context, const RenderItem& render,
                      const verify::CheckItems::Wanted& wanted);

void write_check_text(std::ostream& out, const CheckContext& context);
void write_check_json(std::ostream& out, const CheckContext& context);
void write_check_github(std::ostream& out, const CheckContext& context);
void write_check_junit(std::ostream& out, const CheckContext& context);
void write_check_sarif(std::ostream& out, const CheckContext& context);

// Quotes source lines of the sheets of a run (shared by the writers that quote sources).
class SourceLines {
 public:
  explicit SourceLines(const PipelineResult& result);
  // The source line of `loc`, or "" when unknown.
  std::string_view at(const model::SourceLocation& loc) const;

 private:
  // By path and worksheet: the sheets of one workbook each hold their own rows.
  std::map<std::pair<std::string_view, std::string_view>, const model::Sheet*> by_path_;
};

}  // namespace kpi::report
