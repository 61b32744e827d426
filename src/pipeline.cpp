#include "kpi/pipeline.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <limits>
#include <set>
#include <thread>

#include <fmt/format.h>

#include "kpi/formats/registry.hpp"
#include "kpi/merge.hpp"
#include "kpi/text/decode.hpp"
#include "kpi/text/strings.hpp"
#include "kpi/util/in_order.hpp"
#include "kpi/util/thread_count.hpp"
#include "kpi/verify/findings.hpp"
#include "kpi/verify/rate_check.hpp"
#include "kpi/workbook_input.hpp"

namespace kpi {
namespace fs = std::filesystem;
namespace {

constexpr std::uintmax_t max_file_bytes = 512ull * 1024 * 1024;

model::Diagnostic error_at(std::string path, int line, std::string code, std::string message,
                           model::Severity severity = model::Severity::error) {
  return {{std::move(path), line}, severity, std::move(code), std::move(message)};
}

struct FileText {
  std::string bytes;
  std::string error;
};

FileText read_file(const std::string& path) {
  std::error_code ec;
  // A FIFO or device would block or never end: only regular files are read.
  if (!fs::is_regular_file(path, ec))
    return {{},
            ec ? "cannot read: " + ec.message()
               : "not a regular file (a FIFO, device or socket?): expected a sheet file"};
  auto size = fs::file_size(path, ec);
  if (ec) return {{}, "cannot read: " + ec.message()};
  if (size > max_file_bytes)
    return {{},
            fmt::format("file of {} bytes is larger than the {} bytes kpi-report reads", size,
                        max_file_bytes)};
  std::ifstream in(path, std::ios::binary);
  if (!in) return {{}, std::string("cannot open for reading: ") + std::strerror(errno)};
  std::string bytes(size, '\0');
  in.read(bytes.data(), static_cast<std::streamsize>(size));
  bytes.resize(static_cast<std::size_t>(in.gcount()));
  if (in.bad()) return {{}, "read error"};
  return {std::move(bytes), {}};
}

bool is_hidden(const fs::path& p) {
  auto name = p.filename().string();
  return !name.empty() && name[0] == '.';
}

// Regular files under `dir`, recursively. Hidden entries are skipped and symlinked
// directories not followed (no loops); a directory that cannot be listed or a link that
// leads nowhere (dangling, or a loop of links) is reported, and the walk goes on.
void collect_files(const fs::path& dir, std::vector<std::string>& found,
                   std::vector<model::Diagnostic>& diagnostics) {
  std::error_code ec;
  fs::directory_iterator it(dir, ec), end;
  for (; !ec && it != end; it.increment(ec)) {
    const auto& entry = *it;
    if (is_hidden(entry.path())) continue;
    std::error_code entry_ec;
    bool link = entry.is_symlink(entry_ec);
    auto status = entry.status(entry_ec);
    if (entry_ec) {
      diagnostics.push_back(error_at(entry.path().string(), 0, "input.unreadable",
                                     "cannot read: " + entry_ec.message()));
    } else if (fs::is_directory(status)) {
      if (!link) collect_files(entry.path(), found, diagnostics);
    } else if (fs::is_regular_file(status)) {
      found.push_back(entry.path().string());
    }
  }
  if (ec)
    diagnostics.push_back(
        error_at(dir.string(), 0, "input.unreadable", "cannot read directory: " + ec.message()));
}

void walk_directory(const fs::path& dir, std::vector<std::string>& out,
                    std::vector<model::Diagnostic>& diagnostics) {
  std::vector<std::string> found;
  collect_files(dir, found, diagnostics);
  std::sort(found.begin(), found.end());
  out.insert(out.end(), found.begin(), found.end());
}

const formats::InputFormat* choose_format(std::string_view text, const PipelineOptions& options) {
  if (options.input_format) return formats::find_format(*options.input_format);
  return formats::detect_format(text);
}

}  // namespace

std::vector<std::string> expand_paths(const std::vector<std::string>& paths,
                                      std::vector<model::Diagnostic>& diagnostics,
                                      std::vector<bool>* from_directory) {
  std::vector<std::string> out;
  for (const auto& p : paths) {
    std::error_code ec;
    auto status = fs::status(p, ec);
    auto before = out.size();
    if (status.type() == fs::file_type::not_found) {
      diagnostics.push_back(error_at(p, 0, "input.missing", "no such file or directory"));
    } else if (ec) {  // a loop of symbolic links, a directory on the way not searchable ...
      diagnostics.push_back(error_at(p, 0, "input.unreadable", "cannot read: " + ec.message()));
    } else if (fs::is_directory(status)) {
      walk_directory(p, out, diagnostics);
    } else {
      out.push_back(p);
    }
    if (from_directory) from_directory->resize(out.size(), fs::is_directory(status));
    (void)before;
  }
  return out;
}

model::Sheet process_text(std::string_view text, std::string_view path, std::string encoding,
                          const PipelineOptions& options) {
  model::Sheet sheet;
  sheet.path = std::string(path);
  sheet.encoding = std::move(encoding);
  if (options.quote_lines) sheet.keep_text(std::string(text));  // else nothing quotes it
  if (text::trim(text).empty()) {
    sheet.parsed.diagnostics.push_back(
        error_at(sheet.path, 1, "input.no-kpi-table",
                 "empty file (no text): expected a KPI table in one of the layouts listed by "
                 "`kpi-report formats`"));
    return sheet;
  }
  const auto* format = choose_format(text, options);
  if (!format) {
    sheet.parsed.diagnostics.push_back(error_at(
        sheet.path, 1, "input.no-kpi-table",
        options.input_format
            ? "unknown input format '" + *options.input_format + "' (see `kpi-report formats`)"
            : "holds no KPI table kpi-report knows: expected one of the layouts "
              "listed by `kpi-report formats`"));
    return sheet;
  }
  sheet.format = std::string(format->name);
  sheet.parsed = formats::parse_as(*format, text, path);
  sheet.usable = true;
  verify::check_rates(sheet.parsed.indicators, options.profile ? &*options.profile : nullptr,
                      options.rate_check, threads_for(options));
  return sheet;
}

namespace {

model::Sheet process_text_file(std::string bytes, const std::string& path,
                               const PipelineOptions& options);

// A workbook gives a sheet per worksheet with a KPI table; a text file one sheet.
std::vector<model::Sheet> process_file(const std::string& path, const PipelineOptions& options) {
  auto file = read_file(path);
  if (!file.error.empty()) {
    model::Sheet sheet;
    sheet.path = path;
    sheet.parsed.diagnostics.push_back(error_at(path, 0, "input.unreadable", file.error));
    return {std::move(sheet)};
  }
  if (is_workbook(file.bytes)) return process_workbook(file.bytes, path, options);
  std::vector<model::Sheet> sheets;
  sheets.push_back(process_text_file(std::move(file.bytes), path, options));
  return sheets;
}

model::Sheet process_text_file(std::string bytes, const std::string& path,
                               const PipelineOptions& options) {
  auto decoded = text::decode_owned(std::move(bytes));  // UTF-8 bytes become the text, no copy
  std::vector<model::Diagnostic> decode_warnings;
  for (auto& w : decoded.warnings)
    decode_warnings.push_back(
        error_at(path, w.line, "input.encoding", std::move(w.message), model::Severity::warning));
  if (!decoded.ok()) {
    model::Sheet sheet;
    sheet.path = path;
    sheet.encoding = decoded.encoding;
    sheet.parsed.diagnostics.push_back(
        error_at(path, decoded.error_line, "input.encoding", decoded.error));
    return sheet;
  }
  auto sheet = process_text(decoded.utf8, path, decoded.encoding, options);
  auto& diagnostics = sheet.parsed.diagnostics;
  diagnostics.insert(diagnostics.begin(), decode_warnings.begin(), decode_warnings.end());
  // The text is released: memory stays flat over many files.
  if (options.quote_lines)
    sheet.keep_referenced_lines();
  else
    sheet.release_text();
  return sheet;
}

// A parser that throws (out of memory, a bug) fails its file, with the reason, instead of
// ending the program from a worker thread.
std::vector<model::Sheet> process_file_guarded(const std::string& path,
                                               const PipelineOptions& options) {
  try {
    return process_file(path, options);
  } catch (const std::exception& e) {
    model::Sheet sheet;
    sheet.path = path;
    sheet.parsed.diagnostics.push_back(
        error_at(path, 0, "input.internal",
                 fmt::format("could not be read: {} (a kpi-report bug)", e.what())));
    return {std::move(sheet)};
  }
}

// Sheets of one municipality for different years become one series per KPI; the rates of
// series that received another file's data are checked again with the joined KPI fields.
void merge_series(MergeOutput merged, PipelineResult& result, const PipelineOptions& options) {
  result.sheets = std::move(merged.sheets);
  result.diagnostics.append(std::move(merged.diagnostics));
  for (auto s : merged.extended)
    verify::check_rates(result.sheets[s].parsed.indicators,
                        options.profile ? &*options.profile : nullptr, options.rate_check,
                        threads_for(options));
}

// One path named on the command line and the files it yielded (files[begin, end)).
struct InputPath {
  std::string path;
  std::size_t begin = 0, end = 0;
  bool directory = false;
  bool reported = false;  // missing or unreadable: already an error
};

// A file found by a directory scan that is no sheet (a README, a profile, an image, a PDF):
// skipped, not an error.
bool not_a_sheet(const model::Sheet& sheet) {
  if (sheet.usable) return false;
  if (sheet.encoding == "binary") return true;
  const auto& ds = sheet.parsed.diagnostics;
  return std::any_of(ds.begin(), ds.end(),
                     [](const model::Diagnostic& d) { return d.code == "input.no-kpi-table"; });
}

std::string relative_to(const std::string& file, const std::string& dir) {
  auto rel = fs::path(file).lexically_relative(dir).generic_string();
  return rel.empty() || rel.rfind("..", 0) == 0 ? file : rel;
}

// Diagnostics and sheets of the input paths, file by file in input order. Files of a
// directory scan that are no sheet are listed in one note; a path that yields no sheet at all
// is an input error. Usable sheets go to the merger as they come.
class InputAccounting {
 public:
  InputAccounting(const std::vector<InputPath>& inputs, PipelineResult& result, SheetMerger& merger)
      : inputs_(inputs), result_(result), merger_(merger) {}

