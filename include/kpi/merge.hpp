#pragma once
// Merging sheets of one municipality: several files (different fiscal years, a new year's
// actuals) become one series per KPI. A pure stage between parsing and verification.
#include <memory>
#include <vector>

#include "kpi/model/diagnostic_list.hpp"
#include "kpi/model/sheet.hpp"

namespace kpi {

struct MergeOutput {
  std::vector<model::Sheet> sheets;   // same order; merged KPIs live in their first sheet
  model::DiagnosticList diagnostics;  // input.merge-conflict warnings, input.merge-unmatched notes
  std::vector<std::size_t> extended;  // sheets whose KPIs received data: recheck their rates
};

// KPIs with the same (municipality, id, name) in different sheets join into the one listed
// first (input order). They are compared as keys (kpi/merge_keys.hpp): ids after NFKC and
// case folding ("No.３" = "no.3" = "No.3"), municipality slugs case-insensitively, names
// without width and spacing differences. An id or a municipality that matches nothing in the
// earlier sheets while a near one does (one or two edits) is an input.merge-near-miss
// warning naming both; the KPI is kept apart, never merged on a guess. Observations of other fiscal
// years are added; for the same fiscal year and for KPI-level fields, a value present in only one
// file is taken, and two different values are a conflict: reported (warning, both locations) and
// the later file's value kept. The later sheet's KPI is removed from its sheet and counted in its
// `merged_kpis` (or in the matching origin's `merged` for a JSON document read back), so
// every source keeps its own counts.
MergeOutput merge_sheets(std::vector<model::Sheet> sheets);

// merge_sheets one sheet at a time, in input order: a sheet is added as soon as it is read,
// and the KPIs it adds to earlier series are released at once (memory stays with the series).
class SheetMerger {
 public:
  SheetMerger();
  ~SheetMerger();
  void add(model::Sheet sheet);
  MergeOutput finish();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace kpi
