#include "kpi/workbook_input.hpp"

#include <fmt/format.h>

#include "kpi/formats/grid_headers.hpp"
#include "kpi/formats/grid_layout.hpp"
#include "kpi/formats/registry.hpp"
#include "kpi/grid/workbook_reader.hpp"
#include "kpi/util/alongside.hpp"
#include "kpi/util/memory_reserve.hpp"
#include "kpi/util/parallel_chunks.hpp"
#include "kpi/util/thread_count.hpp"
#include "kpi/verify/rate_check.hpp"

namespace kpi {
namespace {

using formats::InputFormat;

// `sheet_name`: the worksheet the error is in ("" for the workbook as a whole), so the
// message reads book.xlsx:KPI進捗: error: …
model::Sheet failed(const std::string& path, std::string message, std::string code,
                    const std::string& sheet_name = "") {
  model::Sheet sheet;
  sheet.path = path;
  sheet.parsed.diagnostics.push_back({{path, 0, model::SharedName(sheet_name)},
                                      model::Severity::error,
                                      std::move(code),
                                      std::move(message)});
  return sheet;
}

// Which layout reads this worksheet: a named one, else the best sniff over the sheet's text,
// where the grid layout scores on the cells.
// The grid layout's header, when the cells decided, is kept for its parse (found once).
const InputFormat* choose(const grid::Sheet& sheet, std::string_view tsv,
                          const PipelineOptions& options,
                          std::optional<formats::grid_headers::HeaderMap>& grid_header) {
  if (options.input_format) return formats::find_format(*options.input_format);
  const auto* best = formats::detect_format(tsv);
  if (best && best->name != "grid") return best;
  grid_header = formats::grid_headers::find_header(sheet);  // what sniff_sheet scores
  return grid_header ? formats::find_format("grid") : nullptr;
}

// From this many rows on, a sheet's text is made and sniffed alongside the grid layout's
// reading of its cells (on a core each rather than one after the other); the sniffing then
// keeps that reading or, for a text layout, leaves it unused.
constexpr std::size_t read_ahead_rows_from = 2048;

// What a sheet's text and KPIs take, about, for each cell stored: the 1.6M cells of an
// 89,000-row sheet became 290 MB of KPIs and 37 MB of text. Announced before they are made
// (kpi/util/memory_reserve.hpp); a small sheet's announcement is below any reservation.
constexpr std::size_t model_bytes_per_cell = 200;

std::size_t stored_cells(const grid::Sheet& sheet) {
  std::size_t cells = 0;
  for (const auto& row : sheet.rows) cells += row.size();
  return cells;
}

void tag(model::SourceLocation& loc, const model::SharedName& sheet_name) {
  loc.sheet = sheet_name;
}

// From this many KPIs on, their locations are tagged in runs on several threads.
constexpr std::size_t parallel_tags_from = 2048;
constexpr std::size_t tags_per_chunk = 512;  // KPIs, taken in turn by the threads

// Every location read from a worksheet names the sheet (book.xlsx:KPI!P22); a large sheet's
// KPIs in runs on `threads`.
void tag_locations(model::ParseOutput& parsed, const model::SharedName& sheet_name,
                   unsigned threads) {
  for (auto& d : parsed.diagnostics) tag(d.location, sheet_name);
  auto& indicators = parsed.indicators;
  util::for_each_chunk(indicators.size(),
                       util::threads_for(indicators.size(), parallel_tags_from, threads),
                       tags_per_chunk, [&](std::size_t begin, std::size_t end) {
                         for (auto i = begin; i < end; ++i) {
                           tag(indicators[i].source, sheet_name);
                           for (auto& obs : indicators[i].observations) tag(obs.source, sheet_name);
                         }
                       });
}

bool wanted(const grid::Sheet& sheet, const PipelineOptions& options) {
  if (options.sheet) return sheet.name == *options.sheet;
  return !sheet.hidden;
}

std::string sheet_names(const grid::Workbook& book) {
  std::string names;
  for (const auto& s : book.sheets) names += (names.empty() ? "" : ", ") + s.name;
  return names;
}

// A sheet read as a KPI table of which only the header is there (a template).
bool is_header_only(const model::Sheet& s) {
  return s.usable && formats::grid_layout::header_only(s.parsed);
}

std::string no_kpi_sheet_message(const grid::Workbook& book, const PipelineOptions& options,
                                 const std::vector<std::string>& header_only) {
  std::string templates;
  for (const auto& name : header_only) templates += (templates.empty() ? "" : ", ") + name;
  if (!templates.empty())
    return fmt::format(
        "no KPI rows in the workbook: the KPI table header of {} has no rows "
        "below it (expected a row for each KPI)",
        templates);
  if (options.sheet)
    return fmt::format("no sheet named '{}' holds a KPI table (sheets: {})", *options.sheet,
                       sheet_names(book));
  std::string detail;
  for (const auto& s : book.sheets)
    if (!s.hidden)
      detail += fmt::format("; {}: {}", s.name, formats::grid_headers::header_report(s));
  return fmt::format("no KPI sheet in the workbook (sheets: {}){}", sheet_names(book), detail);
}

}  // namespace

bool is_workbook(std::string_view bytes) {
  // A damaged or foreign ZIP / OLE file goes to the workbook readers too, which say why it
  // cannot be read.
  return grid::has_container_magic(bytes);
}

model::Sheet process_grid_sheet(const grid::Sheet& sheet, const std::string& path,
                                const std::string& kind, const PipelineOptions& options) {
  model::Sheet out;
  out.path = path;
  out.sheet_name = sheet.name;
  out.encoding = kind;
  const InputFormat* format = nullptr;
  std::optional<formats::grid_headers::HeaderMap> grid_header;
  std::optional<model::ParseOutput> read_ahead;  // the grid layout's reading, made early
  unsigned threads = util::thread_count(options.jobs);
  auto make_text = [&] { out.keep_text(grid::to_tsv(sheet, threads)); };
  util::reserve_memory(stored_cells(sheet) * model_bytes_per_cell);
  if (!options.input_format && threads > 1 && sheet.rows.size() >= read_ahead_rows_from) {
    const InputFormat* sniffed = nullptr;
    util::alongside(
        [&] {
          make_text();
          sniffed = formats::detect_format(*out.text);
        },
        [&] {
          grid_header = formats::grid_headers::find_header(sheet);
          if (grid_header)
            read_ahead = formats::grid_layout::parse_sheet(sheet, path, {}, grid_header, threads);
        });
    // choose()'s decision: a text layout the sniffing found, else the grid layout's header.
    format = sniffed && sniffed->name != "grid" ? sniffed
             : grid_header                      ? formats::find_format("grid")
                                                : nullptr;
  } else {
    make_text();
    format = choose(sheet, *out.text, options, grid_header);
  }
  if (!format) return out;
  out.format = std::string(format->name);
  if (format->name != "grid")
    out.parsed = formats::parse_as(*format, *out.text, path);
  else if (read_ahead)
    out.parsed = std::move(*read_ahead);
  else
    out.parsed =
        formats::grid_layout::parse_sheet(sheet, path, {}, std::move(grid_header), threads);
  tag_locations(out.parsed, model::SharedName(sheet.name), threads);
  out.usable = true;
  verify::check_rates(out.parsed.indicators, options.profile ? &*options.profile : nullptr,
                      options.rate_check, threads);
  if (options.quote_lines)
    out.keep_referenced_lines();
  else
    out.release_text();
  return out;
}

std::vector<model::Sheet> process_workbook(std::string_view bytes, const std::string& path,
                                           const PipelineOptions& options) {
  if (grid::sniff_workbook(bytes) == grid::WorkbookKind::encrypted)
    return {failed(path, "encrypted workbook (password-protected): save it without a password",
                   "input.encrypted")};
  auto read = grid::read_workbook(bytes, {}, {util::thread_count(options.jobs)});
  if (!read.book) {
    auto where = read.error_where.empty() ? "" : " (" + read.error_where + ")";
    // A ZIP or OLE file that is no workbook (.docx, .doc) is not a sheet, like a README.
    bool foreign = read.error.rfind("not a workbook", 0) == 0;
    return {failed(path, read.error + where, foreign ? "input.no-kpi-table" : "input.workbook",
                   read.error_sheet)};
  }
  std::vector<model::Sheet> sheets;
  std::vector<std::string> header_only;  // sheets of a KPI table's header alone (templates)
  for (const auto& sheet : read.book->sheets) {
    if (!wanted(sheet, options)) continue;
    auto s = process_grid_sheet(sheet, path, read.book->kind, options);
    if (is_header_only(s))
      header_only.push_back(sheet.name);
    else if (s.usable)
      sheets.push_back(std::move(s));
  }
  if (sheets.empty())
    return {failed(path, no_kpi_sheet_message(*read.book, options, header_only),
                   header_only.empty() ? "input.no-kpi-table" : "input.no-rows")};
  for (const auto& name : header_only)
    sheets.front().parsed.diagnostics.push_back(
        {{path, 0, model::SharedName(name)},
         model::Severity::note,
         "input.no-rows",
         "a KPI table's header without rows below it (a template?): no KPIs"});
  return sheets;
}

}  // namespace kpi