  void add_file(std::size_t file, std::vector<model::Sheet> sheets) {
    finish_inputs_before(file);
    const auto& input = inputs_[current_];
    for (auto& sheet : sheets) {  // a workbook: one per worksheet with a KPI table
      if (input.directory && not_a_sheet(sheet)) {
        skipped_.push_back(relative_to(sheet.path, input.path));
        continue;
      }
      for (auto& d : sheet.parsed.diagnostics) {
        if (d.severity == model::Severity::error) result_.input_error = true;
        result_.diagnostics.push_back(std::move(d));
      }
      std::vector<model::Diagnostic>().swap(sheet.parsed.diagnostics);  // moved to the result
      if (sheet.usable) ++usable_, merger_.add(std::move(sheet));
    }
  }

  // Closes the inputs after the last file.
  void finish() { finish_inputs_before(std::numeric_limits<std::size_t>::max()); }

 private:
  // Closes every input whose files all come before `file` (an input without files included).
  void finish_inputs_before(std::size_t file) {
    while (current_ < inputs_.size() && inputs_[current_].end <= file) {
      finish_input(inputs_[current_]);
      ++current_;
      skipped_.clear();
      usable_ = 0;
    }
  }

  void finish_input(const InputPath& input) {
    std::string list;
    for (const auto& name : skipped_) list += (list.empty() ? "" : ", ") + name;
    if (!skipped_.empty() && usable_ > 0)
      result_.diagnostics.push_back(error_at(
          input.path, 0, "input.skipped-files",
          fmt::format("skipped {} file{} that {} no KPI sheet: {}", skipped_.size(),
                      skipped_.size() == 1 ? "" : "s", skipped_.size() == 1 ? "is" : "are", list),
          model::Severity::note));
    if (usable_ > 0 || input.reported || (!input.directory && input.begin < input.end)) return;
    result_.input_error = true;
    result_.diagnostics.push_back(
        error_at(input.path, 0, "input.no-sheet",
                 fmt::format("no KPI sheet in {}{}", input.path,
                             skipped_.empty() ? " (no files)" : " (not sheets: " + list + ")")));
  }

  const std::vector<InputPath>& inputs_;
  PipelineResult& result_;
  SheetMerger& merger_;
  std::size_t current_ = 0;
  std::vector<std::string> skipped_;
  int usable_ = 0;
};

unsigned worker_count(const PipelineOptions& options) {
  return util::thread_count(options.jobs);
}

// Files are read on a worker per core; each file's sheets are accounted for and merged in
// input order as soon as they are ready, so only a few files' text is in memory at a time.
void read_all(const std::vector<std::string>& files, const std::vector<InputPath>& inputs,
              const PipelineOptions& options, PipelineResult& result) {
  SheetMerger merger;
  InputAccounting accounting(inputs, result, merger);
  unsigned workers = worker_count(options);
  util::for_each_in_order(
      files.size(), workers, 4 * std::size_t{workers},
      [&](std::size_t i) { return process_file_guarded(files[i], options); },
      [&](std::size_t i, std::vector<model::Sheet> sheets) {
        accounting.add_file(i, std::move(sheets));
      });
  accounting.finish();
  merge_series(merger.finish(), result, options);
}

}  // namespace

PipelineResult run_pipeline(const std::vector<std::string>& paths, const PipelineOptions& options) {
  PipelineResult result;
  std::vector<InputPath> inputs;
  std::vector<std::string> files;
  for (const auto& p : paths) {
    std::vector<model::Diagnostic> problems;
    auto found = expand_paths({p}, problems);
    std::error_code ec;
    inputs.push_back(
        {p, files.size(), files.size() + found.size(), fs::is_directory(p, ec), !problems.empty()});
    files.insert(files.end(), found.begin(), found.end());
    for (auto& d : problems) result.diagnostics.push_back(std::move(d));
  }
  result.input_error = !result.diagnostics.empty();
  if (options.input_format && !formats::find_format(*options.input_format)) {
    result.diagnostics.push_back(error_at("kpi-report", 0, "usage.input-format",
                                          "unknown input format '" + *options.input_format +
                                              "': expected one of `kpi-report formats`"));
    result.input_error = true;
    return result;
  }
  read_all(files, inputs, options, result);
  result.findings = verify::find_cross_row_problems(result.sheets, threads_for(options));
  return result;
}

}  // namespace kpi
